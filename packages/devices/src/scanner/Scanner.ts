import { DeviceError } from '../errors/DeviceError.ts';
import type { HealthLevel, HealthReport } from '../lifecycle/DeviceStatus.ts';
import { PosDevice, type PosDeviceEvents, type PosDeviceOptions } from '../lifecycle/PosDevice.ts';
import { HidTransport } from '../transport/HidTransport.ts';
import type { Transport } from '../transport/Transport.ts';
import { decodeScanText } from './decodeScanText.ts';
import { parseHidPosReport } from './hidPosReport.ts';

export interface ScanEvent {
  code: string;
  /** AIM symbology id when the scanner sends one (HID POS), e.g. "]Q1" for QR. */
  symbology?: string;
  source: 'serial' | 'hid-pos';
  at: string;
}

export interface ScannerEvents extends PosDeviceEvents {
  scan: [scan: ScanEvent];
}

export interface ScannerOptions extends PosDeviceOptions {
  /** Longest code accepted (serial mode); longer input without a terminator is dropped as noise. */
  maxLength?: number;
}

/**
 * A barcode/QR scanner in USB-CDC serial mode (codes end in CR and/or LF) or HID POS mode
 * (scanned-data reports). Keyboard-wedge scanners are handled in the renderer (@hallkit/ui KeyboardWedge).
 */
export class Scanner extends PosDevice<ScannerEvents> {
  readonly mode: 'serial' | 'hid-pos';
  private line: number[] = [];
  private hidParts: Uint8Array[] = [];
  private lastScanAt: string | undefined;

  constructor(
    transport: Transport,
    private readonly opts: ScannerOptions = {},
  ) {
    super(transport, opts);
    this.mode = transport instanceof HidTransport ? 'hid-pos' : 'serial';
    transport.on('data', (chunk) => (this.mode === 'serial' ? this.onSerial(chunk) : this.onReport(chunk)));
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const ok = this.claimed && this.power === 'online';
    return {
      level,
      ok,
      summary: ok ? `listening (${this.mode})` : `not connected (${this.power})`,
      checkedAt: new Date().toISOString(),
      details: { mode: this.mode, lastScanAt: this.lastScanAt ?? null },
    };
  }

  /** Scanners have no query command in either mode: an open link is all we can check. */
  protected async onConnected(): Promise<void> {
    this.line = [];
    this.hidParts = [];
  }

  private onSerial(chunk: Buffer): void {
    for (const b of chunk) {
      if (b === 0x0d || b === 0x0a) {
        if (this.line.length > 0) this.deliver(Uint8Array.from(this.line), undefined);
        this.line = [];
      } else if (this.line.length >= (this.opts.maxLength ?? 4096)) {
        this.emitFault(new DeviceError('protocol', `scan longer than ${this.opts.maxLength ?? 4096} bytes without a terminator; dropped`));
        this.line = [];
      } else {
        this.line.push(b);
      }
    }
  }

  private onReport(report: Buffer): void {
    const parsed = parseHidPosReport(report);
    if (!parsed.ok) {
      this.emitFault(new DeviceError('protocol', `HID report ignored: ${parsed.error}`));
      return;
    }
    this.hidParts.push(parsed.data);
    if (parsed.more) return;
    const data = Buffer.concat(this.hidParts);
    this.hidParts = [];
    if (data.length > 0) this.deliver(data, parsed.symbology);
  }

  private deliver(bytes: Uint8Array, symbology: string | undefined): void {
    if (!this.enabled) return; // UnifiedPOS: a disabled device delivers no data
    const at = new Date().toISOString();
    this.lastScanAt = at;
    const scan: ScanEvent = { code: decodeScanText(bytes), source: this.mode, at, ...(symbology ? { symbology } : {}) };
    this.log.info(`scan ${scan.code.length} chars${symbology ? ` ${symbology}` : ''}`);
    this.emit('scan', scan);
  }
}
