// Waiting count and estimated wait per category over time, for the admin's wait-time chart.
// Sampled at most every `everyMs` (and on the first change after), kept 24 h in SQLite.
import type { Database } from 'better-sqlite3';
import { estimateForNewTicket, type HallState } from '@hallkit/core';

export interface QueueSample {
  at: number;
  categoryId: string;
  waiting: number;
  waitMinutes: number | null;
}

export class QueueSamples {
  private last = 0;

  constructor(
    private readonly db: Database,
    private readonly everyMs = 15_000,
  ) {}

  maybeSample(s: HallState, now = Date.now()): boolean {
    if (now - this.last < this.everyMs) return false;
    this.last = now;
    const ins = this.db.prepare('INSERT OR REPLACE INTO queue_samples (at, category_id, waiting, wait_minutes) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const c of s.config.catalog.categories) ins.run(now, c.id, s.lines.categoryCount(c.id), estimateForNewTicket(s, c.id, 'normal').minutes);
      this.db.prepare('DELETE FROM queue_samples WHERE at < ?').run(now - 24 * 3600_000);
    })();
    return true;
  }

  since(from: number): QueueSample[] {
    return this.db.prepare('SELECT at, category_id AS categoryId, waiting, wait_minutes AS waitMinutes FROM queue_samples WHERE at >= ? ORDER BY at').all(from) as QueueSample[];
  }
}
