// @hallkit/devices: the device layer (receipt printer, ID-card reader, scanner), its simulators
// and discovery. See docs/devices.md.
export { DeviceError, isDeviceError, type DeviceErrorCode } from './errors/DeviceError.ts';
export { maskIdNumber, redactIdNumbers } from './privacy/maskIdNumber.ts';
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
