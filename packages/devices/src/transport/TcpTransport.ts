import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { DeviceError } from '../errors/DeviceError.ts';
import type { Transport, TransportEvents } from './Transport.ts';

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

/** A raw TCP socket, e.g. a network receipt printer on port 9100. */
export class TcpTransport extends EventEmitter<TransportEvents> implements Transport {
  private socket: Socket | undefined;
  private closing = false;

  constructor(private readonly opts: TcpTransportOptions) {
    super();
  }

  get address(): string {
    return `tcp:${this.opts.host}:${this.opts.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    this.closing = false;
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DeviceError('offline', `${this.address}: connect timed out`));
      }, this.opts.connectTimeoutMs ?? 3000);
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new DeviceError('offline', `${this.address}: ${err.message}`));
      });
      socket.connect(this.opts.port, this.opts.host, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    socket.removeAllListeners('error');
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 5000);
    this.socket = socket;
    socket.on('data', (chunk) => this.emit('data', chunk));
    socket.on('error', (err) => this.drop(socket, err));
    socket.on('close', () => this.drop(socket, new Error('connection closed by peer')));
  }

  private drop(socket: Socket, reason: Error): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    socket.destroy();
    if (!this.closing) this.emit('lost', reason);
  }

  async close(): Promise<void> {
    this.closing = true;
    const socket = this.socket;
    this.socket = undefined;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 500).unref();
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new DeviceError('offline', `${this.address} is not connected`);
    await new Promise<void>((resolve, reject) =>
      socket.write(data, (err) => (err ? reject(new DeviceError('offline', `${this.address}: ${err.message}`)) : resolve())),
    );
  }
}
