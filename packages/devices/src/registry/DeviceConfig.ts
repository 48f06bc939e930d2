import { z } from 'zod';

const usbId = z.union([z.number().int().min(0).max(0xffff), z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/)]);

export const SerialTransportConfigSchema = z.union([
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().optional() }),
  z.object({ type: z.literal('serial'), vendorId: usbId, productId: usbId, baudRate: z.number().int().positive().optional() }),
]);
export const TcpTransportConfigSchema = z.object({
  type: z.literal('tcp'),
  host: z.string().min(1),
  /** Default by kind: 9100 for a printer, 5005 for an LED controller. */
  port: z.number().int().min(1).max(65535).optional(),
});
export const HidTransportConfigSchema = z.union([
  z.object({ type: z.literal('hid'), path: z.string().min(1) }),
  z.object({ type: z.literal('hid'), vendorId: usbId, productId: usbId }),
]);
export const TransportConfigSchema = z.union([SerialTransportConfigSchema, TcpTransportConfigSchema, HidTransportConfigSchema]);

/** One device in a terminal's config (JSON, flows down from the center as part of provisioning). */
export const DeviceConfigSchema = z.object({
  version: z.literal(1).default(1),
  id: z.string().min(1).optional(),
  kind: z.enum(['printer', 'idcard', 'scanner', 'ledstrip', 'keypad']),
  transport: TransportConfigSchema,
  /** Printer model key (see PRINTER_MODELS) or LED controller model (BX_MODELS); ignored for other kinds. */
  model: z.string().optional(),
  /** LED strip: the controller's screen address (default 1) and the strip's size in LEDs. */
  screenAddress: z.number().int().min(1).max(0xfffe).optional(),
  width: z.number().int().min(8).max(2048).optional(),
  height: z.number().int().min(8).max(512).optional(),
});
export type DeviceConfig = z.input<typeof DeviceConfigSchema>;
export type ParsedDeviceConfig = z.output<typeof DeviceConfigSchema>;
export type TransportConfig = z.output<typeof TransportConfigSchema>;

export function toUsbId(v: number | string): number {
  return typeof v === 'number' ? v : Number.parseInt(v.replace(/^0x/i, ''), 16);
}

/** Serial baud rates the device kinds use unless told otherwise. */
export const DEFAULT_BAUD: Record<ParsedDeviceConfig['kind'], number> = { printer: 115200, idcard: 115200, scanner: 9600, ledstrip: 57600, keypad: 9600 };
/** TCP port by kind when the config gives none. */
export const DEFAULT_TCP_PORT: Record<ParsedDeviceConfig['kind'], number> = { printer: 9100, idcard: 9100, scanner: 9100, ledstrip: 5005, keypad: 4001 };
