// The hall's durable record: every HallEvent, in order, in the center's SQLite file. The hall
// state is never stored; it is rebuilt at start from the newest day-close checkpoint and the events after it
// (history/HallCheckpoints.ts).
import type { Database, Statement } from 'better-sqlite3';
import { HallEventSchema, type HallConfig, type HallEvent } from '@hallkit/core';

export class HallLog {
  private readonly insert: Statement<[string, string, string, string]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO hall_events (type, at, source, body) VALUES (?, ?, ?, ?)');
  }

  /** Returns the event's row number. */
  append(e: HallEvent, source: string): number {
    return Number(this.insert.run(e.type, e.at, source, JSON.stringify(e)).lastInsertRowid);
  }

  /** The first event after row `n`, if any. */
  firstAfter(n: number): { n: number; at: string } | undefined {
    return this.db.prepare('SELECT n, at FROM hall_events WHERE n > ? ORDER BY n LIMIT 1').get(n) as { n: number; at: string } | undefined;
  }

  /** The hall definition the last HallConfigChanged at or before row `n` put in force (none: the base). */
  lastConfigThrough(n: number): HallConfig | undefined {
    const row = this.db.prepare("SELECT n, body FROM hall_events WHERE type = 'HallConfigChanged' AND n <= ? ORDER BY n DESC LIMIT 1").get(n) as { n: number; body: string } | undefined;
    if (!row) return undefined;
    const parsed = HallEventSchema.safeParse(JSON.parse(row.body));
    if (!parsed.success || parsed.data.type !== 'HallConfigChanged') throw new Error(`hall_events row ${row.n} does not match the event schema`);
    return parsed.data.config;
  }

  /** Whether the log holds any event of these types (one index probe, however long the history). */
  hasAny(types: string[]): boolean {
    return this.db.prepare(`SELECT 1 FROM hall_events WHERE type IN (${types.map(() => '?').join(',')}) LIMIT 1`).get(...types) !== undefined;
  }

  /** How many events of these types the log holds (reads every one: not for start-up). */
  countOf(types: string[]): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM hall_events WHERE type IN (${types.map(() => '?').join(',')})`).get(...types) as { n: number }).n;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n;
  }

  /** Every event in log order. A row that no longer parses stops the start: the record is damaged. */
  all(): Generator<HallEvent> {
    return this.between(0, Number.MAX_SAFE_INTEGER);
  }

  /** The events of rows `after` < n ≤ `through`, in log order (a checkpoint's tail, a closed day). */
  *between(after: number, through: number): Generator<HallEvent> {
    const rows = this.db.prepare('SELECT n, body FROM hall_events WHERE n > ? AND n <= ? ORDER BY n').iterate(after, through) as IterableIterator<{ n: number; body: string }>;
    for (const r of rows) {
      const parsed = HallEventSchema.safeParse(JSON.parse(r.body));
      if (!parsed.success) throw new Error(`hall_events row ${r.n} does not match the event schema`);
      yield parsed.data;
    }
  }
}
