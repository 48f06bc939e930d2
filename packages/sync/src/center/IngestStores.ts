// What the center knows of each device store incarnation it has taken events from: the high-water
// mark per (device, store) and the id of every event committed under each seq, so that a file that
// came back from a backup (same incarnation, older seqs, then a different history) is told apart
// from a plain resend. See docs/protocol.md, "Store incarnations".
import type { Database, Statement } from 'better-sqlite3';

/** The incarnation of batches from devices older than store incarnations. */
export const LEGACY_STORE = '';

export interface StoreMark {
  deviceId: string;
  store: string;
  base: number;
  seq: number;
  createdAt: number;
  updatedAt: number;
}

export class IngestStores {
  private readonly getMark: Statement;
  private readonly countStores: Statement;
  private readonly insertMark: Statement;
  private readonly updateMark: Statement;
  private readonly adoptLegacy: Statement;
  private readonly insertSeen: Statement;
  private readonly getSeen: Statement;

  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sync_ingest_store (
        device_id TEXT NOT NULL, store_id TEXT NOT NULL, base INTEGER NOT NULL, seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (device_id, store_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS sync_ingest_seen (
        device_id TEXT NOT NULL, store_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL,
        PRIMARY KEY (device_id, store_id, seq)) WITHOUT ROWID;`);
    // Centers from before incarnations kept one mark per device: carry them over as the legacy store.
    const legacy = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sync_ingest_hwm'").get();
    if (legacy) {
      db.transaction(() => {
        db.exec(`INSERT OR IGNORE INTO sync_ingest_store (device_id, store_id, base, seq, created_at, updated_at)
                 SELECT device_id, '${LEGACY_STORE}', 0, seq, updated_at, updated_at FROM sync_ingest_hwm`);
        db.exec('DROP TABLE sync_ingest_hwm');
      })();
    }
    this.getMark = db.prepare('SELECT device_id AS deviceId, store_id AS store, base, seq, created_at AS createdAt, updated_at AS updatedAt FROM sync_ingest_store WHERE device_id = ? AND store_id = ?');
    this.countStores = db.prepare('SELECT count(*) AS n FROM sync_ingest_store WHERE device_id = ?');
    this.insertMark = db.prepare('INSERT INTO sync_ingest_store (device_id, store_id, base, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.updateMark = db.prepare('UPDATE sync_ingest_store SET seq = ?, updated_at = ? WHERE device_id = ? AND store_id = ?');
    this.adoptLegacy = db.prepare(`UPDATE sync_ingest_store SET store_id = ? WHERE device_id = ? AND store_id = '${LEGACY_STORE}'`);
    this.insertSeen = db.prepare('INSERT OR REPLACE INTO sync_ingest_seen (device_id, store_id, seq, event_id, at) VALUES (?, ?, ?, ?, ?)');
    this.getSeen = db.prepare('SELECT event_id AS id FROM sync_ingest_seen WHERE device_id = ? AND store_id = ? AND seq = ?');
  }

  /** Highest seq committed for a device's store (0 if none). */
  mark(deviceId: string, store = LEGACY_STORE): StoreMark | undefined {
    return this.getMark.get(deviceId, store) as StoreMark | undefined;
  }

  /**
   * The mark of (device, store), made on first sight. `fresh` tells the caller a device began a new
   * history (a replaced or restored file): the center says so in its log. A device's first
   * incarnation after an upgrade of the center continues the device's legacy mark.
   */
  open(deviceId: string, store: string, base: number, now: number): { mark: StoreMark; fresh: boolean } {
    const known = this.mark(deviceId, store);
    if (known) return { mark: known, fresh: false };
    if (store !== LEGACY_STORE && this.mark(deviceId, LEGACY_STORE) && (this.countStores.get(deviceId) as { n: number }).n === 1) {
      this.adoptLegacy.run(store, deviceId);
      return { mark: this.mark(deviceId, store)!, fresh: false };
    }
    const others = (this.countStores.get(deviceId) as { n: number }).n;
    this.insertMark.run(deviceId, store, base, base, now, now);
    return { mark: this.mark(deviceId, store)!, fresh: others > 0 };
  }

  advance(deviceId: string, store: string, seq: number, now: number): void {
    this.updateMark.run(seq, now, deviceId, store);
  }

  remember(deviceId: string, store: string, seq: number, eventId: string, now: number): void {
    this.insertSeen.run(deviceId, store, seq, eventId, now);
  }

  /** The event id committed under seq, or undefined when not recorded (legacy, or pruned). */
  seen(deviceId: string, store: string, seq: number): string | undefined {
    return (this.getSeen.get(deviceId, store, seq) as { id: string } | undefined)?.id;
  }

  /**
   * Forget event ids committed before `before` (ms), except each store's id at its high-water mark.
   * Safe for de-duplication: a resend at or below the mark is a duplicate by seq alone; the ids only
   * tell a restored (forked) device file from a resend, and a device keeps acked events 7 days
   * (Outbox.keepSentMs), so older ids can only come back from a device backup older than that —
   * then the fork shows at the mark's id, kept here, or not at all (docs/protocol.md §5).
   */
  prune(before: number): number {
    return this.db
      .prepare(
        `DELETE FROM sync_ingest_seen WHERE at < ? AND seq < (
           SELECT s.seq FROM sync_ingest_store s WHERE s.device_id = sync_ingest_seen.device_id AND s.store_id = sync_ingest_seen.store_id)`,
      )
      .run(before).changes;
  }

  all(): StoreMark[] {
    return this.db.prepare('SELECT device_id AS deviceId, store_id AS store, base, seq, created_at AS createdAt, updated_at AS updatedAt FROM sync_ingest_store ORDER BY device_id, created_at').all() as StoreMark[];
  }
}
