// The last hall snapshot the board drew, kept in the board's own SQLite file: a board that starts
// without its network (a power cut, a switch that is down) shows today's hall under its "not live"
// mark instead of an empty screen. Snapshots follow every call, so a write happens at most every
// few seconds (and at stop), not one fsync per call.
import { hallDay, HallSnapshotSchema, type HallSnapshot } from '@hallkit/core';
import type { DeviceStore, Logger, Migration } from '@hallkit/sync';

export const BOARD_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'last snapshot',
    up: `CREATE TABLE board_last_snapshot (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      body        TEXT NOT NULL,
      event_count INTEGER NOT NULL,
      saved_at    INTEGER NOT NULL)`,
  },
];

export interface LastSnapshotOptions {
  db: DeviceStore['db'];
  logger: Logger;
  /** Least time between two writes. */
  everyMs?: number;
  now?: () => number;
}

export class LastSnapshot {
  private pending: HallSnapshot | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly everyMs: number;
  private readonly now: () => number;

  constructor(private readonly o: LastSnapshotOptions) {
    this.everyMs = o.everyMs ?? 3000;
    this.now = o.now ?? Date.now;
  }

  /** The saved snapshot if it is from today in the hall's time zone (yesterday's calls would mislead). */
  load(timeZone: string): HallSnapshot | null {
    const row = this.o.db.prepare('SELECT body, saved_at FROM board_last_snapshot WHERE id = 1').get() as { body: string; saved_at: number } | undefined;
    if (!row) return null;
    let body: unknown = null;
    try {
      body = JSON.parse(row.body);
    } catch {
      // torn or foreign text: reported below like any other unreadable row
    }
    const parsed = HallSnapshotSchema.safeParse(body);
    if (!parsed.success) {
      this.o.logger.warn('saved snapshot unreadable; starting empty', { savedAt: new Date(row.saved_at).toISOString() });
      return null;
    }
    if (hallDay(parsed.data.at, timeZone) !== hallDay(this.now(), timeZone)) return null;
    return parsed.data;
  }

  /** Remember the snapshot now shown; written within `everyMs`. */
  offer(s: HallSnapshot): void {
    this.pending = s;
    this.timer ??= setTimeout(() => this.flush(), this.everyMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.pending;
    if (!s) return;
    this.pending = null;
    try {
      this.o.db
        .prepare('INSERT INTO board_last_snapshot (id, body, event_count, saved_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, event_count = excluded.event_count, saved_at = excluded.saved_at')
        .run(JSON.stringify(s), s.eventCount, this.now());
    } catch (err) {
      // Only a convenience for the next start: the board goes on showing what it has.
      this.o.logger.warn('could not save the last snapshot', { error: String(err) });
    }
  }
}
