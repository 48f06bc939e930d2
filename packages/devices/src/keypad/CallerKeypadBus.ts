import { DeviceError } from '../errors/DeviceError.ts';
import type { HealthLevel, HealthReport } from '../lifecycle/DeviceStatus.ts';
import { PosDevice, type PosDeviceEvents, type PosDeviceOptions } from '../lifecycle/PosDevice.ts';
import type { Transport } from '../transport/Transport.ts';
import { beepFrame, displayFrame, KeypadFrameReader, KeypadFunc } from './keypadFrame.ts';
import { keypadDigits, parseKeypress, type KeypadAction } from './keys.ts';

export interface KeypadPress {
  address: number;
  press: KeypadAction;
  /** The frame's bytes, for the log. */
  raw: string;
  at: string;
}

export interface CallerKeypadBusEvents extends PosDeviceEvents {
  key: [press: KeypadPress];
}

export interface CallerKeypadBusOptions extends PosDeviceOptions {
  /** The same frame again within this time is the keypad repeating a key whose echo it missed: echoed, not acted on. */
  repeatWindowMs?: number;
  /** Gap between the beeps of a pattern. */
  beepGapMs?: number;
}

/** Beep patterns the keypads use: what the staff hear tells them what happened. */
export const BEEP = { ok: 1, refused: 2, offline: 3 } as const;

/**
 * The RS-485 bus of wired caller keypads (物理呼叫器). Every key frame is echoed back as the
 * keypad's acknowledgement and emitted once as `key`; `display` writes a keypad's six digits and
 * `beep` sounds it. The bus has no poll, so a keypad counts as present once it was heard.
 */
export class CallerKeypadBus extends PosDevice<CallerKeypadBusEvents> {
  private readonly reader = new KeypadFrameReader();
  private readonly lastFrame = new Map<number, { raw: string; at: number }>();
  private readonly heard = new Map<number, string>();
  private writeChain: Promise<unknown> = Promise.resolve();
  readonly counts = { keys: 0, repeats: 0, badFrames: 0, unknownKeys: 0, writes: 0 };

  constructor(
    transport: Transport,
    private readonly opts: CallerKeypadBusOptions = {},
  ) {
    super(transport, opts);
    transport.on('data', (chunk) => this.onData(chunk));
  }

  /** Keypad addresses heard since start, with when. */
  get keypads(): ReadonlyMap<number, string> {
    return this.heard;
  }

  /** Shows the waiting count (left) and the ticket's last three digits (right). */
  async display(address: number, waiting: number | null, ticketNumber: string | null): Promise<void> {
    this.requireClaimed();
    this.requireOnline();
    await this.send(displayFrame(address, keypadDigits(waiting, ticketNumber)));
  }

  async displayDigits(address: number, digits: ReadonlyArray<number | null>): Promise<void> {
    this.requireClaimed();
    this.requireOnline();
    await this.send(displayFrame(address, digits));
  }

  /** `count` beeps (see BEEP for the patterns). */
  async beep(address: number, count = 1): Promise<void> {
    this.requireClaimed();
    this.requireOnline();
    for (let i = 0; i < count; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, this.opts.beepGapMs ?? 150));
      await this.send(beepFrame(address));
    }
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    const details: Record<string, unknown> = { power: this.power, keypads: Object.fromEntries(this.heard), ...this.counts };
    const ok = this.power === 'online';
    if (ok && level === 'external') for (const a of this.heard.keys()) await this.beep(a, 1).catch(() => undefined);
    return { level, ok, summary: ok ? `bus open, ${this.heard.size} keypad(s) heard` : `bus ${this.power}`, checkedAt, details };
  }

  protected async onConnected(): Promise<void> {
    this.reader.reset();
  }

  private send(bytes: Uint8Array): Promise<void> {
    // One writer on a half-duplex bus: frames never interleave.
    const p = this.writeChain.then(() => {
      this.counts.writes++;
      return this.transport.write(bytes);
    });
    this.writeChain = p.catch(() => undefined);
    return p;
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'bad') {
        this.counts.badFrames++;
        this.emitFault(new DeviceError('protocol', `keypad bus: bad frame (${ev.reason}, ${ev.bytes} bytes)`));
        continue;
      }
      const { frame, raw } = ev;
      if (frame.func === KeypadFunc.display || frame.func === KeypadFunc.beep) continue; // another host's frame on the bus
      const hex = Buffer.from(raw).toString('hex');
      // The echo is the acknowledgement: always, also for a repeat, or the keypad keeps repeating.
      this.send(raw).catch((e: unknown) => this.emitFault(e instanceof DeviceError ? e : new DeviceError('offline', String(e))));
      const now = Date.now();
      const last = this.lastFrame.get(frame.address);
      this.lastFrame.set(frame.address, { raw: hex, at: now });
      this.heard.set(frame.address, new Date(now).toISOString());
      if (last && last.raw === hex && now - last.at < (this.opts.repeatWindowMs ?? 800)) {
        this.counts.repeats++;
        this.log.debug(`keypad ${frame.address}: repeated frame ${hex} ignored`);
        continue;
      }
      const press = parseKeypress(frame.data);
      if (press.action === 'unknown') {
        this.counts.unknownKeys++;
        this.emitFault(new DeviceError('protocol', `keypad ${frame.address}: ${press.why}`));
      }
      this.counts.keys++;
      this.emit('key', { address: frame.address, press, raw: hex, at: new Date(now).toISOString() });
    }
  }
}
