import { redactIdNumbers } from '../privacy/maskIdNumber.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface DeviceLogEntry {
  level: LogLevel;
  device: string;
  message: string;
  at: string;
}
/** Where device log lines go. Every line passes through ID-number redaction first. */
export type DeviceLogSink = (entry: DeviceLogEntry) => void;

export class DeviceLog {
  constructor(
    private readonly device: string,
    private readonly sink: DeviceLogSink | undefined,
  ) {}

  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }

  private write(level: LogLevel, message: string): void {
    if (!this.sink) return;
    this.sink({ level, device: this.device, message: redactIdNumbers(message), at: new Date().toISOString() });
  }
}
