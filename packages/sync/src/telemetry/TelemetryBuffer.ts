// Telemetry waiting to be sent: coalesced by key, bounded in rows, oldest dropped first and counted.
// Unlike business events this is allowed to be lossy (see docs/protocol.md §5).
import type { Database } from 'better-sqlite3';

export interface TelemetryRow {
  rowid: number;
  key: string | null;
  t: number;
  json: string;
}

export class TelemetryBuffer {
  constructor(
    private readonly db: Database,
    readonly maxRows: number,
  ) {}

  /** Record a value; with a key, it replaces the unsent value with the same key. */
  record(body: unknown, key: string | null = null): void {
    const json = JSON.stringify(body);
    if (json === undefined) throw new TypeError('telemetry body must be JSON-serialisable');
    this.db.transaction(() => {
      // OR REPLACE deletes the old row and inserts a new rowid, so an in-flight copy of the old value
      // cannot delete the new one on PUBACK.
      this.db.prepare('INSERT OR REPLACE INTO sync_telemetry (key, t, body) VALUES (?, ?, ?)').run(key, Date.now(), json);
      const n = (this.db.prepare('SELECT count(*) AS n FROM sync_telemetry').get() as { n: number }).n;
      if (n > this.maxRows) {
        const drop = n - this.maxRows;
        this.db.prepare('DELETE FROM sync_telemetry WHERE rowid IN (SELECT rowid FROM sync_telemetry ORDER BY rowid LIMIT ?)').run(drop);
        this.db
          .prepare("INSERT INTO sync_meta (key, value) VALUES ('telemetry_dropped', ?) ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + ?")
          .run(String(drop), drop);
      }
    }).immediate();
  }

  read(limit: number): TelemetryRow[] {
    return this.db.prepare('SELECT rowid, key, t, body AS json FROM sync_telemetry ORDER BY rowid LIMIT ?').all(limit) as TelemetryRow[];
  }

  remove(rowids: readonly number[]): void {
    const del = this.db.prepare('DELETE FROM sync_telemetry WHERE rowid = ?');
    this.db.transaction(() => rowids.forEach((r) => del.run(r)))();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM sync_telemetry').get() as { n: number }).n;
  }

  dropped(): number {
    const r = this.db.prepare("SELECT value FROM sync_meta WHERE key = 'telemetry_dropped'").get() as { value: string } | undefined;
    return r ? Number(r.value) : 0;
  }
}
