// The last good config per (scope, kind), kept across restarts.
import type { Database } from 'better-sqlite3';

export type ConfigScope = 'hall' | 'device';

export interface StoredConfig {
  scope: ConfigScope;
  kind: string;
  version: number;
  body: unknown;
  appliedAt: number;
}

export class ConfigStore {
  constructor(private readonly db: Database) {}

  get(scope: ConfigScope, kind: string): StoredConfig | undefined {
    const r = this.db.prepare('SELECT scope, kind, version, body, applied_at FROM sync_config WHERE scope = ? AND kind = ?').get(scope, kind) as
      | { scope: ConfigScope; kind: string; version: number; body: string; applied_at: number }
      | undefined;
    return r && { scope: r.scope, kind: r.kind, version: r.version, body: JSON.parse(r.body) as unknown, appliedAt: r.applied_at };
  }

  /** Running version, or -1 when none has been applied. */
  version(scope: ConfigScope, kind: string): number {
    const r = this.db.prepare('SELECT version FROM sync_config WHERE scope = ? AND kind = ?').get(scope, kind) as { version: number } | undefined;
    return r?.version ?? -1;
  }

  /** `{ "hall:catalog": 3, "device:window": 7 }` */
  versions(): Record<string, number> {
    const rows = this.db.prepare('SELECT scope, kind, version FROM sync_config ORDER BY scope, kind').all() as { scope: string; kind: string; version: number }[];
    return Object.fromEntries(rows.map((r) => [`${r.scope}:${r.kind}`, r.version]));
  }

  /** Call inside a transaction together with the app's apply step. */
  put(scope: ConfigScope, kind: string, version: number, body: unknown): void {
    this.db
      .prepare(
        `INSERT INTO sync_config (scope, kind, version, body, applied_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope, kind) DO UPDATE SET version = excluded.version, body = excluded.body, applied_at = excluded.applied_at`,
      )
      .run(scope, kind, version, JSON.stringify(body), Date.now());
  }
}
