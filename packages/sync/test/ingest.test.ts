// OutboxIngest's transaction against a real center SQLite file: dedupe by (deviceId, seq), contiguous
// prefix only, nothing committed when apply throws. Plus the topic map and backoff bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mqtt, { type MqttClient } from 'mqtt';
import { z } from 'zod';
import { Mosquitto } from '@hallkit/testkit';
import { Backoff, IngestRefusedError, OutboxIngest, parseTopic, topics, type OutboxBatch } from '../src/index.ts';
import { quietLogger } from './support/logger.ts';

let broker: Mosquitto;
let client: MqttClient;
beforeAll(async () => {
  broker = await Mosquitto.start();
  client = await mqtt.connectAsync(broker.url);
});
afterAll(async () => {
  await client.endAsync();
  await broker.stop();
});

const batch = (seqs: number[]): OutboxBatch => ({
  v: 1, hallId: 'h', deviceId: 'd1', events: seqs.map((seq) => ({ seq, id: `e${seq}`, t: 1, body: { type: 'x', v: 1, seq } })),
});

describe('OutboxIngest', () => {
  function make(apply: (db: Database.Database, d: string, seqs: number[]) => void, eventSchema?: z.ZodType) {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'hallkit-ingest-')), 'center.db'));
    db.exec('CREATE TABLE got (device TEXT, seq INTEGER)');
    const ingest = new OutboxIngest({
      client, hallId: 'h', db, logger: quietLogger(), ...(eventSchema ? { eventSchema } : {}),
      apply: (d, deviceId, events) => apply(d, deviceId, events.map((e) => e.seq)),
    });
    return { db, ingest };
  }
  const record = (db: Database.Database, d: string, seqs: number[]) => seqs.forEach((s) => db.prepare('INSERT INTO got VALUES (?, ?)').run(d, s));

  it('applies each seq once and acks the high-water mark, also for pure duplicates', () => {
    const { db, ingest } = make(record);
    expect(ingest.ingest(batch([1, 2, 3])).ack).toMatchObject({ upTo: 3 });
    expect(ingest.ingest(batch([2, 3, 4, 5]))).toMatchObject({ applied: 2, duplicates: 2, ack: { upTo: 5 } });
    expect(ingest.ingest(batch([1, 2]))).toMatchObject({ applied: 0, duplicates: 2, ack: { upTo: 5 } });
    expect(db.prepare('SELECT seq FROM got ORDER BY rowid').all().map((r) => (r as { seq: number }).seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('acks only the contiguous prefix when a later seq arrives first', () => {
    const { ingest } = make(record);
    ingest.ingest(batch([1, 2]));
    expect(ingest.ingest(batch([4, 5])).ack).toEqual({ v: 1, hallId: 'h', deviceId: 'd1', upTo: 2, gap: true });
    expect(ingest.ingest(batch([3, 5, 6])).ack).toEqual({ v: 1, hallId: 'h', deviceId: 'd1', upTo: 3, gap: true });
    expect(ingest.ingest(batch([4, 5, 6])).ack).toEqual({ v: 1, hallId: 'h', deviceId: 'd1', upTo: 6 });
  });

  it('commits nothing and keeps the mark when apply throws or a body fails the schema', () => {
    let fail = true;
    const { db, ingest } = make((d, dev, seqs) => {
      record(d, dev, seqs);
      if (fail) throw new Error('center bug');
    });
    expect(() => ingest.ingest(batch([1, 2]))).toThrow('center bug');
    expect(ingest.highWaterMark('d1')).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM got').get()).toEqual({ n: 0 });
    fail = false;
    expect(ingest.ingest(batch([1, 2])).ack.upTo).toBe(2);
    const strict = make(record, z.object({ type: z.literal('ticket.issued') }));
    expect(() => strict.ingest.ingest(batch([1]))).toThrow(IngestRefusedError);
  });
});

describe('OutboxIngest store incarnations', () => {
  const inc = (store: string, seqs: number[], idPrefix = 'e', base = 0): OutboxBatch => ({ ...batch(seqs), store, base, events: batch(seqs).events.map((e) => ({ ...e, id: `${idPrefix}${e.seq}` })) });

  it("carries a legacy mark over to the device's first incarnation; a second incarnation is a new history; a forked one is told", () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'hallkit-ingest-')), 'center.db'));
    // A center database of the release before incarnations: one mark per device.
    db.exec('CREATE TABLE sync_ingest_hwm (device_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_at INTEGER NOT NULL)');
    db.prepare('INSERT INTO sync_ingest_hwm VALUES (?, ?, ?)').run('d1', 3, 1);
    const got: string[] = [];
    const ingest = new OutboxIngest({ client, hallId: 'h', db, logger: quietLogger(), apply: (_d, _dev, events) => events.forEach((e) => got.push(e.id)) });
    const news: string[] = [];
    ingest.on('new-store', (d, store) => news.push(`${d}/${store}`));
    expect(ingest.ingest(inc('S1', [3, 4]))).toMatchObject({ applied: 1, duplicates: 1, ack: { upTo: 4, store: 'S1' } });
    expect(news).toEqual([]);
    // A replaced file: a new incarnation starting at 1 is taken whole, not acked as duplicates of S1.
    expect(ingest.ingest(inc('S2', [1, 2, 3], 'n'))).toMatchObject({ applied: 3, duplicates: 0, ack: { upTo: 3, store: 'S2' } });
    expect(news).toEqual(['d1/S2']);
    // S1 restored from a backup writes a different seq 4: the center says where it forked, takes nothing.
    expect(ingest.ingest(inc('S1', [4, 5], 'r'))).toMatchObject({ applied: 0, ack: { upTo: 3, diverged: true, store: 'S1' } });
    // The device goes on as S3 from base 3: its 4 and 5 are taken.
    expect(ingest.ingest(inc('S3', [4, 5], 'r', 3))).toMatchObject({ applied: 2, ack: { upTo: 5, store: 'S3' } });
    expect(got).toEqual(['e4', 'n1', 'n2', 'n3', 'r4', 'r5']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sync_ingest_hwm'").get()).toBeUndefined();
  });
});

