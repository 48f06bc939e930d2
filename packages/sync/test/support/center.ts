// A real center for tests: its own SQLite file, an OutboxIngest whose apply records every event it
// is given (no uniqueness constraint, so a double delivery would show), on a real MQTT client.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import mqtt, { type MqttClient } from 'mqtt';
import { join } from 'node:path';
import { OutboxIngest } from '../../src/index.ts';
import { quietLogger } from './logger.ts';

export class TestCenter {
  private constructor(
    readonly db: Db,
    readonly client: MqttClient,
    readonly ingest: OutboxIngest,
  ) {}

  static async start(url: string, dir: string, hallId = 'hall1', protocolVersion: 4 | 5 = 4, applyHook?: () => void): Promise<TestCenter> {
    const db = new Database(join(dir, 'center.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS received (n INTEGER PRIMARY KEY, device_id TEXT, seq INTEGER, event_id TEXT, body TEXT)');
    const client = await mqtt.connectAsync(url, { clientId: `center-${Math.random().toString(36).slice(2)}`, protocolVersion, reconnectPeriod: 200, clean: true });
    const insert = db.prepare('INSERT INTO received (device_id, seq, event_id, body) VALUES (?, ?, ?, ?)');
    const ingest = new OutboxIngest({
      client,
      hallId,
      db,
      logger: quietLogger(),
      apply: (_db, deviceId, events) => {
        applyHook?.();
        for (const e of events) insert.run(deviceId, e.seq, e.id, JSON.stringify(e.body));
      },
    });
    await ingest.start();
    return new TestCenter(db, client, ingest);
  }

  count(deviceId?: string): number {
    const r = (deviceId
      ? this.db.prepare('SELECT count(*) AS n FROM received WHERE device_id = ?').get(deviceId)
      : this.db.prepare('SELECT count(*) AS n FROM received').get()) as { n: number };
    return r.n;
  }

  rows(deviceId: string): { seq: number; event_id: string; body: string }[] {
    return this.db.prepare('SELECT seq, event_id, body FROM received WHERE device_id = ? ORDER BY n').all(deviceId) as { seq: number; event_id: string; body: string }[];
  }

  async waitFor(pred: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    await this.ingest.stop().catch(() => undefined);
    await this.client.endAsync(true);
    this.db.close();
  }
}

export async function waitUntil(pred: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
