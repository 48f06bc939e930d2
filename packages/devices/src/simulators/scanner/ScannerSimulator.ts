import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { HidDeviceLike } from '../../transport/HidTransport.ts';
import { buildHidPosReports } from '../../scanner/hidPosReport.ts';

/** A scanner in USB-CDC mode on a serial port: `scan(code)` sends it with a CR terminator. */
export class ScannerSimulator {
  private constructor(private readonly port: SerialPort) {}

  static async start(opts: { serialPath: string; baudRate?: number }): Promise<ScannerSimulator> {
    const port = new SerialPort({ path: opts.serialPath, baudRate: opts.baudRate ?? 9600, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('error', () => undefined);
    return new ScannerSimulator(port);
  }

  async scan(code: string, suffix = '\r\n'): Promise<void> {
    await new Promise<void>((resolve, reject) => this.port.write(Buffer.from(code + suffix, 'utf8'), (e) => (e ? reject(e) : resolve())));
    await new Promise<void>((resolve) => this.port.drain(() => resolve()));
  }

  async stop(): Promise<void> {
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

/**
 * A node-hid device stand-in that plays back recorded input reports. Implements the part of
 * `HIDAsync` the HID transport uses; the kernel here has no uhid to create a real HID device.
 */
export class RecordedHidDevice extends EventEmitter implements HidDeviceLike {
  readonly written: Buffer[] = [];
  closed = false;

  /** Plays reports as the device would send them, one per tick. */
  async play(reports: Iterable<Uint8Array>, intervalMs = 2): Promise<void> {
    for (const r of reports) {
      if (this.closed) return;
      this.emit('data', Buffer.from(r));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** A code as HID POS scanned-data reports. */
  async scan(code: string, symbology = ']Q1'): Promise<void> {
    await this.play(buildHidPosReports(Buffer.from(code, 'utf8'), symbology));
  }

  /** The device vanished (unplugged): node-hid reports a read error. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  write(values: number[] | Buffer): number {
    this.written.push(Buffer.from(values));
    return values.length;
  }

  close(): void {
    this.closed = true;
  }
}
