// Where the hall starts from: the newest day-close checkpoint (core HallCheckpoint), written in the
// same transaction as its HallDayClosed event, with the closed day's row in hall_days. Older
// checkpoints are kept for a month (a day's figures can be recomputed from the checkpoint before it
// and the day's events), then dropped: the log itself is never touched.
import type { Database, Statement } from 'better-sqlite3';
import type { HallCheckpoint } from '@hallkit/core';

export const CHECKPOINTS_KEPT = 31;

export interface StoredCheckpoint {
  n: number;
  day: string;
  body: HallCheckpoint;
}

export class HallCheckpoints {
  private readonly insert: Statement<[number, string, string]>;
  private readonly insertDay: Statement<[string, number, number, string]>;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO hall_checkpoints (n, day, body) VALUES (?, ?, ?)');
    this.insertDay = db.prepare('INSERT OR REPLACE INTO hall_days (day, first_n, close_n, closed_at) VALUES (?, ?, ?, ?)');
  }

  /** The log row of the newest checkpoint (0: none yet), without reading its body. */
  latestRow(): number {
    return (this.db.prepare('SELECT max(n) AS n FROM hall_checkpoints').get() as { n: number | null }).n ?? 0;
  }

  latest(): StoredCheckpoint | undefined {
    const row = this.db.prepare('SELECT n, day, body FROM hall_checkpoints ORDER BY n DESC LIMIT 1').get() as
      | { n: number; day: string; body: string }
      | undefined;
    return row && { n: row.n, day: row.day, body: JSON.parse(row.body) as HallCheckpoint };
  }

  /** Called for the HallDayClosed event at log row `n`, inside its transaction. */
  save(n: number, day: string, closedAt: string, cp: HallCheckpoint): void {
    const prev = this.db.prepare('SELECT max(close_n) AS n FROM hall_days').get() as { n: number | null };
    this.insert.run(n, day, JSON.stringify(cp));
    this.insertDay.run(day, (prev.n ?? 0) + 1, n, closedAt);
    this.db
      .prepare('DELETE FROM hall_checkpoints WHERE n NOT IN (SELECT n FROM hall_checkpoints ORDER BY n DESC LIMIT ?)')
      .run(CHECKPOINTS_KEPT);
  }
}