describe('pruning committed event ids (sync_ingest_seen)', () => {
  const inc = (seqs: number[], prefix = 'e'): OutboxBatch => ({
    v: 1, hallId: 'h', deviceId: 'd1', store: 'S1', base: 0, events: seqs.map((seq) => ({ seq, id: `${prefix}${seq}`, t: 1, body: { type: 'x', v: 1, seq } })),
  });
  const seenRows = (db: Database.Database) => (db.prepare('SELECT seq FROM sync_ingest_seen ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);

  it('at start and on demand forgets old ids but the mark’s; a re-sent old event is still not doubled, a fork at the mark still seen', async () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'hallkit-prune-')), 'center.db'));
    const got: string[] = [];
    const ingest = new OutboxIngest({ client, hallId: 'h', db, logger: quietLogger(), apply: (_d, _dev, events) => events.forEach((e) => got.push(e.id)) });
    expect(ingest.ingest(inc([1, 2, 3, 4, 5]))).toMatchObject({ applied: 5, ack: { upTo: 5 } });
    // Within the retention nothing goes.
    expect(ingest.pruneSeen()).toBe(0);
    expect(seenRows(db)).toEqual([1, 2, 3, 4, 5]);
    // Nine days on (past the device's 7 days of acked events): all but the mark's id go.
    expect(ingest.pruneSeen(Date.now() + 9 * 86_400_000)).toBe(4);
    expect(seenRows(db)).toEqual([5]);
    // The ack was lost and the device re-sends: duplicates by seq, nothing applied twice.
    expect(ingest.ingest(inc([1, 2, 3, 4, 5, 6]))).toMatchObject({ applied: 1, duplicates: 5, ack: { upTo: 6 } });
    expect(got).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    // A restored file whose seq 6 is another event: the mark's id is still there to tell.
    expect(ingest.ingest(inc([6], 'r'))).toMatchObject({ applied: 0, ack: { upTo: 5, diverged: true } });

    // A center starting with a retention already passed prunes at start.
    await new Promise((r) => setTimeout(r, 5));
    const restarted = new OutboxIngest({ client, hallId: 'h', db, logger: quietLogger(), seenRetentionMs: 0, apply: () => undefined });
    await restarted.start();
    expect(seenRows(db)).toEqual([6]);
    await restarted.stop();
    expect(got).toHaveLength(6);
  });
});

describe('topics and backoff', () => {
  it('parses the topics of the map and nothing foreign', () => {
    expect(parseTopic(topics.device('yt', 'kiosk-1', 'cmd-result'))).toEqual({ scope: 'device', hallId: 'yt', deviceId: 'kiosk-1', channel: 'cmd-result' });
    expect(parseTopic(topics.deviceConfig('yt', 'k', 'window'))).toMatchObject({ channel: 'config', kind: 'window' });
    expect(parseTopic(topics.hallConfig('yt', 'catalog'))).toEqual({ scope: 'hall-config', hallId: 'yt', kind: 'catalog' });
    expect(parseTopic(topics.hall('yt', 'calls'))).toEqual({ scope: 'hall', hallId: 'yt', name: 'calls' });
    for (const bad of ['hallkit/v2/yt/dev/k/outbox', 'hallkit/v1/yt/dev/k/nope', 'hallkit/v1/yt/dev/k/outbox/x', 'other/topic', 'hallkit/v1/y t/hall/calls']) {
      expect(parseTopic(bad)).toBeUndefined();
    }
  });

  it('backs off exponentially with jitter up to the cap, and resets', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 1 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000]);
    b.reset();
    const low = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
    expect(low.next()).toBe(50);
    expect(b.next()).toBe(100);
  });
});
