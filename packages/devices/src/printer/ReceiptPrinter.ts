import { DeviceError } from '../errors/DeviceError.ts';
import type { HealthLevel, HealthReport } from '../lifecycle/DeviceStatus.ts';
import { PosDevice, type PosDeviceEvents, type PosDeviceOptions } from '../lifecycle/PosDevice.ts';
import type { Transport } from '../transport/Transport.ts';
import { EscPosInterpreter } from './escpos/EscPosInterpreter.ts';
import { combineStatus, StatusQuery, type PrinterStatus, type StatusReply } from './escpos/statusReply.ts';
import { StatusChannel } from './escpos/StatusChannel.ts';
import { printerModel, type PrinterModel } from './models.ts';
import { newJob, type HeldJob, type PrintJob, type PrintJobFailureReason, type PrintJobKind, type PrintJobStage } from './PrintJob.ts';
import { genericSlipDocument, queueTicketDocument } from './receipt/receiptDocument.ts';
import { renderEscPos, renderPreviewSvg } from './receipt/renderEscPos.ts';
import { GenericSlipSchema, QueueTicketSlipSchema, ZH_CN_LABELS, type GenericSlip, type QueueTicketSlip, type SlipLabels } from './receipt/slips.ts';

export interface ReceiptPrinterOptions extends PosDeviceOptions {
  /** Key of PRINTER_MODELS (encoding, paper width, QR method). */
  model?: string;
  labels?: SlipLabels;
  /** The hall's time zone for the time printed on tickets. */
  timeZone?: string;
  /** How long to wait for a DLE EOT answer before calling the printer offline. */
  statusTimeoutMs?: number;
  /** Background status polling while enabled and idle (0 = off). */
  statusPollMs?: number;
  /** Bytes sent between two status checks while printing. */
  chunkBytes?: number;
}

export interface ReceiptPrinterEvents extends PosDeviceEvents {
  job: [job: PrintJob];
}

/**
 * A receipt printer speaking ESC/POS over any transport. Checks real status (DLE EOT) before,
 * during and after every job; a job that cannot finish is marked failed with where it stopped and
 * stays retryable through `retry(job.id)`.
 */
export class ReceiptPrinter extends PosDevice<ReceiptPrinterEvents> {
  readonly model: PrinterModel;
  private readonly channel: StatusChannel;
  private lastStatus: PrinterStatus | undefined;
  private poll: NodeJS.Timeout | undefined;
  private printing = false;
  private readonly held = new Map<string, HeldJob>();

  constructor(
    transport: Transport,
    private readonly opts: ReceiptPrinterOptions = {},
  ) {
    super(transport, opts);
    this.model = printerModel(opts.model);
    this.channel = new StatusChannel(transport, (bytes) =>
      this.emitFault(new DeviceError('protocol', `unexpected ${bytes.length} byte(s) from printer: ${bytes.toString('hex').slice(0, 32)}`)),
    );
    transport.on('data', (chunk) => this.channel.onData(chunk));
  }

  /** Last known status (undefined before the first answer). */
  get status(): PrinterStatus | undefined {
    return this.lastStatus;
  }

  /** Jobs that failed and can be retried. */
  get failedJobs(): PrintJob[] {
    return [...this.held.values()].map((h) => ({ ...h.job }));
  }

  /** Asks the printer now (DLE EOT 1, 2, 4); emits cover/paper status events on change. */
  async readStatus(): Promise<PrinterStatus> {
    this.requireClaimed();
    return this.queryStatus();
  }

