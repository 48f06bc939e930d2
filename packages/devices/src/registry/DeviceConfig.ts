import { z } from 'zod';

const usbId = z.union([z.number().int().min(0).max(0xffff), z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/)]);

export const SerialTransportConfigSchema = z.union([
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().optional() }),
  z.object({ type: z.literal('serial'), vendorId: usbId, productId: usbId, baudRate: z.number().int().positive().optional() }),
]);
export const TcpTransportConfigSchema = z.object({
  type: z.literal('tcp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(9100),
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
  kind: z.enum(['printer', 'idcard', 'scanner']),
  transport: TransportConfigSchema,
  /** Printer model key (see PRINTER_MODELS); ignored for other kinds. */
  model: z.string().optional(),
});
export type DeviceConfig = z.input<typeof DeviceConfigSchema>;
export type ParsedDeviceConfig = z.output<typeof DeviceConfigSchema>;
export type TransportConfig = z.output<typeof TransportConfigSchema>;

export function toUsbId(v: number | string): number {
  return typeof v === 'number' ? v : Number.parseInt(v.replace(/^0x/i, ''), 16);
}

/** Serial baud rates the device kinds use unless told otherwise. */
export const DEFAULT_BAUD: Record<ParsedDeviceConfig['kind'], number> = { printer: 115200, idcard: 115200, scanner: 9600 };
