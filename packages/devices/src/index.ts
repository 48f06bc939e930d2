// @hallkit/devices: the device layer (receipt printer, ID-card reader, scanner, LED window strip,
// caller keypad bus), its simulators
// and discovery. See docs/devices.md.
export { DeviceError, isDeviceError, type DeviceErrorCode } from './errors/DeviceError.ts';
export { maskIdNumber, maskName, redactIdNumbers } from './privacy/maskIdNumber.ts';
export type { DeviceLogEntry, DeviceLogSink, LogLevel } from './lifecycle/DeviceLog.ts';
export type { DeviceState, PowerState, CoverState, PaperState, StatusEvent, HealthLevel, HealthReport } from './lifecycle/DeviceStatus.ts';
export { PosDevice, type PosDeviceEvents, type PosDeviceOptions, type ClaimOptions } from './lifecycle/PosDevice.ts';

export type { Transport, TransportEvents } from './transport/Transport.ts';
export { SerialTransport, type SerialTransportOptions } from './transport/SerialTransport.ts';
export { TcpTransport, type TcpTransportOptions } from './transport/TcpTransport.ts';
export { HidTransport, openNodeHid, type HidDeviceLike, type HidOpener, type HidSelector } from './transport/HidTransport.ts';
export { listSerialPorts, listHidDevices, findSerialPort, type SerialPortEntry, type HidDeviceEntry } from './transport/discovery.ts';

export { ReceiptPrinter, type ReceiptPrinterOptions, type ReceiptPrinterEvents } from './printer/ReceiptPrinter.ts';
export type { PrintJob, PrintJobKind, PrintJobStage, PrintJobFailureReason } from './printer/PrintJob.ts';
export { PRINTER_MODELS, DEFAULT_PRINTER_MODEL, printerModel, type PrinterModel } from './printer/models.ts';
export {
  QueueTicketSlipSchema,
  GenericSlipSchema,
  ZH_CN_LABELS,
  type QueueTicketSlip,
  type GenericSlip,
  type SlipLabels,
} from './printer/receipt/slips.ts';
export { parseStatusReply, combineStatus, StatusQuery, type PrinterStatus, type StatusReply } from './printer/escpos/statusReply.ts';
export { EscPosInterpreter } from './printer/escpos/EscPosInterpreter.ts';
export type { PrintedReceipt, PaperBlock } from './printer/escpos/PrintedPaper.ts';
export { receiptToText } from './printer/escpos/PrintedPaper.ts';

export { IdCardReader, type IdCardReaderOptions, type IdCardReaderEvents, type ReaderState } from './idcard/IdCardReader.ts';
export { describeCard, type IdCard, type IdCardKind, type CardPhoto } from './idcard/IdCard.ts';
export type { PhotoDecoder } from './idcard/PhotoDecoder.ts';
export { decodeCardText, encodeCardText } from './idcard/cardText.ts';
export { SamFrameReader, encodeCommand, encodeReply, SamCommand, SamResult } from './idcard/samFrame.ts';

export { Scanner, type ScanEvent, type ScannerOptions, type ScannerEvents } from './scanner/Scanner.ts';
export { parseHidPosReport, buildHidPosReports } from './scanner/hidPosReport.ts';

export { DeviceConfigSchema, type DeviceConfig, type TransportConfig } from './registry/DeviceConfig.ts';
export { DeviceRegistry, createDevice, createTransport, parseDeviceConfig, type AnyDevice, type DeviceFactoryOptions } from './registry/DeviceRegistry.ts';

export { PrinterSimulator, type PrinterSimulatorOptions, type PrinterFault } from './simulators/printer/PrinterSimulator.ts';
export { receiptToSvg, svgToPng, findCjkFont } from './simulators/printer/paperImage.ts';
export { IdCardSimulator, fakeWltPhoto, type SimulatedCard, type IdCardFault } from './simulators/idcard/IdCardSimulator.ts';
export { ScannerSimulator, RecordedHidDevice } from './simulators/scanner/ScannerSimulator.ts';
export { PtyLink } from './simulators/PtyLink.ts';

export { LedStrip, type LedStripOptions, type LedStripEvents } from './ledstrip/LedStrip.ts';
export { StripScreenSchema, stripAreas, textWidth, type StripScreen, type ParsedStripScreen, type StripGeometry } from './ledstrip/StripScreen.ts';
export { BX_MODELS, DEFAULT_BX_MODEL, bxModel, type BxModel } from './ledstrip/models.ts';
export { STRIP_COLOURS, encodeStripText, decodeStripText, stripPlainText, type StripColour, type StripRun } from './ledstrip/bx/stripText.ts';
export { describeNack, NACK_REASONS } from './ledstrip/bx/bxCommands.ts';
export { testPattern } from './ledstrip/testPattern.ts';
export { LedStripSimulator, type LedStripSimulatorOptions, type LedStripFault, type StripProblem } from './simulators/ledstrip/LedStripSimulator.ts';
export { VirtualStrip } from './simulators/ledstrip/VirtualStrip.ts';
export { stripSvg, stripPng, ledMatrix } from './simulators/ledstrip/stripImage.ts';

export { CallerKeypadBus, BEEP, type KeypadPress, type CallerKeypadBusOptions, type CallerKeypadBusEvents } from './keypad/CallerKeypadBus.ts';
export { parseKeypress, keypressData, keypadDigits, KeyCode, type KeypadAction, type KeypadActionName } from './keypad/keys.ts';
export { encodeKeypadFrame, displayFrame, beepFrame, KeypadFrameReader, KeypadFunc } from './keypad/keypadFrame.ts';
export { KeypadSimulator, type SimulatedKeypad, type KeypadSimulatorOptions } from './simulators/keypad/KeypadSimulator.ts';
