import { DeviceError } from '../errors/DeviceError.ts';
import type { HealthLevel, HealthReport } from '../lifecycle/DeviceStatus.ts';
import { PosDevice, type PosDeviceEvents, type PosDeviceOptions } from '../lifecycle/PosDevice.ts';
import type { Transport } from '../transport/Transport.ts';
import { describeCard, type IdCard } from './IdCard.ts';
import type { PhotoDecoder } from './PhotoDecoder.ts';
import { decodeReadReply } from './readReply.ts';
import { encodeCommand, SamCommand, SamFrameReader, SamResult } from './samFrame.ts';

/** What the reader is doing, as the kiosk shows it ("请放置身份证", "读卡失败，请重新放置"). */
export type ReaderState = 'no-card' | 'reading' | 'card-present' | 'read-failed' | 'checksum-error' | 'timeout';

export interface IdCardReaderEvents extends PosDeviceEvents {
  card: [card: IdCard];
  removed: [];
  reader: [state: ReaderState, detail?: string];
}

export interface IdCardReaderOptions extends PosDeviceOptions {
  /** How often to look for a card while enabled. */
  pollMs?: number;
  /** Per-command answer time (a text+photo reply takes ~110 ms at 115200 baud). */
  commandTimeoutMs?: number;
  /** Unanswered commands in a row before the reader counts as offline. */
  offlineAfterTimeouts?: number;
  /**
   * Failed exchanges in a row — a found card that does not read (no answer, a refusal), or replies
   * with bad checksums — before the reader counts as faulty: it still answers, so it never goes
   * offline, yet nobody can use it.
   */
  faultAfterFailures?: number;
  photoDecoder?: PhotoDecoder;
}

type Reply = { sw3: number; data: Uint8Array };

/**
 * 二代身份证 reader: SAM module over serial (GA/T 467). While enabled it polls find → select →
 * read, emits `card` once per card placed and `removed` when it is taken away. Time-outs, bad
 * checksums and "no card" are reader states, never exceptions.
 */
