// The hall's durable record: every HallEvent, in order, in the center's SQLite file. The hall
// state is never stored; it is rebuilt from this log at start (Hall.replay).
import type { Database, Statement } from 'better-sqlite3';
import { HallEventSchema, type HallEvent } from '@hallkit/core';

export class HallLog {
  private readonly insert: Statement<[string, string, string, string]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO hall_events (type, at, source, body) VALUES (?, ?, ?, ?)');
  }

  append(e: HallEvent, source: string): void {
    this.insert.run(e.type, e.at, source, JSON.stringify(e));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n;
  }

  /** Every event in log order. A row that no longer parses stops the start: the record is damaged. */
  *all(): Generator<HallEvent> {
    const rows = this.db.prepare('SELECT n, body FROM hall_events ORDER BY n').iterate() as IterableIterator<{ n: number; body: string }>;
    for (const r of rows) {
      const parsed = HallEventSchema.safeParse(JSON.parse(r.body));
      if (!parsed.success) throw new Error(`hall_events row ${r.n} does not match the event schema`);
      yield parsed.data;
    }
  }
}
