import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { DeviceError } from '../errors/DeviceError.ts';
import type { Transport, TransportEvents } from './Transport.ts';

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
}

/**
 * A serial port through the real `serialport` binding. It never touches DTR/RTS: those ioctls
 * fail on the PTYs used for simulators, and the devices we drive do not need them.
 */
export class SerialTransport extends EventEmitter<TransportEvents> implements Transport {
  private port: SerialPort | undefined;
  private closing = false;

  constructor(private readonly opts: SerialTransportOptions) {
    super();
  }

  get address(): string {
    return `serial:${this.opts.path}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    this.closing = false;
    const port = new SerialPort({ path: this.opts.path, baudRate: this.opts.baudRate ?? 9600, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(new DeviceError('offline', `cannot open ${this.opts.path}: ${err.message}`)) : resolve())),
    );
    this.port = port;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (err: Error) => this.drop(port, err));
    port.on('close', (err: Error | null) => this.drop(port, err ?? new Error('port closed')));
  }

  private drop(port: SerialPort, reason: Error): void {
    if (this.port !== port) return;
    this.port = undefined;
    if (port.isOpen) port.close(() => undefined);
    if (!this.closing) this.emit('lost', reason);
  }

  async close(): Promise<void> {
    this.closing = true;
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new DeviceError('offline', `${this.address} is not open`);
    await new Promise<void>((resolve, reject) =>
      port.write(Buffer.from(data), (err) => (err ? reject(new DeviceError('offline', `write to ${this.address} failed: ${err.message}`)) : resolve())),
    );
    await new Promise<void>((resolve) => port.drain(() => resolve()));
  }
}