export class IdCardReader extends PosDevice<IdCardReaderEvents> {
  private readonly frames = new SamFrameReader();
  private pending: { resolve: (r: Reply) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | undefined;
  private poll: NodeJS.Timeout | undefined;
  private polling = false;
  private present = false;
  private timeouts = 0;
  private failures = 0;
  private faultValue: string | null = null;
  private readerStateValue: ReaderState = 'no-card';

  constructor(
    transport: Transport,
    private readonly opts: IdCardReaderOptions = {},
  ) {
    super(transport, opts);
    transport.on('data', (chunk) => this.onData(chunk));
  }

  get readerState(): ReaderState {
    return this.readerStateValue;
  }

  /**
   * Why the reader cannot be used although it is online (cards found but not read, a line full of
   * bad checksums), or null. Cleared by the next good read or a reconnect.
   */
  get fault(): string | null {
    return this.faultValue;
  }

  private failed(what: string): void {
    this.failures += 1;
    if (this.failures >= (this.opts.faultAfterFailures ?? 3) && this.faultValue === null) {
      this.faultValue = `${this.failures} failed exchanges in a row (last: ${what})`;
      this.log.warn(`reader faulty: ${this.faultValue}`);
      this.emit('reader', this.readerStateValue, this.faultValue);
    }
  }

  private succeeded(): void {
    this.failures = 0;
    if (this.faultValue !== null) {
      this.faultValue = null;
      this.log.info('reader works again');
      this.emit('reader', this.readerStateValue, 'works again');
    }
  }

  /** One find → select → read now (also what polling does). Resolves null when no card is there. */
  async readOnce(): Promise<IdCard | null> {
    this.requireClaimed();
    this.requireOnline();
    const find = await this.command(SamCommand.findCard);
    if (find.sw3 !== SamResult.cardFound) {
      // A clean "no card" answer proves the line, not reading: a read fault stays until a card reads.
      if (this.faultValue === null) this.failures = 0;
      this.setReader('no-card');
      return null;
    }
    this.setReader('reading');
    let select: Reply;
    let read: Reply;
    try {
      select = await this.command(SamCommand.selectCard);
      if (select.sw3 !== SamResult.ok) {
        this.failed('select refused');
        this.setReader('read-failed', `select failed (SW3 0x${select.sw3.toString(16)})`);
        return null;
      }
      read = await this.command(SamCommand.readTextPhoto);
    } catch (e) {
      this.failed((e as Error).message);
      throw e;
    }
    if (read.sw3 !== SamResult.ok) {
      this.failed('read refused');
      this.setReader('read-failed', `read failed (SW3 0x${read.sw3.toString(16)})`);
      return null;
    }
    const decoded = decodeReadReply(read.data);
    if (!decoded.ok) {
      this.failed(decoded.error);
      this.setReader('read-failed', decoded.error);
      this.emitFault(new DeviceError('protocol', decoded.error));
      return null;
    }
    this.succeeded();
    this.setReader('card-present');
    this.log.info(`card read: ${describeCard(decoded.card)}`);
    return decoded.card;
  }

  async decodePhoto(card: IdCard): ReturnType<PhotoDecoder['decode']> {
    if (!this.opts.photoDecoder) throw new DeviceError('config', 'no photo decoder configured (WLT needs the vendor decoder)');
    return this.opts.photoDecoder.decode(card.photo);
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    try {
      this.requireClaimed();
      const status = await this.command(SamCommand.status);
      const ok = status.sw3 === SamResult.ok;
      const details: Record<string, unknown> = { sw3: status.sw3, readerState: this.readerState };
      if (level === 'external' && ok) details.cardOnReader = (await this.command(SamCommand.findCard)).sw3 === SamResult.cardFound;
      return { level, ok, summary: ok ? 'SAM module ready' : `SAM status 0x${status.sw3.toString(16)}`, checkedAt, details };
    } catch (e) {
      return { level, ok: false, summary: `no answer: ${(e as Error).message}`, checkedAt, details: { power: this.power } };
    }
  }

  protected async onConnected(): Promise<void> {
    this.frames.reset();
    this.timeouts = 0;
    this.succeeded();
    const status = await this.command(SamCommand.status);
    if (status.sw3 !== SamResult.ok) throw new DeviceError('protocol', `SAM status 0x${status.sw3.toString(16)}`);
  }

  protected override onEnabled(): void {
    if (this.poll) return;
    this.poll = setInterval(() => void this.pollOnce(), this.opts.pollMs ?? 300);
    this.poll.unref();
  }

  protected override onDisabled(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  protected override onDisconnected(): void {
    this.onDisabled();
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(new DeviceError('offline', 'reader link lost'));
    }
    if (this.present) {
      this.present = false;
      this.emit('removed');
    }
  }

  private async pollOnce(): Promise<void> {
    if (this.polling || this.power !== 'online') return;
    this.polling = true;
    try {
      if (this.present) {
        const find = await this.command(SamCommand.findCard);
        if (find.sw3 !== SamResult.cardFound) {
          this.present = false;
          this.setReader('no-card');
          this.emit('removed');
        }
        return;
      }
      const card = await this.readOnce();
      if (card) {
        this.present = true;
        this.emit('card', card);
      }
    } catch (e) {
      // Already reported as a reader state or a power event.
      this.log.debug(`poll: ${(e as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.frames.push(chunk)) {
      if (ev.kind === 'bad') {
        this.emitFault(new DeviceError('protocol', `bad SAM frame (${ev.reason}, ${ev.bytes} bytes)`));
        if (ev.reason === 'checksum') {
          if (this.pending) this.failed('reply checksum error');
          this.failPending(new DeviceError('protocol', 'reply checksum error'), 'checksum-error');
        }
        continue;
      }
      const p = this.pending;
      if (!p) {
        this.emitFault(new DeviceError('protocol', 'unsolicited SAM frame'));
        continue;
      }
      if (ev.body.length < 3) {
        this.failPending(new DeviceError('protocol', 'reply too short'), 'read-failed');
        continue;
      }
      this.pending = undefined;
      clearTimeout(p.timer);
      this.timeouts = 0;
      p.resolve({ sw3: ev.body[2] as number, data: ev.body.subarray(3) });
    }
  }

  private failPending(err: DeviceError, state: ReaderState): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    this.setReader(state, err.message);
    p.reject(err);
  }

  private command(cmd: readonly [number, number]): Promise<Reply> {
    if (this.pending) return Promise.reject(new DeviceError('busy', 'a SAM command is already waiting'));
    return new Promise<Reply>((resolve, reject) => {
      const timeoutMs = this.opts.commandTimeoutMs ?? 1000;
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.timeouts += 1;
        this.setReader('timeout', `no answer within ${timeoutMs} ms`);
        const err = new DeviceError('timeout', `SAM command ${cmd.map((b) => b.toString(16)).join(' ')} unanswered`);
        reject(err);
        if (this.timeouts >= (this.opts.offlineAfterTimeouts ?? 3)) this.deviceUnresponsive(err.message);
      }, timeoutMs);
      this.pending = { resolve, reject, timer };
      this.transport.write(encodeCommand(cmd)).catch((e: unknown) => this.failPending(e instanceof DeviceError ? e : new DeviceError('offline', String(e)), 'timeout'));
    });
  }

  private setReader(state: ReaderState, detail?: string): void {
    if (state === this.readerStateValue && state !== 'read-failed') return;
    this.readerStateValue = state;
    if (detail) this.log.info(`reader ${state}: ${detail}`);
    this.emit('reader', state, detail);
  }
}