  async printQueueTicket(slip: QueueTicketSlip): Promise<PrintJob> {
    const parsed = QueueTicketSlipSchema.safeParse(slip);
    if (!parsed.success) throw new DeviceError('config', `invalid queue ticket: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return this.print('queue-ticket', this.ticketBytes(parsed.data));
  }

  async printSlip(slip: GenericSlip): Promise<PrintJob> {
    const parsed = GenericSlipSchema.safeParse(slip);
    if (!parsed.success) throw new DeviceError('config', `invalid slip: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return this.print('slip', renderEscPos(genericSlipDocument(parsed.data, this.model.qrCell), this.model));
  }

  /** Bytes already in ESC/POS (a technician's test file). */
  async printRaw(bytes: Uint8Array): Promise<PrintJob> {
    return this.print('raw', bytes);
  }

  /** Prints a failed job again from the start (a half ticket is useless to a citizen). */
  async retry(jobId: string): Promise<PrintJob> {
    const held = this.held.get(jobId);
    if (!held) throw new DeviceError('config', `no failed job ${jobId} to retry`);
    return this.run(held);
  }

  /** ESC/POS bytes of a queue ticket for this model (what printQueueTicket sends). */
  ticketBytes(slip: QueueTicketSlip): Uint8Array {
    return renderEscPos(this.ticketDocument(slip), this.model);
  }

  /** SVG preview of the ticket, rendered by receiptline from the same document. */
  previewQueueTicket(slip: QueueTicketSlip): string {
    return renderPreviewSvg(this.ticketDocument(slip), this.model);
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    let status: PrinterStatus;
    try {
      this.requireClaimed();
      status = await this.queryStatus();
    } catch (e) {
      return { level, ok: false, summary: `no answer: ${(e as Error).message}`, checkedAt, details: { power: this.power } };
    }
    const problems = [
      ...(status.cover === 'open' ? ['cover open'] : []),
      ...(status.paper === 'empty' ? ['paper empty'] : []),
      ...(status.error ? ['printer error'] : []),
    ];
    const details: Record<string, unknown> = { ...status, model: this.model.id };
    if (level === 'external' && problems.length === 0) {
      try {
        const job = await this.printSlip({
          title: '打印机自检',
          subtitle: 'hallkit test print',
          lines: [{ label: '型号', value: this.model.label }, { label: '时间', value: checkedAt }, '中文测试：政务服务 一次办好'],
          qr: { payload: 'hallkit:test-print', caption: 'QR' },
        });
        details.testPrint = job.id;
      } catch (e) {
        problems.push(`test print failed: ${(e as Error).message}`);
      }
    }
    const summary = problems.length ? problems.join(', ') : `online${status.paper === 'near-end' ? ', paper near end' : ''}`;
    return { level, ok: problems.length === 0, summary, checkedAt, details };
  }

  protected async onConnected(): Promise<void> {
    await this.queryStatus();
  }

  protected override onEnabled(): void {
    const every = this.opts.statusPollMs ?? 3000;
    if (every <= 0 || this.poll) return;
    this.poll = setInterval(() => {
      if (this.printing || this.power !== 'online') return;
      this.queryStatus().catch(() => undefined);
    }, every);
    this.poll.unref();
  }

  protected override onDisabled(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  protected override onDisconnected(): void {
    this.onDisabled();
    this.channel.abort();
  }

  private ticketDocument(slip: QueueTicketSlip): string {
    return queueTicketDocument(slip, this.opts.labels ?? ZH_CN_LABELS, this.model.qrCell, this.opts.timeZone ?? 'Asia/Shanghai');
  }

  private async print(kind: PrintJobKind, bytes: Uint8Array): Promise<PrintJob> {
    return this.run(newJob(kind, bytes));
  }

  private async run(held: HeldJob): Promise<PrintJob> {
    this.requireEnabled();
    if (this.printing) throw new DeviceError('busy', `${this.address} is printing another job`);
    this.printing = true;
    this.setState('busy');
    const { job, bytes } = held;
    job.attempts += 1;
    job.state = 'printing';
    job.bytesSent = 0;
    delete job.failure;
    this.emit('job', { ...job });
    try {
      this.requireOnline();
      await this.checkPrintable('before');
      for (const [from, to] of chunkAtCommands(bytes, this.opts.chunkBytes ?? 512)) {
        await this.transport.write(bytes.subarray(from, to));
        job.bytesSent = to;
        await this.checkPrintable(to < bytes.length ? 'during' : 'after');
      }
      job.state = 'printed';
      this.held.delete(job.id);
      this.log.info(`job ${job.id} (${job.kind}) printed, ${bytes.length} bytes`);
      this.emit('job', { ...job });
      return { ...job };
    } catch (e) {
      const failure = toFailure(e, job.bytesSent === 0 ? 'before' : job.bytesSent < bytes.length ? 'during' : 'after');
      job.state = 'failed';
      job.failure = failure;
      this.held.set(job.id, held);
      this.log.warn(`job ${job.id} (${job.kind}) failed ${failure.stage} printing at byte ${job.bytesSent}/${job.totalBytes}: ${failure.reason}`);
      this.emit('job', { ...job });
      throw new DeviceError('job-failed', `print job failed (${failure.reason}, ${failure.stage}, ${job.bytesSent}/${job.totalBytes} bytes)`, { job: { ...job } });
    } finally {
      this.printing = false;
      if (this.state === 'busy') this.setState(this.power === 'online' ? 'idle' : 'error');
    }
  }

  /** Throws a JobStop when the printer cannot print right now. */
  private async checkPrintable(stage: PrintJobStage): Promise<void> {
    const s = await this.queryStatus();
    if (s.cover === 'open') throw new JobStop(stage, 'cover-open', 'printer cover is open');
    if (s.paper === 'empty') throw new JobStop(stage, 'paper-empty', 'printer is out of paper');
    if (s.error) throw new JobStop(stage, 'printer-error', 'printer reports an error');
    if (!s.online) throw new JobStop(stage, 'offline', 'printer is offline');
  }

  private async queryStatus(): Promise<PrinterStatus> {
    const timeout = this.opts.statusTimeoutMs ?? 1000;
    const replies: StatusReply[] = [];
    try {
      for (const n of [StatusQuery.Printer, StatusQuery.OfflineCause, StatusQuery.PaperSensor]) {
        const r = await this.channel.query(n, timeout);
        if (!r.ok) this.emitFault(new DeviceError('protocol', `DLE EOT ${n}: ${r.error}`));
        replies.push(r);
      }
    } catch (e) {
      if (e instanceof DeviceError && e.code === 'timeout') this.deviceUnresponsive(e.message);
      throw e;
    }
    const status = combineStatus(replies);
    this.applyStatus(status);
    return status;
  }

  private applyStatus(s: PrinterStatus): void {
    const prev = this.lastStatus;
    this.lastStatus = s;
    if (prev?.cover !== s.cover && (prev || s.cover !== 'closed')) this.emitStatus({ type: 'cover', value: s.cover });
    if (prev?.paper !== s.paper && (prev || s.paper !== 'ok')) this.emitStatus({ type: 'paper', value: s.paper });
  }
}

/** [from, to) ranges of about `size` bytes that start and end on command boundaries. */
function chunkAtCommands(bytes: Uint8Array, size: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const start of EscPosInterpreter.commandStarts(bytes)) {
    if (start - from >= size) {
      ranges.push([from, start]);
      from = start;
    }
  }
  if (from < bytes.length || ranges.length === 0) ranges.push([from, bytes.length]);
  return ranges;
}

class JobStop extends Error {
  constructor(
    readonly stage: PrintJobStage,
    readonly reason: PrintJobFailureReason,
    message: string,
  ) {
    super(message);
  }
}

function toFailure(e: unknown, stage: PrintJobStage): NonNullable<PrintJob['failure']> {
  if (e instanceof JobStop) return { stage: e.stage, reason: e.reason, message: e.message };
  if (e instanceof DeviceError) return { stage, reason: e.code === 'timeout' ? 'timeout' : 'offline', message: e.message };
  return { stage, reason: 'offline', message: (e as Error).message };
}
