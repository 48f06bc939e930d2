import { DeviceError } from '../errors/DeviceError.ts';
import type { HealthLevel, HealthReport } from '../lifecycle/DeviceStatus.ts';
import { PosDevice, type PosDeviceEvents, type PosDeviceOptions } from '../lifecycle/PosDevice.ts';
import type { Transport } from '../transport/Transport.ts';
import { BxCmd, brightnessPayload, describeNack, dynamicAreaData, parseReply, requestData, setTimePayload } from './bx/bxCommands.ts';
import { BxFrameReader, frameBx } from './bx/bxFrame.ts';
import { ADDR_HOST, decodePacket, encodePacket } from './bx/bxPacket.ts';
import { encodeDynamicAreas } from './bx/dynamicArea.ts';
import { bxModel, type BxModel } from './models.ts';
import { StripScreenSchema, stripAreas, type ParsedStripScreen, type SpeechVoice, type StripScreen } from './StripScreen.ts';
import { testPattern } from './testPattern.ts';

export interface LedStripOptions extends PosDeviceOptions {
  /** Key of BX_MODELS. */
  model?: string;
  /** Screen address (DstAddr); default 1. */
  screenAddress?: number;
  width?: number;
  height?: number;
  /** The document asks for at least 1 s between dynamic-area updates; newer content waits and replaces older. */
  minRefreshMs?: number;
  commandTimeoutMs?: number;
  /** PING while idle to notice a controller that was unplugged (its TCP socket may stay up). 0 = off. */
  keepAliveMs?: number;
  offlineAfterTimeouts?: number;
  /** Voice of a -YY card. */
  voice?: Partial<SpeechVoice>;
  /** Time zone for `setTime` (the hall's). */
  timeZone?: string;
  /** Fixed brightness 0–15 sent after every connect; unset = leave the card's schedule. */
  brightness?: number;
}

export interface LedStripEvents extends PosDeviceEvents {
  /** The controller acknowledged this screen (also after a reconnect re-sent it). */
  shown: [screen: ParsedStripScreen, info: { resent: boolean; spoke: boolean }];
}

