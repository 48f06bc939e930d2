// Versioned schema migrations, per namespace: `sync` (this package's tables) and `app` (the app's
// own tables, passed to DeviceStore.open). Each migration runs in its own transaction together with
// the row that records it, so a crash leaves the file at one version or the next.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

export class MigrationError extends Error {}

export function migrate(db: Database, namespace: string, migrations: readonly Migration[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS sync_migrations (
    namespace TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at INTEGER NOT NULL,
    PRIMARY KEY (namespace, version))`);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`${namespace} migrations must be numbered 1..n (got ${m.version} at ${i + 1})`);
  });
  const row = db.prepare('SELECT max(version) AS v FROM sync_migrations WHERE namespace = ?').get(namespace) as { v: number | null };
  const current = row.v ?? 0;
  if (current > sorted.length) {
    throw new MigrationError(`database has ${namespace} schema v${current}, this build knows v${sorted.length}: refusing to downgrade`);
  }
  const record = db.prepare('INSERT INTO sync_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of sorted.slice(current)) {
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      record.run(namespace, m.version, m.name, Date.now());
    })();
  }
  return sorted.length;
}

/** This package's own tables. Append only; never edit a released migration. */
export const SYNC_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'outbox, inbox, config, telemetry, meta',
    up: `
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: a seq is never reused, even after deletes
        -- UUID v4, unique by construction. Deliberately not indexed: random keys would make every ack's
        -- DELETE touch hundreds of index pages (it tripled the drain time); the center dedupes on seq.
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE sync_inbox (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done')),
        ok INTEGER,
        result TEXT
      );
      CREATE INDEX sync_inbox_received ON sync_inbox (received_at);
      CREATE TABLE sync_config (
        scope TEXT NOT NULL CHECK (scope IN ('hall', 'device')),
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (scope, kind)
      );
      CREATE TABLE sync_telemetry (
        rowid INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        t INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'sent events kept for a center restored from a backup',
    up: `
      -- Acked events stay here for a while (Outbox.keepSentMs): a center restored from an older backup
      -- asks for them again (a gap below what this device already deleted) and gets them.
      CREATE TABLE sync_sent (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        body TEXT NOT NULL,
        acked_at INTEGER NOT NULL
      );
    `,
  },
];
