// Versioned retained config for devices: the hall's catalog/rules for everyone and each device's
// own assignment. A version grows only when the body changes, and survives restarts.
import type { Database } from 'better-sqlite3';
import type { ConfigPublisher } from '@hallkit/sync';

export class ConfigVersions {
  constructor(
    private readonly db: Database,
    private readonly publisher: ConfigPublisher,
  ) {}

  /** Store `body` under (scope, kind), bumping the version if it changed; publish it retained. */
  async publish(scope: 'hall' | { deviceId: string }, kind: string, body: unknown): Promise<number> {
    const key = scope === 'hall' ? 'hall' : scope.deviceId;
    const json = JSON.stringify(body);
    const row = this.db.prepare('SELECT version, body FROM config_versions WHERE scope = ? AND kind = ?').get(key, kind) as { version: number; body: string } | undefined;
    const version = row && row.body === json ? row.version : (row?.version ?? 0) + 1;
    if (!row || row.body !== json) {
      this.db
        .prepare('INSERT INTO config_versions (scope, kind, version, body, published_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, kind) DO UPDATE SET version = excluded.version, body = excluded.body, published_at = excluded.published_at')
        .run(key, kind, version, json, Date.now());
    }
    if (scope === 'hall') await this.publisher.publishHall(kind, version, body);
    else await this.publisher.publishDevice(scope.deviceId, kind, version, body);
    return version;
  }

  /** Publish every stored config again at its current version (after a broker lost its retained messages). */
  async republishAll(): Promise<void> {
    const rows = this.db.prepare('SELECT scope, kind, version, body FROM config_versions').all() as { scope: string; kind: string; version: number; body: string }[];
    for (const r of rows) {
      const body: unknown = JSON.parse(r.body);
      if (r.scope === 'hall') await this.publisher.publishHall(r.kind, r.version, body);
      else await this.publisher.publishDevice(r.scope, r.kind, r.version, body);
    }
  }

  version(scope: string, kind: string): number | undefined {
    return (this.db.prepare('SELECT version FROM config_versions WHERE scope = ? AND kind = ?').get(scope, kind) as { version: number } | undefined)?.version;
  }
}