type Pending = { resolve: (data: Uint8Array) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

const BUSY_RETRIES = 3;

/**
 * A window strip on an Onbon BX-5K/6K font card (TCP port 5005 or serial). The screen it should
 * show is kept here: a dynamic area lives in the card's RAM, so after the card was unplugged or
 * lost power the strip is drawn again as soon as it answers (spoken text is not repeated).
 */
export class LedStrip extends PosDevice<LedStripEvents> {
  readonly model: BxModel;
  private readonly reader = new BxFrameReader();
  private pending: Pending | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private desired: { screen: ParsedStripScreen; speak: boolean; waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> } | undefined;
  private shownScreen: ParsedStripScreen | undefined;
  private lastDrawAt = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing = false;
  private keepAlive: NodeJS.Timeout | undefined;
  private timeouts = 0;
  readonly counts = { sent: 0, acks: 0, nacks: 0, timeouts: 0, badReplies: 0, resent: 0 };

  constructor(
    transport: Transport,
    private readonly opts: LedStripOptions = {},
  ) {
    super(transport, opts);
    this.model = bxModel(opts.model);
    transport.on('data', (chunk) => this.onData(chunk));
  }

  get geometry(): { width: number; height: number } {
    return { width: this.opts.width ?? 160, height: this.opts.height ?? 32 };
  }

  /** The screen last acknowledged by the card (undefined before the first). */
  get shown(): ParsedStripScreen | undefined {
    return this.shownScreen;
  }

  /**
   * Show this screen. Resolves when the card acknowledged it (or a newer screen replaced it); while
   * the card is offline it is kept and drawn when the card is back, and the promise rejects `offline`.
   */
  show(screen: StripScreen): Promise<void> {
    this.requireClaimed();
    const parsed = StripScreenSchema.safeParse(screen);
    if (!parsed.success) return Promise.reject(new DeviceError('config', `invalid strip screen: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`));
    const speak = !!parsed.data.speech && this.model.voice;
    const prev = this.desired;
    return new Promise<void>((resolve, reject) => {
      // A newer screen replaces one still waiting for its refresh slot; the older promise resolves with it.
      this.desired = { screen: parsed.data, speak, waiters: [...(prev?.waiters ?? []), { resolve, reject }] };
      if (this.power !== 'online') {
        const waiters = this.desired.waiters;
        this.desired.waiters = [];
        for (const w of waiters) w.reject(new DeviceError('offline', `${this.address} is offline; the strip is drawn when it answers`));
        return;
      }
      this.scheduleFlush();
    });
  }

  async clear(): Promise<void> {
    this.requireClaimed();
    this.desired = undefined;
    this.shownScreen = undefined;
    await this.command(BxCmd.clearScreen);
  }

  async ping(): Promise<void> {
    this.requireClaimed();
    await this.command(BxCmd.ping);
  }

  async setBrightness(level: number): Promise<void> {
    this.requireClaimed();
    await this.command(BxCmd.brightness, brightnessPayload(level));
  }

  /** Sets the card's clock to the hall's local time (the card shows \DH:\DM fields with it). */
  async setTime(at: Date = new Date()): Promise<void> {
    this.requireClaimed();
    const tz = this.opts.timeZone ?? 'Asia/Shanghai';
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', hourCycle: 'h23' });
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday ?? '') + 1;
    await this.command(BxCmd.setTime, setTimePayload({ year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second), weekday }));
  }

  /** Every colour in turn, then the screen that should be there (technician's test). */
  async showTestPattern(holdMs = 1500): Promise<void> {
    this.requireClaimed();
    const keep = this.desired?.screen ?? this.shownScreen;
    await this.draw(testPattern(this.geometry.width), false);
    await new Promise((r) => setTimeout(r, holdMs));
    if (keep) await this.show(keep);
    else await this.command(BxCmd.clearScreen);
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    const details: Record<string, unknown> = { model: this.model.id, ...this.geometry, power: this.power, ...this.counts };
    try {
      this.requireClaimed();
      await this.command(BxCmd.ping);
      if (level === 'external') await this.showTestPattern();
      return { level, ok: true, summary: `online (${this.model.label}${this.shownScreen ? ', showing' : ', blank'})`, checkedAt, details };
    } catch (e) {
      return { level, ok: false, summary: `no answer: ${(e as Error).message}`, checkedAt, details };
    }
  }

  protected async onConnected(): Promise<void> {
    this.reader.reset();
    this.timeouts = 0;
    await this.command(BxCmd.ping);
    if (this.opts.brightness !== undefined) await this.command(BxCmd.brightness, brightnessPayload(this.opts.brightness));
    // The dynamic area is in RAM: after a power cut the card is blank. Draw what should be there.
    const d = this.desired;
    const screen = d?.screen ?? this.shownScreen;
    if (screen) {
      const speakNow = d?.speak ?? false;
      await this.draw(screen, speakNow);
      this.counts.resent++;
      this.shownScreen = screen;
      // A screen that came while this one was drawn stays wanted: it is drawn once the card is online.
      if (this.desired === d) this.desired = undefined;
      for (const w of d?.waiters ?? []) w.resolve();
      this.emit('shown', screen, { resent: true, spoke: speakNow });
    }
  }

  protected override onEnabled(): void {
    if (this.desired) this.scheduleFlush();
    const every = this.opts.keepAliveMs ?? 5000;
    if (every <= 0 || this.keepAlive) return;
    this.keepAlive = setInterval(() => {
      if (this.power !== 'online' || this.pending || this.flushing) return;
      this.command(BxCmd.ping).catch(() => undefined);
    }, every);
    this.keepAlive.unref();
  }

  protected override onDisabled(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  protected override onDisconnected(): void {
    this.onDisabled();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(new DeviceError('offline', `${this.address}: link lost`));
    }
    const waiters = this.desired?.waiters ?? [];
    if (this.desired) this.desired.waiters = [];
    for (const w of waiters) w.reject(new DeviceError('offline', `${this.address} went offline; the strip is drawn when it answers`));
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.flushing) return;
    const wait = Math.max(0, this.lastDrawAt + (this.opts.minRefreshMs ?? 1000) - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    const d = this.desired;
    if (!d || this.power !== 'online') return;
    this.desired = undefined;
    this.flushing = true;
    try {
      await this.draw(d.screen, d.speak);
      this.shownScreen = d.screen;
      for (const w of d.waiters) w.resolve();
      this.emit('shown', d.screen, { resent: false, spoke: d.speak });
    } catch (e) {
      // Kept for the reconnect unless something newer came meanwhile; the caller hears why.
      if (!this.desired) this.desired = { screen: d.screen, speak: false, waiters: [] };
      for (const w of d.waiters) w.reject(e as Error);
    } finally {
      this.flushing = false;
      if (this.desired?.waiters.length) this.scheduleFlush();
    }
  }

  private voice(): SpeechVoice {
    const v = this.opts.voice ?? {};
    return { person: v.person ?? 0, volume: v.volume ?? 8, speed: v.speed ?? 5, repeat: v.repeat ?? 2 };
  }

  private async draw(screen: ParsedStripScreen, speak: boolean): Promise<void> {
    const laid = stripAreas(screen, this.geometry, speak ? this.voice() : undefined);
    if (laid.missing.length) this.emitFault(new DeviceError('config', `the card has no glyph for ${[...new Set(laid.missing)].join('')}; shown as ?`));
    if (laid.command.areas.length > this.model.maxAreas) throw new DeviceError('config', `${laid.command.areas.length} lines need more than the ${this.model.maxAreas} dynamic areas of a ${this.model.label}`);
    const payload = encodeDynamicAreas(laid.command);
    if (payload.length + 3 > this.model.maxDataBytes) throw new DeviceError('config', `strip text of ${payload.length} bytes does not fit one ${this.model.label} packet (${this.model.maxDataBytes} B)`);
    this.lastDrawAt = Date.now();
    try {
      await this.command(BxCmd.dynamicArea, payload);
    } catch (e) {
      // A damaged reply means the card got the frame: sent again, but without the speech, so a call is never said twice.
      if (speak && e instanceof DeviceError && e.code === 'protocol') {
        await this.command(BxCmd.dynamicArea, encodeDynamicAreas(stripAreas(screen, this.geometry).command));
        return;
      }
      throw e;
    }
  }

  /** One command, serialised behind any other; NACK busy and CRC error are retried, other NACKs throw `rejected`. */
  private command(cmd: readonly [number, number], payload?: Uint8Array): Promise<Uint8Array> {
    const run = async (): Promise<Uint8Array> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.exchange(cmd, payload);
        } catch (e) {
          const nack = e instanceof DeviceError ? (e.details.nack as number | undefined) : undefined;
          const retriable = nack === 3 || nack === 5 || (e instanceof DeviceError && e.code === 'protocol' && cmd !== BxCmd.dynamicArea);
          if (!retriable || attempt >= BUSY_RETRIES) throw e;
          await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
        }
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private exchange(cmd: readonly [number, number], payload?: Uint8Array): Promise<Uint8Array> {
    const packet = encodePacket({ dst: this.opts.screenAddress ?? 1, src: ADDR_HOST, deviceType: this.model.deviceType, displayMode: 1, data: cmd === BxCmd.dynamicArea && payload ? dynamicAreaData(payload) : requestData(cmd, payload) });
    const name = `${cmd[0].toString(16)} ${cmd[1].toString(16).padStart(2, '0')}`;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timeoutMs = this.opts.commandTimeoutMs ?? 1500;
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.timeouts++;
        this.counts.timeouts++;
        const err = new DeviceError('timeout', `LED controller did not answer ${name} within ${timeoutMs} ms`);
        reject(err);
        if (this.timeouts >= (this.opts.offlineAfterTimeouts ?? 2)) this.deviceUnresponsive(err.message);
      }, timeoutMs);
      this.pending = {
        resolve: (data) => {
          this.timeouts = 0;
          resolve(data);
        },
        reject,
        timer,
      };
      this.counts.sent++;
      this.transport.write(frameBx(packet)).catch((e: unknown) => {
        clearTimeout(timer);
        this.pending = undefined;
        reject(e instanceof DeviceError ? e : new DeviceError('offline', String(e)));
      });
    });
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'bad') {
        this.counts.badReplies++;
        this.failPending(new DeviceError('protocol', `damaged frame from the LED controller (${ev.reason}, ${ev.bytes} bytes)`));
        continue;
      }
      const decoded = decodePacket(ev.packet);
      if (!decoded.ok) {
        this.counts.badReplies++;
        this.failPending(new DeviceError('protocol', `bad reply from the LED controller: ${decoded.message}`));
        continue;
      }
      if (decoded.packet.dst !== ADDR_HOST && decoded.packet.dst < 0xfffe) continue; // another host's reply on a shared bus
      const reply = parseReply(decoded.packet.data);
      const p = this.pending;
      if (!p || !reply) {
        if (!p) this.emitFault(new DeviceError('protocol', 'unsolicited frame from the LED controller'));
        else this.failPending(new DeviceError('protocol', 'reply too short'));
        continue;
      }
      this.pending = undefined;
      clearTimeout(p.timer);
      if (reply.kind === 'ack') {
        this.counts.acks++;
        p.resolve(reply.data);
      } else if (reply.kind === 'nack') {
        this.counts.nacks++;
        this.timeouts = 0;
        const why = describeNack(reply.error);
        const err = new DeviceError(reply.error === 3 ? 'busy' : 'rejected', `LED controller refused: ${why.en} (${why.zh}, NACK ${reply.error})`, { nack: reply.error, reason: why.code });
        this.emitFault(err);
        p.reject(err);
      } else {
        this.timeouts = 0;
        p.resolve(reply.data);
      }
    }
  }

  private failPending(err: DeviceError): void {
    this.emitFault(err);
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.reject(err);
  }
}
