// The kiosk's hardware: receipt printer, ID-card reader, code scanner — each optional. What is not
// configured is `absent` (its paths are hidden); what is configured but not answering is `offline`.
import { EventEmitter } from 'node:events';
// Subpath imports: the package index also exports the simulators, which must stay out of the
// Electron bundle (they pull in an SVG renderer with a native module).
import { IdCardReader } from '@hallkit/devices/idcard/IdCardReader';
import type { IdCard } from '@hallkit/devices/idcard/IdCard';
import { isDeviceError } from '@hallkit/devices/errors/DeviceError';
import type { DeviceLogEntry } from '@hallkit/devices/lifecycle/DeviceLog';
import { ReceiptPrinter } from '@hallkit/devices/printer/ReceiptPrinter';
import type { PrintJob } from '@hallkit/devices/printer/PrintJob';
import type { GenericSlip, QueueTicketSlip, SlipLabels } from '@hallkit/devices/printer/receipt/slips';
import { Scanner } from '@hallkit/devices/scanner/Scanner';
import { SerialTransport } from '@hallkit/devices/transport/SerialTransport';
import { TcpTransport } from '@hallkit/devices/transport/TcpTransport';
import type { Transport } from '@hallkit/devices/transport/Transport';

export type PrinterState = 'ready' | 'paper-empty' | 'cover-open' | 'offline' | 'absent';
export type InputState = 'ready' | 'offline' | 'absent';
export type PrintResult = { ok: true; jobId: string } | { ok: false; reason: 'paper-empty' | 'cover-open' | 'offline' | 'absent' | 'error'; jobId?: string };

export interface KioskDeviceAddresses {
  /** `tcp:HOST:PORT` or a serial path. */
  printer?: string;
  printerModel?: string;
  /** Serial path of the SAM module. */
  idCard?: string;
  /** Serial path of the scanner (USB-CDC mode). */
  scanner?: string;
}

export interface DeviceHealth {
  printer: PrinterState;
  reader: InputState;
  scanner: InputState;
}

function transportFor(address: string, baudRate: number): Transport {
  const m = /^tcp:([^:]+):(\d+)$/.exec(address);
  if (m) return new TcpTransport({ host: m[1] as string, port: Number(m[2]) });
  return new SerialTransport({ path: address.replace(/^serial:/, ''), baudRate });
}

export class KioskDevices extends EventEmitter<{ change: [DeviceHealth]; card: [IdCard]; cardError: []; scan: [string] }> {
  readonly printer: ReceiptPrinter | undefined;
  readonly reader: IdCardReader | undefined;
  readonly scanner: Scanner | undefined;
  private printerState: PrinterState;

  constructor(
    readonly addresses: KioskDeviceAddresses,
    opts: { labels?: SlipLabels; timeZone?: string; log?: (line: string) => void } = {},
  ) {
    super();
    const log = opts.log ?? ((l: string) => console.error(l));
    const sink = (e: DeviceLogEntry) => {
      if (e.level !== 'debug') log(`[${e.device}] ${e.level} ${e.message}`);
    };
    this.printer = addresses.printer
      ? new ReceiptPrinter(transportFor(addresses.printer, 115200), {
          name: 'printer',
          log: sink,
          ...(addresses.printerModel ? { model: addresses.printerModel } : {}),
          ...(opts.labels ? { labels: opts.labels } : {}),
          ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
          statusPollMs: 1000,
          statusTimeoutMs: 800,
          chunkBytes: 4096,
          reconnectMaxMs: 2000,
        })
      : undefined;
    this.reader = addresses.idCard ? new IdCardReader(transportFor(addresses.idCard, 115200), { name: 'idcard', log: sink, pollMs: 300 }) : undefined;
    this.scanner = addresses.scanner ? new Scanner(transportFor(addresses.scanner, 9600), { name: 'scanner', log: sink }) : undefined;
    this.printerState = this.printer ? 'offline' : 'absent';

    this.printer?.on('status', () => this.refreshPrinter());
    this.printer?.on('state', () => this.refreshPrinter());
    this.reader?.on('status', () => this.changed());
    this.reader?.on('card', (c) => this.emit('card', c));
    let readerBefore = 'no-card';
    let faultBefore: string | null = null;
    this.reader?.on('reader', (s) => {
      // Tell the citizen to lift and replace a card only when a card was found and then failed: a
      // bad checksum on the "is there a card?" poll is line noise, and nobody placed anything.
      if (s === 'read-failed' || (s === 'checksum-error' && readerBefore === 'reading')) this.emit('cardError');
      readerBefore = s;
      const fault = this.reader?.fault ?? null;
      if (fault !== faultBefore) {
        faultBefore = fault;
        this.changed();
      }
    });
    this.scanner?.on('scan', (s) => this.emit('scan', s.code));
    this.scanner?.on('status', () => this.changed());
  }

  async start(): Promise<void> {
    const p = this.printer;
    const r = this.reader;
    const sc = this.scanner;
    await Promise.all([
      p ? p.open().then(() => p.claim({ allowOffline: true })).then(() => p.enable()) : undefined,
      r ? r.open().then(() => r.claim({ allowOffline: true })).then(() => r.enable()) : undefined,
      sc ? sc.open().then(() => sc.claim({ allowOffline: true })).then(() => sc.enable()) : undefined,
    ]);
    this.refreshPrinter();
    this.changed();
  }

  async stop(): Promise<void> {
    await Promise.all([this.printer?.close(), this.reader?.close(), this.scanner?.close()].map((x) => Promise.resolve(x).catch(() => undefined)));
  }

  health(): DeviceHealth {
    return {
      printer: this.printerState,
      // A reader that answers but cannot read counts as out of use: the screens stop inviting a swipe.
      reader: !this.reader ? 'absent' : this.reader.power === 'online' && !this.reader.fault ? 'ready' : 'offline',
      scanner: !this.scanner ? 'absent' : this.scanner.power === 'online' ? 'ready' : 'offline',
    };
  }

  private refreshPrinter(): void {
    const p = this.printer;
    let next: PrinterState = 'absent';
    if (p) {
      const s = p.status;
      if (p.power !== 'online') next = 'offline';
      else if (s?.cover === 'open') next = 'cover-open';
      else if (s?.paper === 'empty') next = 'paper-empty';
      else next = 'ready';
    }
    if (next !== this.printerState) {
      this.printerState = next;
      this.changed();
    }
  }

  private changed(): void {
    this.emit('change', this.health());
  }

  async printTicket(slip: QueueTicketSlip): Promise<PrintResult> {
    return this.print(() => (this.printer as ReceiptPrinter).printQueueTicket(slip));
  }

  async printSlip(slip: GenericSlip): Promise<PrintResult> {
    return this.print(() => (this.printer as ReceiptPrinter).printSlip(slip));
  }

  private async print(run: () => Promise<PrintJob>): Promise<PrintResult> {
    if (!this.printer) return { ok: false, reason: 'absent' };
    try {
      const job = await run();
      return { ok: true, jobId: job.id };
    } catch (e) {
      this.refreshPrinter();
      if (isDeviceError(e, 'job-failed')) {
        const job = e.details.job as PrintJob;
        const reason = job.failure?.reason;
        return { ok: false, jobId: job.id, reason: reason === 'paper-empty' || reason === 'cover-open' ? reason : reason === 'offline' || reason === 'timeout' ? 'offline' : 'error' };
      }
      if (isDeviceError(e, 'offline')) return { ok: false, reason: 'offline' };
      return { ok: false, reason: 'error' };
    } finally {
      this.refreshPrinter();
    }
  }
}
