import type { VoiceConfig, VoiceLanguage } from '../../board/BoardConfig.ts';
import { announcementFor, type Utterance, type VoiceCall } from './announcement.ts';

export type SkipReason = 'stale' | 'quiet' | 'duplicate' | 'overflow' | 'disabled';

export type VoiceLogEntry =
  | { kind: 'queued'; t: number; key: string; number: string; windowNumber: number; recall: boolean }
  | { kind: 'start'; t: number; key: string; lang: VoiceLanguage; round: number; text: string; tokens: string[] }
  | { kind: 'end'; t: number; key: string; lang: VoiceLanguage; round: number; ok: boolean; error?: string }
  | { kind: 'skip'; t: number; key: string; reason: SkipReason };

export interface VoiceQueueOptions {
  /** Says one utterance; resolves when it has finished (or failed). */
  speak: (u: Utterance) => Promise<void>;
  config: () => VoiceConfig;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  /** Minutes since local midnight, for quiet hours. */
  minuteOfDay?: (t: number) => number;
  /** Calls waiting to be said; past this the oldest waiting one is dropped (a burst never builds a backlog). */
  maxPending?: number;
  /** Log entries kept (oldest dropped). */
  logLimit?: number;
  /** Call keys remembered so one call is never said twice. */
  rememberKeys?: number;
}

/**
 * 语音叫号 as a queue: calls are said one after another, never overlapping; each call `repeat`
 * times in every configured language; a recall is a new call and is said again; a call older than
 * `maxAgeSeconds`, one in quiet hours, or one already said is skipped. Everything it does goes to
 * `log`, which the tests read instead of listening to audio.
 */
export class VoiceQueue {
  private readonly waiting: VoiceCall[] = [];
  private readonly known = new Set<string>();
  private readonly entries: VoiceLogEntry[] = [];
  private running: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly minuteOfDay: (t: number) => number;
  private readonly maxPending: number;
  private readonly logLimit: number;
  private readonly rememberKeys: number;
  private stopped = false;
  /** Totals since start (the log itself is bounded). */
  readonly totals = { queued: 0, said: 0, failed: 0, skipped: 0 };

  constructor(private readonly o: VoiceQueueOptions) {
    this.now = o.now ?? Date.now;
    this.wait = o.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.minuteOfDay = o.minuteOfDay ?? ((t) => {
      const d = new Date(t);
      return d.getHours() * 60 + d.getMinutes();
    });
    this.maxPending = o.maxPending ?? 30;
    this.logLimit = o.logLimit ?? 1000;
    this.rememberKeys = o.rememberKeys ?? 2000;
  }

  get log(): readonly VoiceLogEntry[] {
    return this.entries;
  }

  get pending(): number {
    return this.waiting.length;
  }

  get speaking(): boolean {
    return this.running !== null;
  }

  /** Resolves when nothing is waiting or being said. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stop saying anything more (the board is shutting down or voice was switched off). */
  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
  }

  enqueue(call: VoiceCall): void {
    if (this.known.has(call.key)) return this.skip(call.key, 'duplicate');
    this.remember(call.key);
    const cfg = this.o.config();
    if (!cfg.enabled || this.stopped) return this.skip(call.key, 'disabled');
    if (this.isStale(call, cfg)) return this.skip(call.key, 'stale');
    this.write({ kind: 'queued', t: this.now(), key: call.key, number: call.number, windowNumber: call.windowNumber, recall: call.recall });
    this.totals.queued++;
    this.waiting.push(call);
    while (this.waiting.length > this.maxPending) {
      const dropped = this.waiting.shift();
      if (dropped) this.skip(dropped.key, 'overflow');
    }
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
  }

  private async drain(): Promise<void> {
    let first = true;
    for (let call = this.waiting.shift(); call; call = this.waiting.shift()) {
      const cfg = this.o.config();
      for (let round = 1; round <= cfg.repeat; round++) {
        for (const lang of cfg.languages) {
          if (!first) await this.wait(cfg.gapMs);
          first = false;
          // Checked before every utterance: a call that went stale while others were said is dropped.
          const reason = this.stopped || !cfg.enabled ? 'disabled' : this.isStale(call, cfg) ? 'stale' : this.isQuiet(cfg) ? 'quiet' : null;
          if (reason) {
            this.skip(call.key, reason);
            round = Infinity;
            break;
          }
          const a = announcementFor(call, lang);
          const u: Utterance = { callKey: call.key, lang, round, text: a.text, tokens: a.tokens };
          this.write({ kind: 'start', t: this.now(), key: call.key, lang, round, text: a.text, tokens: a.tokens });
          try {
            await this.o.speak(u);
            this.write({ kind: 'end', t: this.now(), key: call.key, lang, round, ok: true });
            this.totals.said++;
          } catch (e) {
            // A missing clip or a dead audio device is logged; the queue goes on with the next call.
            this.write({ kind: 'end', t: this.now(), key: call.key, lang, round, ok: false, error: e instanceof Error ? e.message : String(e) });
            this.totals.failed++;
          }
        }
      }
    }
  }

  private isStale(call: VoiceCall, cfg: VoiceConfig): boolean {
    return this.now() - call.at > cfg.maxAgeSeconds * 1000;
  }

  private isQuiet(cfg: VoiceConfig): boolean {
    if (!cfg.quietHours) return false;
    const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const from = toMin(cfg.quietHours.from);
    const to = toMin(cfg.quietHours.to);
    const m = this.minuteOfDay(this.now());
    return from <= to ? m >= from && m < to : m >= from || m < to; // spans midnight when from > to
  }

  private skip(key: string, reason: SkipReason): void {
    this.totals.skipped++;
    this.write({ kind: 'skip', t: this.now(), key, reason });
  }

  private remember(key: string): void {
    this.known.add(key);
    if (this.known.size > this.rememberKeys) {
      const oldest = this.known.values().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
  }

  private write(e: VoiceLogEntry): void {
    this.entries.push(e);
    if (this.entries.length > this.logLimit) this.entries.splice(0, this.entries.length - this.logLimit);
  }
}
