// Every admin (and staff) action that changes something, with who and when; shown in the admin console.
import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export class AuditLog {
  /** `now` is the center's clock (a test's or a replayed day's), not the machine's. */
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  record(actor: string, action: string, target?: string, detail?: unknown): void {
    this.db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(this.now(), actor, action, target ?? null, detail === undefined ? null : JSON.stringify(detail));
  }

  recent(limit = 200): AuditEntry[] {
    return this.db.prepare('SELECT at, actor, action, target, detail FROM audit ORDER BY n DESC LIMIT ?').all(limit) as AuditEntry[];
  }
}
