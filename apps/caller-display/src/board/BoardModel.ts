import type { CallMessage, HallSnapshot, NameTranslations } from '@hallkit/core';
import { DEFAULT_BOARD_CONFIG, type BoardConfig } from './BoardConfig.ts';
import { callKey, type BoardCall, type BoardState, type BoardWindowLabel } from './BoardState.ts';

export interface BoardModelOptions {
  deviceId: string;
  hallId: string;
  /** Calls kept for the recent list and for catching up a renderer (newest first). */
  keepCalls?: number;
  /** Call keys remembered for dedupe; bounded so a board can run for weeks. */
  rememberKeys?: number;
  now?: () => number;
}

/**
 * The board's state, built from the center's retained snapshot and live call messages. Pure: the
 * host feeds it what the link delivers and sends `state()` to the renderer. It never shows a call
 * twice: a redelivered message, or a snapshot after a reconnect that lists calls already shown,
 * only confirms what is there.
 */
export class BoardModel {
  private snapshot: HallSnapshot | null = null;
  private calls: BoardCall[] = [];
  private readonly seen = new Set<string>();
  private live = false;
  /** What is shown comes only from the board's own saved snapshot: the center has not spoken since start. */
  private restored = false;
  private offlineSince: number | null = null;
  private config: BoardConfig = DEFAULT_BOARD_CONFIG;
  private hallNotice: string | null = null;
  private zoneNames: Record<string, string> = {};
  private zoneNamesI18n: Record<string, NameTranslations> = {};
  private hallNameI18n: NameTranslations | null = null;
  private windowLabels: Record<string, BoardWindowLabel> = {};
  private timeZone = 'Asia/Shanghai';
  private rev = 0;
  private readonly keepCalls: number;
  private readonly rememberKeys: number;
  private readonly now: () => number;

  constructor(private readonly o: BoardModelOptions) {
    this.keepCalls = o.keepCalls ?? 40;
    this.rememberKeys = o.rememberKeys ?? 4000;
    this.now = o.now ?? Date.now;
    this.offlineSince = this.now();
  }

  /** The snapshot this board saved before it stopped: shown until the center's word arrives. */
  restore(s: HallSnapshot): boolean {
    if (this.snapshot || !this.applySnapshot(s)) return false;
    this.restored = true;
    return true;
  }

  /** A retained snapshot: applied unless older than what is shown. Returns whether anything changed. */
  applySnapshot(s: HallSnapshot): boolean {
    if (s.hallId !== this.o.hallId) return false;
    // The center's word replaces a saved copy whatever its count (its database may have been restored).
    const wasRestored = this.restored;
    this.restored = false;
    if (this.snapshot && !wasRestored && s.eventCount < this.snapshot.eventCount) return false;
    this.snapshot = s;
    const receivedAt = this.now();
    for (const r of s.recentCalls) {
      this.insert({ key: callKey(r.ticketId, r.at), ticketId: r.ticketId, number: r.number, categoryId: r.categoryId, windowId: r.windowId, windowNumber: r.windowNumber, at: r.at, recall: r.recall, ...(r.priority ? { priority: r.priority } : {}), voice: null, live: false, receivedAt });
    }
    this.rev++;
    return true;
  }

  /** A live call message. Returns false for one already shown (QoS 1 redelivery, or seen in a snapshot). */
  applyCall(c: CallMessage): boolean {
    // The retained snapshot can overtake the call message it lists (different topics): a call first
    // seen in a snapshot becomes live when its own message arrives, so it is still announced once.
    const key = callKey(c.ticketId, c.at);
    if (this.restored) {
      this.restored = false;
      this.rev++;
    }
    const known = this.calls.findIndex((x) => x.key === key);
    const existing = this.calls[known];
    if (existing && !existing.live) {
      const next = [...this.calls];
      next[known] = { ...existing, live: true, voice: c.voice, receivedAt: this.now() };
      this.calls = next;
      this.rev++;
      return true;
    }
    const added = this.insert({
      key: callKey(c.ticketId, c.at), ticketId: c.ticketId, number: c.number, categoryId: c.categoryId, windowId: c.windowId,
      windowNumber: c.windowNumber, at: c.at, recall: c.recall, ...(c.priority ? { priority: c.priority } : {}), voice: c.voice, live: true, receivedAt: this.now(),
    });
    if (added) this.rev++;
    return added;
  }

  setLive(live: boolean): boolean {
    if (live === this.live) return false;
    this.live = live;
    this.offlineSince = live ? null : this.now();
    this.rev++;
    return true;
  }

  setConfig(config: BoardConfig): void {
    this.config = config;
    this.rev++;
  }

  setHallNotice(text: string | null): void {
    this.hallNotice = text;
    this.rev++;
  }

  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
    this.rev++;
  }

  /** Zone names (and the hall's and zones' 繁體/English names) from the hall definition. */
  setZoneNames(names: Record<string, string>, i18n: { zones?: Record<string, NameTranslations>; hall?: NameTranslations | null } = {}): void {
    this.zoneNames = names;
    this.zoneNamesI18n = i18n.zones ?? {};
    this.hallNameI18n = i18n.hall ?? null;
    this.rev++;
  }

  /** The labels the hall definition gives its windows (「绿色通道」): the window strip and the latest call show them. */
  setWindowLabels(labels: Record<string, BoardWindowLabel>): void {
    this.windowLabels = labels;
    this.rev++;
  }

  state(): BoardState {
    return {
      v: 1, deviceId: this.o.deviceId, hallId: this.o.hallId, live: this.live, restored: this.restored, offlineSince: this.offlineSince,
      config: this.config, notice: this.config.notice ?? this.hallNotice, zoneNames: this.zoneNames, zoneNamesI18n: this.zoneNamesI18n, hallNameI18n: this.hallNameI18n, windowLabels: this.windowLabels, timeZone: this.timeZone, snapshot: this.snapshot, calls: this.calls, rev: this.rev,
    };
  }

  /** Grows with every change (what `state().rev` says, without building the state). */
  get revision(): number {
    return this.rev;
  }

  /** Keys remembered for dedupe (for the soak benchmark and the health report). */
  get rememberedKeys(): number {
    return this.seen.size;
  }

  private insert(call: BoardCall): boolean {
    if (this.seen.has(call.key)) return false;
    this.seen.add(call.key);
    if (this.seen.size > this.rememberKeys) {
      // Sets iterate in insertion order: drop the oldest keys. They are far older than the list.
      const drop = this.seen.size - this.rememberKeys;
      let i = 0;
      for (const k of this.seen) {
        if (i++ >= drop) break;
        this.seen.delete(k);
      }
    }
    // Newest first by call time; a copy so a state already handed out never changes under its reader.
    const next = [...this.calls];
    let at = next.findIndex((c) => c.at <= call.at);
    if (at < 0) at = next.length;
    next.splice(at, 0, call);
    if (next.length > this.keepCalls) next.length = this.keepCalls;
    this.calls = next;
    return true;
  }
}
