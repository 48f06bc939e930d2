import { DeviceError } from '../errors/DeviceError.ts';
import { IdCardReader, type IdCardReaderOptions } from '../idcard/IdCardReader.ts';
import type { DeviceLogSink } from '../lifecycle/DeviceLog.ts';
import { ReceiptPrinter, type ReceiptPrinterOptions } from '../printer/ReceiptPrinter.ts';
import { Scanner } from '../scanner/Scanner.ts';
import { findSerialPort } from '../transport/discovery.ts';
import { HidTransport, openNodeHid, type HidOpener } from '../transport/HidTransport.ts';
import { SerialTransport } from '../transport/SerialTransport.ts';
import { TcpTransport } from '../transport/TcpTransport.ts';
import type { Transport } from '../transport/Transport.ts';
import { CallerKeypadBus, type CallerKeypadBusOptions } from '../keypad/CallerKeypadBus.ts';
import { LedStrip, type LedStripOptions } from '../ledstrip/LedStrip.ts';
import { DEFAULT_BAUD, DEFAULT_TCP_PORT, DeviceConfigSchema, toUsbId, type DeviceConfig, type ParsedDeviceConfig } from './DeviceConfig.ts';

export type AnyDevice = ReceiptPrinter | IdCardReader | Scanner | LedStrip | CallerKeypadBus;

export interface DeviceFactoryOptions {
  log?: DeviceLogSink;
  /** How HID devices are opened (tests pass recorded devices). */
  hidOpener?: HidOpener;
  printer?: ReceiptPrinterOptions;
  idcard?: IdCardReaderOptions;
  ledstrip?: LedStripOptions;
  keypad?: CallerKeypadBusOptions;
}

export function parseDeviceConfig(config: unknown): ParsedDeviceConfig {
  const parsed = DeviceConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new DeviceError('config', `invalid device config: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export async function createTransport(config: ParsedDeviceConfig, hidOpener: HidOpener = openNodeHid): Promise<Transport> {
  const t = config.transport;
  if (t.type === 'tcp') return new TcpTransport({ host: t.host, port: t.port ?? DEFAULT_TCP_PORT[config.kind] });
  if (t.type === 'hid') {
    return new HidTransport('path' in t ? { path: t.path } : { vendorId: toUsbId(t.vendorId), productId: toUsbId(t.productId) }, hidOpener);
  }
  const path = 'path' in t ? t.path : await findSerialPort(toUsbId(t.vendorId), toUsbId(t.productId));
  return new SerialTransport({ path, baudRate: t.baudRate ?? DEFAULT_BAUD[config.kind] });
}

/** Builds (does not open) the device a config describes. */
export async function createDevice(config: DeviceConfig | unknown, opts: DeviceFactoryOptions = {}): Promise<AnyDevice> {
  const c = parseDeviceConfig(config);
  const transport = await createTransport(c, opts.hidOpener);
  const base = { name: c.id ?? `${c.kind}@${transport.address}`, ...(opts.log ? { log: opts.log } : {}) };
  switch (c.kind) {
    case 'printer':
      return new ReceiptPrinter(transport, { ...opts.printer, ...base, ...(c.model ? { model: c.model } : {}) });
    case 'idcard':
      return new IdCardReader(transport, { ...opts.idcard, ...base });
    case 'scanner':
      return new Scanner(transport, base);
    case 'ledstrip':
      return new LedStrip(transport, {
        ...opts.ledstrip, ...base, ...(c.model ? { model: c.model } : {}), ...(c.screenAddress ? { screenAddress: c.screenAddress } : {}),
        ...(c.width ? { width: c.width } : {}), ...(c.height ? { height: c.height } : {}),
      });
    case 'keypad':
      return new CallerKeypadBus(transport, { ...opts.keypad, ...base });
  }
}

/**
 * The devices of one terminal: built from config, brought up together (a missing device is
 * reported offline and picked up when it appears), torn down together.
 */
export class DeviceRegistry {
  private readonly devices = new Map<string, AnyDevice>();

  constructor(private readonly opts: DeviceFactoryOptions = {}) {}

  async start(configs: Array<DeviceConfig | unknown>): Promise<Map<string, AnyDevice>> {
    for (const [i, raw] of configs.entries()) {
      const c = parseDeviceConfig(raw);
      const id = c.id ?? `${c.kind}-${i}`;
      const device = await createDevice({ ...c, id }, this.opts);
      this.devices.set(id, device);
      await device.open();
      await device.claim({ allowOffline: true });
      await device.enable();
    }
    return this.devices;
  }

  get(id: string): AnyDevice | undefined {
    return this.devices.get(id);
  }

  /** The first device of a kind (a kiosk has one printer, one reader, one scanner). */
  first<K extends AnyDevice>(ctor: new (...args: never[]) => K): K | undefined {
    for (const d of this.devices.values()) if (d instanceof ctor) return d as K;
    return undefined;
  }

  all(): Array<[string, AnyDevice]> {
    return [...this.devices.entries()];
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.devices.values()].map((d) => d.close().catch(() => undefined)));
    this.devices.clear();
  }
}
