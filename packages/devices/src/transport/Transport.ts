import type { EventEmitter } from 'node:events';

export interface TransportEvents {
  data: [chunk: Buffer];
  /** The link went away without close() being called (cable pulled, socket reset). */
  lost: [reason: Error];
}

/**
 * One byte link to a device: a serial port, a TCP socket or a HID handle. Devices speak their
 * protocol over this and never see which one it is.
 */
export interface Transport extends EventEmitter<TransportEvents> {
  /** Human-readable address for logs and the CLI ("serial:/dev/ttyUSB0", "tcp:10.0.0.5:9100"). */
  readonly address: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
}
