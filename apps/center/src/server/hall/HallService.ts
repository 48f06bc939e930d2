// The authoritative hall of the center: the domain's Hall, whose every event is written to the
// hall log in the same SQLite transaction as the command (or device batch) that made it.
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import { Hall, hallDay, takeCheckpoint, type HallConfig, type HallEvent } from '@hallkit/core';
import { HallCheckpoints } from '../history/HallCheckpoints.ts';
import { HallLog } from './HallLog.ts';

export class HallService extends EventEmitter<{ events: [HallEvent[]] }> {
  hall: Hall;
  readonly log: HallLog;
  readonly checkpoints: HallCheckpoints;
  /** How many events the last load replayed after its checkpoint: today's, never the whole history. */
  replayedAtLoad = 0;
  /** Events applied but not yet announced (their transaction has not committed yet). */
  private pending: HallEvent[] = [];
  private source = 'center';
  private flushScheduled = false;

  constructor(
    private readonly db: Database,
    /** The definition the log starts from; every later version is a HallConfigChanged event in the log. */
    private readonly base: HallConfig,
  ) {
    super();
    this.log = new HallLog(db);
    this.checkpoints = new HallCheckpoints(db);
    this.hall = this.load();
  }

  get state() {
    return this.hall.state;
  }

  /** The hall definition in force now. */
  get config(): HallConfig {
    return this.hall.state.config;
  }

  /** Whether the log holds events of `day` or earlier that no day-close covered (the first close of a hall). */
  hasActivityThrough(day: string): boolean {
    const first = this.log.firstAfter(this.checkpoints.latestRow());
    return first !== undefined && hallDay(first.at, this.config.catalog.hall.timeZone) <= day;
  }

  /** The newest day-close checkpoint plus the events after it: at most one day's replay. */
  private load(): Hall {
    const cp = this.checkpoints.latest();
    // The definition in force at the checkpoint: the last change logged before it, else the base.
    const config = (cp ? this.log.lastConfigThrough(cp.n) : undefined) ?? this.base;
    const h = cp ? Hall.fromCheckpoint(config, cp.body) : new Hall(config);
    const before = h.state.eventCount;
    h.replayOnto(this.log.between(cp?.n ?? 0, Number.MAX_SAFE_INTEGER));
    this.replayedAtLoad = h.state.eventCount - before;
    h.onEvent((e) => {
      const n = this.log.append(e, this.source);
      if (e.type === 'HallDayClosed') this.checkpoints.save(n, e.day, e.at, takeCheckpoint(h.state));
      this.pending.push(e);
    });
    return h;
  }

  /**
   * Run a hall command (or a device event's ingest) so that its events are logged atomically with it.
   * Nested in an outer transaction (the outbox ingest), it joins it as a savepoint.
   * If anything fails after the hall already changed in memory, the hall is rebuilt from the log.
   */
  run<T>(source: string, fn: (h: Hall) => T): T {
    const before = this.pending.length;
    const prevSource = this.source;
    this.source = source;
    try {
      return this.db.transaction(() => fn(this.hall))();
    } catch (e) {
      if (this.pending.length > before) this.rebuild();
      throw e;
    } finally {
      this.source = prevSource;
      this.scheduleFlush();
    }
  }

  /** Throw away memory and replay the log: used when a transaction rolled back after the hall changed. */
  rebuild(): void {
    this.pending = [];
    this.hall = this.load();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // On a later tick: by then an enclosing transaction (the ingest's) has committed or rolled back.
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.db.inTransaction) return this.scheduleFlush();
      const events = this.pending;
      this.pending = [];
      if (events.length > 0) this.emit('events', events);
    });
  }
}
