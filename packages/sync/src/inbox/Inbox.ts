// Command ids seen by this device, with their results: a command id runs at most once, and a
// replayed id gets the stored result back instead of a second run.
import type { Database, Statement } from 'better-sqlite3';

export type InboxEntry =
  | { status: 'running'; name: string }
  | { status: 'done'; name: string; ok: boolean; result: unknown; error?: string };

interface Row {
  name: string;
  status: 'running' | 'done';
  ok: number | null;
  result: string | null;
}

export class Inbox {
  private readonly get: Statement;
  private readonly begin: Statement;
  private readonly finishStmt: Statement;

  constructor(private readonly db: Database) {
    this.get = db.prepare('SELECT name, status, ok, result FROM sync_inbox WHERE id = ?');
    this.begin = db.prepare("INSERT OR IGNORE INTO sync_inbox (id, name, received_at, status) VALUES (?, ?, ?, 'running')");
    this.finishStmt = db.prepare("UPDATE sync_inbox SET status = 'done', ok = ?, result = ? WHERE id = ?");
  }

  lookup(id: string): InboxEntry | undefined {
    const r = this.get.get(id) as Row | undefined;
    if (!r) return undefined;
    if (r.status === 'running') return { status: 'running', name: r.name };
    const stored = r.result ? (JSON.parse(r.result) as { body?: unknown; error?: string }) : {};
    return { status: 'done', name: r.name, ok: r.ok === 1, result: stored.body, ...(stored.error ? { error: stored.error } : {}) };
  }

  /** Claim an id before running its handler; false if it was already seen. */
  claim(id: string, name: string): boolean {
    return this.begin.run(id, name, Date.now()).changes === 1;
  }

  finish(id: string, ok: boolean, body: unknown, error?: string): void {
    this.finishStmt.run(ok ? 1 : 0, JSON.stringify({ body, error }), id);
  }

  /** At open: a handler that was running when the process died is recorded as failed, never re-run. */
  failInterrupted(): number {
    return this.db
      .prepare("UPDATE sync_inbox SET status = 'done', ok = 0, result = ? WHERE status = 'running'")
      .run(JSON.stringify({ error: 'interrupted' })).changes;
  }

  prune(olderThan: number): number {
    return this.db.prepare('DELETE FROM sync_inbox WHERE received_at < ?').run(olderThan).changes;
  }
}
