// The outbox table: business events waiting for the center's cumulative ack. Rows leave only
// through ackUpTo(), into sync_sent, where they stay `keepSentMs` (default 7 days) in case the center's
// database is restored from a backup older than the ack and asks for them again.
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

  private readonly moveSent: Statement;
  private readonly pruneSent: Statement;
  private readonly requeue: Statement;
  private readonly dropRequeued: Statement;
  private readonly lastSentStmt: Statement;
  private lastPruneAt = 0;

  constructor(
    private readonly db: Database,
    /** How long acked events are kept for a center restored from a backup. */
    private readonly keepSentMs = 7 * 86_400_000,
  ) {
    this.moveSent = db.prepare('INSERT OR REPLACE INTO sync_sent (seq, id, created_at, body, acked_at) SELECT seq, id, created_at, body, ? FROM sync_outbox WHERE seq <= ?');
    this.pruneSent = db.prepare('DELETE FROM sync_sent WHERE acked_at < ?');
    this.requeue = db.prepare('INSERT OR IGNORE INTO sync_outbox (seq, id, created_at, body) SELECT seq, id, created_at, body FROM sync_sent WHERE seq > ? AND seq <= ? ORDER BY seq');
    this.dropRequeued = db.prepare('DELETE FROM sync_sent WHERE seq > ? AND seq <= ?');
    this.lastSentStmt = db.prepare('SELECT max(seq) AS seq FROM sync_sent');
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

  /** Every row the center has committed (seq ≤ upTo) leaves the outbox for sync_sent; returns how many went. */
  ackUpTo(upTo: number): number {
    const now = Date.now();
    return this.db.transaction(() => {
      this.moveSent.run(now, upTo);
      const n = this.deleteUpTo.run(upTo).changes;
      if (now - this.lastPruneAt > 60_000) {
        this.lastPruneAt = now;
        this.pruneSent.run(now - this.keepSentMs);
      }
      return n;
    })();
  }

  /**
   * The center lacks events this device already deleted (its database came back from a backup): put
   * the kept ones with `after` < seq ≤ `upTo` back into the outbox, to be sent again. Returns how many.
   */
  requeueSent(after: number, upTo = Number.MAX_SAFE_INTEGER): number {
    return this.db.transaction(() => {
      const n = this.requeue.run(after, upTo).changes;
      this.dropRequeued.run(after, upTo);
      return n;
    })();
  }

  /** Highest seq among the kept sent events (0 if none). */
  lastSent(): number {
    return (this.lastSentStmt.get() as { seq: number | null }).seq ?? 0;
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
