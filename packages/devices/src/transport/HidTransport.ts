import { EventEmitter } from 'node:events';
import { DeviceError } from '../errors/DeviceError.ts';
import type { Transport, TransportEvents } from './Transport.ts';

/**
 * The part of node-hid's `HIDAsync` (and `HID`) we use. Tests pass a recorded-report device that
 * implements the same surface, since this kernel has no uhid to fake a real HID device.
 */
export interface HidDeviceLike {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  write(values: number[] | Buffer): Promise<number> | number;
  close(): Promise<void> | void;
}

export type HidSelector = { path: string } | { vendorId: number; productId: number };
export type HidOpener = (selector: HidSelector) => Promise<HidDeviceLike>;

/** Opens a real device through node-hid (loaded lazily: hosts without HID devices never load it). */
export const openNodeHid: HidOpener = async (selector) => {
  const mod = await import('node-hid');
  const HIDAsync = mod.HIDAsync ?? mod.default.HIDAsync;
  try {
    return 'path' in selector
      ? await HIDAsync.open(selector.path)
      : await HIDAsync.open(selector.vendorId, selector.productId);
  } catch (e) {
    throw new DeviceError('not-found', `cannot open HID device ${describeHid(selector)}: ${(e as Error).message}`);
  }
};

export function describeHid(selector: HidSelector): string {
  return 'path' in selector
    ? selector.path
    : `${selector.vendorId.toString(16).padStart(4, '0')}:${selector.productId.toString(16).padStart(4, '0')}`;
}

/** A HID handle; each input report arrives as one `data` chunk. */
export class HidTransport extends EventEmitter<TransportEvents> implements Transport {
  private device: HidDeviceLike | undefined;
  private closing = false;

  constructor(
    private readonly selector: HidSelector,
    private readonly opener: HidOpener = openNodeHid,
  ) {
    super();
  }

  get address(): string {
    return `hid:${describeHid(this.selector)}`;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    this.closing = false;
    const device = await this.opener(this.selector);
    this.device = device;
    device.on('data', (report) => this.emit('data', Buffer.from(report)));
    device.on('error', (err) => {
      if (this.device !== device) return;
      this.device = undefined;
      device.removeAllListeners();
      Promise.resolve(device.close()).catch(() => undefined);
      if (!this.closing) this.emit('lost', err);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const device = this.device;
    this.device = undefined;
    if (!device) return;
    device.removeAllListeners();
    await device.close();
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.device) throw new DeviceError('offline', `${this.address} is not open`);
    await this.device.write(Buffer.from(data));
  }
}
