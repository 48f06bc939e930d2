// The outbox table: business events waiting for the center's cumulative ack. Rows leave only
// through ackUpTo(); nothing here drops an event.
import type { Database, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export interface Appended {
  seq: number;
  id: string;
}

export interface OutboxRow {
  seq: number;
  id: string;
  t: number;
  /** The event as stored JSON text (sent as-is, never re-serialised). */
  json: string;
}

export interface BacklogStats {
  events: number;
  oldestSeq: number | null;
  oldestAt: number | null;
  bytes: number;
}

export class Outbox {
  private readonly insert: Statement;
  private readonly selectFrom: Statement;
  private readonly deleteUpTo: Statement;
  private readonly oldest: Statement;
  private readonly stats: Statement;
  private readonly lastSeqStmt: Statement;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO sync_outbox (id, created_at, body) VALUES (?, ?, ?)');
    this.selectFrom = db.prepare('SELECT seq, id, created_at AS t, body AS json FROM sync_outbox WHERE seq >= ? ORDER BY seq LIMIT ?');
    this.deleteUpTo = db.prepare('DELETE FROM sync_outbox WHERE seq <= ?');
    this.oldest = db.prepare('SELECT seq, created_at AS t FROM sync_outbox ORDER BY seq LIMIT 1');
    this.lastSeqStmt = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'");
    this.stats = db.prepare('SELECT count(*) AS n, coalesce(sum(length(body)), 0) AS bytes FROM sync_outbox');
  }

  /** Append one event; call inside DeviceStore.transaction so it commits with the app's state. */
  append(body: unknown): Appended {
    const json = JSON.stringify(body);
    if (json === undefined) throw new TypeError('outbox event body must be JSON-serialisable');
    const id = randomUUID();
    const r = this.insert.run(id, Date.now(), json);
    return { seq: Number(r.lastInsertRowid), id };
  }

  /** Up to `limit` rows with seq ≥ fromSeq, ascending. */
  read(fromSeq: number, limit: number): OutboxRow[] {
    return this.selectFrom.all(fromSeq, limit) as OutboxRow[];
  }

  /** Delete every row the center has committed (seq ≤ upTo); returns how many went. */
  ackUpTo(upTo: number): number {
    return this.deleteUpTo.run(upTo).changes;
  }

  oldestUnacked(): { seq: number; t: number } | undefined {
    return this.oldest.get() as { seq: number; t: number } | undefined;
  }

  backlog(): BacklogStats {
    const s = this.stats.get() as { n: number; bytes: number };
    const o = this.oldestUnacked();
    return { events: s.n, bytes: s.bytes, oldestSeq: o?.seq ?? null, oldestAt: o?.t ?? null };
  }

  /** Highest seq ever assigned (0 if none): survives deletes thanks to AUTOINCREMENT. */
  lastSeq(): number {
    const r = this.lastSeqStmt.get() as { seq: number } | undefined;
    return r?.seq ?? 0;
  }
}
