// The authoritative hall of the center: the domain's Hall, whose every event is written to the
// hall log in the same SQLite transaction as the command (or device batch) that made it.
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import { Hall, type HallConfig, type HallEvent } from '@hallkit/core';
import { HallLog } from './HallLog.ts';

export class HallService extends EventEmitter<{ events: [HallEvent[]] }> {
  hall: Hall;
  readonly log: HallLog;
  /** Events applied but not yet announced (their transaction has not committed yet). */
  private pending: HallEvent[] = [];
  private source = 'center';
  private flushScheduled = false;

  constructor(
    private readonly db: Database,
    readonly config: HallConfig,
  ) {
    super();
    this.log = new HallLog(db);
    this.hall = this.load();
  }

  get state() {
    return this.hall.state;
  }

  private load(): Hall {
    const h = Hall.replay(this.config, this.log.all());
    h.onEvent((e) => {
      this.log.append(e, this.source);
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
