// DeviceLink ↔ center classes against a real Mosquitto and real SQLite files, on MQTT 3.1.1 and 5.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import mqtt from 'mqtt';
import { Mosquitto } from '@hallkit/testkit';
import {
  CommandSender, ConfigPublisher, DeviceLink, DeviceStore, PresenceTracker, RequestResponder, publishHall, topics,
} from '../src/index.ts';
import { TestCenter, waitUntil } from './support/center.ts';
import { quietLogger } from './support/logger.ts';
import { TcpProxy } from './support/TcpProxy.ts';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await Mosquitto.start();
});
afterAll(async () => {
  await broker.stop();
});

describe.each([4, 5] as const)('DeviceLink on MQTT protocol version %i', (pv) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  async function setup(hallId = `h${pv}${Math.random().toString(36).slice(2, 8)}`) {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-link-'));
    const center = await TestCenter.start(broker.url, dir, hallId, pv);
    cleanups.push(() => center.close());
    const open = (deviceId: string, log = quietLogger(), url = broker.url) => {
      const store = DeviceStore.open({
        path: join(dir, `${deviceId}.db`),
        logger: log,
        migrations: [{ version: 1, name: 'windows', up: 'CREATE TABLE app_window (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' }],
      });
      const link = new DeviceLink({ store, url, hallId, deviceId, protocolVersion: pv, logger: log, heartbeatMs: 300, backoff: { initialMs: 50, maxMs: 300 } });
      cleanups.push(async () => {
        await link.stop();
        store.close();
      });
      return { store, link, log };
    };
    return { dir, center, open, hallId };
  }

  it('delivers events written with app state exactly once, in order, and deletes them only after the ack', async () => {
    const { center, open } = await setup();
    const { store, link } = open('kiosk-1');
    store.transaction((tx) => {
      tx.db.prepare('INSERT INTO app_window (name) VALUES (?)').run('A1');
      tx.append({ type: 'window.opened', v: 1, at: new Date().toISOString(), window: 'A1' });
    });
    expect(() =>
      store.transaction((tx) => {
        tx.append({ type: 'lost', v: 1 });
        throw new Error('app failed after appending');
      }),
    ).toThrow('app failed');
    expect(store.outbox.backlog().events).toBe(1); // the rolled-back event is gone with its transaction
    link.start();
    for (let i = 0; i < 1200; i++) store.append({ type: 'ticket.issued', v: 1, n: i });
    await center.waitFor(() => center.count('kiosk-1') === 1201, 20_000, '1201 events');
    const rows = center.rows('kiosk-1');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(1201);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ type: 'window.opened', window: 'A1' });
    await waitUntil(() => store.outbox.backlog().events === 0, 5000, 'outbox emptied by acks');
    expect(center.ingest.highWaterMark('kiosk-1', store.incarnation.id)).toBe(1201);
    expect(link.status()).toMatchObject({ connected: true, backlog: { events: 0, oldestAgeS: null } });
  });

  it('keeps every row while the broker PUBACKs but no center commits: nobody listening, then the center\'s apply failing', async () => {
    const hallId = `quiet${pv}${Math.random().toString(36).slice(2, 8)}`;
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-puback-'));
    const store = DeviceStore.open({ path: join(dir, 'kiosk-9.db'), logger: quietLogger() });
    const link = new DeviceLink({ store, url: broker.url, hallId, deviceId: 'kiosk-9', protocolVersion: pv, logger: quietLogger(), heartbeatMs: 300, ackTimeoutMs: 300, backoff: { initialMs: 50, maxMs: 300 } });
    // A bystander on the outbox topic: proof that the broker took (and so PUBACKed) the batches.
    const bystander = await mqtt.connectAsync(broker.url, { protocolVersion: pv });
    let published = 0;
    bystander.on('message', () => published++);
    await bystander.subscribeAsync(topics.device(hallId, 'kiosk-9', 'outbox'), { qos: 1 });
    cleanups.push(async () => {
      await link.stop();
      store.close();
      await bystander.endAsync(true);
    });
    for (let i = 0; i < 20; i++) store.append({ type: 'ticket.issued', v: 1, n: i });
    link.start();
    await waitUntil(() => published >= 2, 5000, 'the batch published, and resent after no ack');
    expect(store.outbox.backlog().events).toBe(20);

    let failing = true;
    let attempts = 0;
    const center = await TestCenter.start(broker.url, dir, hallId, pv, () => {
      attempts++;
      if (failing) throw new Error('center database unavailable');
    });
    cleanups.push(() => center.close());
    await waitUntil(() => attempts >= 2, 5000, 'the center tried, and failed, twice');
    expect(store.outbox.backlog().events).toBe(20);
    expect(center.count()).toBe(0);

    failing = false;
    await center.waitFor(() => center.count('kiosk-9') === 20, 10_000, 'all 20 applied once the center recovers');
    await waitUntil(() => store.outbox.backlog().events === 0, 5000, 'rows deleted after the ack');
    expect(center.rows('kiosk-9').map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('stops within seconds when the broker hangs (the hall shutting down), keeping its outbox', async () => {
    const { open } = await setup();
    const { store, link } = open('kiosk-7');
    link.start();
    await waitUntil(() => link.status().connected, 5000, 'online');
    process.kill(broker.pid as number, 'SIGSTOP'); // connected, but nobody answers
    try {
      store.append({ type: 'ticket.issued', v: 1, n: 1 });
      const t0 = Date.now();
      await link.stop();
      expect(Date.now() - t0).toBeLessThan(3500);
      expect(store.outbox.backlog().events).toBe(1);
    } finally {
      process.kill(broker.pid as number, 'SIGCONT');
    }
  });

  it('applies config published while offline on reconnect, keeps it across restarts, ignores a stale version', async () => {
    const { open, center, hallId, dir } = await setup();
    const config = new ConfigPublisher(center.client, hallId);
    const Catalog = z.object({ services: z.array(z.string()) });
    await config.publishHall('catalog', 1, { services: ['社保'] });
    let applied: string[] = [];
    const first = open('pad-1');
    first.link.onConfig('hall', 'catalog', { schema: Catalog, apply: (tx, body) => {
      tx.db.prepare('DELETE FROM app_window').run();
      applied = body.services;
    } });
    first.link.start();
    await waitUntil(() => first.store.config.version('hall', 'catalog') === 1, 5000, 'catalog v1');
    await first.link.stop();
    // offline now: v2 and a per-device window assignment arrive while the device is away
    await config.publishHall('catalog', 2, { services: ['社保', '医保'] });
    await config.publishDevice('pad-1', 'window', 5, { window: 'A07' });
    first.store.close();
    const again = DeviceStore.open({ path: join(dir, 'pad-1.db'), logger: quietLogger(), migrations: [{ version: 1, name: 'windows', up: 'CREATE TABLE app_window (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' }] });
    expect(again.config.get('hall', 'catalog')).toMatchObject({ version: 1, body: { services: ['社保'] } }); // last good survives restart
    const log = quietLogger();
    const link = new DeviceLink({ store: again, url: broker.url, hallId, deviceId: 'pad-1', protocolVersion: pv, logger: log });
    link.onConfig('hall', 'catalog', { schema: Catalog, apply: (_tx, body) => void (applied = body.services) });
    cleanups.push(async () => {
      await link.stop();
      again.close();
    });
    link.start();
    await waitUntil(() => again.config.version('hall', 'catalog') === 2 && again.config.version('device', 'window') === 5, 5000, 'v2 + window');
    expect(applied).toEqual(['社保', '医保']);
    await config.publishHall('catalog', 1, { services: ['stale'] });
    await config.publishHall('catalog', 3, { services: 42 }); // fails the app's schema: last good stays
    await waitUntil(() => link.status().counters['rejected.stale.config'] === 1 && link.status().counters['rejected.apply-failed.config'] === 1, 5000, 'rejections');
    expect(again.config.get('hall', 'catalog')).toMatchObject({ version: 2, body: { services: ['社保', '医保'] } });
    expect(link.status().config).toEqual({ 'hall:catalog': 2, 'device:window': 5 });
    expect(log.lines.some((l) => l.includes('rejected config message') && l.includes('stale'))).toBe(true);
  });

  it('runs a duplicated command once and answers every delivery; requests time out or answer', async () => {
    const { open, center, hallId } = await setup();
    const sender = new CommandSender(center.client, hallId, quietLogger());
    await sender.start();
    cleanups.push(() => sender.stop());
    const responder = new RequestResponder(center.client, hallId, { logger: quietLogger() });
    let numbers = 100;
    responder.handle('ticket-number', z.object({ service: z.string() }), (body) => ({ number: `${body.service}${++numbers}` }));
    await responder.start();
    cleanups.push(() => responder.stop());
    const { link } = open('kiosk-2');
    let prints = 0;
    link.onCommand('print-test', z.object({ copies: z.number() }), (b) => ({ printed: (prints += b.copies) }));
    link.start();
    await waitUntil(() => link.status().connected, 5000, 'online');
    const a = await sender.send('kiosk-2', 'print-test', { copies: 1 }, { id: 'cmd-1', timeoutMs: 5000 });
    const b = await sender.send('kiosk-2', 'print-test', { copies: 1 }, { id: 'cmd-1', timeoutMs: 5000 });
    expect(a).toMatchObject({ status: 'done', result: { ok: true, body: { printed: 1 } } });
    expect(b).toMatchObject({ status: 'done', result: { ok: true, body: { printed: 1 }, duplicate: true } });
    expect(prints).toBe(1);
    expect(link.status().counters['rejected.replay.cmd']).toBe(1);
    const unknown = await sender.send('kiosk-2', 'self-destruct', {}, { timeoutMs: 5000 });
    expect(unknown).toMatchObject({ status: 'done', result: { ok: false, error: 'unknown-command' } });

    const res = await link.request('ticket-number', { service: 'A' }, { timeoutMs: 3000, schema: z.object({ number: z.string() }) });
    expect(res).toEqual({ ok: true, body: { number: 'A101' } });
    const none = await link.request('no-such-thing', {}, { timeoutMs: 3000 });
    expect(none).toMatchObject({ ok: false, reason: 'rejected', error: 'unknown-request' });
    await responder.stop();
    const late = await link.request('ticket-number', { service: 'A' }, { timeoutMs: 300 });
    expect(late).toMatchObject({ ok: false, reason: 'timeout' });
    await link.stop();
    expect(await link.request('ticket-number', { service: 'A' })).toMatchObject({ ok: false, reason: 'offline' });
  });

  it('rejects malformed and foreign messages with a log line and a counter and keeps working', async () => {
    const { open, center, hallId } = await setup();
    const { store, link, log } = open('board-1');
    const calls: unknown[] = [];
    link.subscribeHall('calls', z.object({ ticket: z.string(), window: z.string() }), (b) => calls.push(b));
    link.start();
    await waitUntil(() => link.status().connected, 5000, 'online');
    const c = center.client;
    await c.publishAsync(topics.device(hallId, 'board-1', 'ack'), '{not json', { qos: 1 });
    await c.publishAsync(topics.device(hallId, 'board-1', 'ack'), JSON.stringify({ v: 1, hallId, deviceId: 'board-1', upTo: -3 }), { qos: 1 });
    await c.publishAsync(topics.device(hallId, 'board-1', 'cmd'), JSON.stringify({ v: 1, hallId: 'other-hall', deviceId: 'board-1', id: 'x', name: 'reboot', at: 1, body: {} }), { qos: 1 });
    await c.publishAsync(topics.hallConfig(hallId, 'catalog'), JSON.stringify({ v: 2, hallId, kind: 'catalog', version: 9, at: 1, body: {} }), { qos: 1 });
    await c.publishAsync(topics.hall(hallId, 'calls'), JSON.stringify({ v: 1, hallId, name: 'calls', at: 1, body: { ticket: 7 } }), { qos: 1 });
    // an ack for seqs this database never wrote (another history for this deviceId) must not delete anything
    await c.publishAsync(topics.device(hallId, 'board-1', 'ack'), JSON.stringify({ v: 1, hallId, deviceId: 'board-1', upTo: 999 }), { qos: 1 });
    await publishHall(c, hallId, 'calls', { ticket: 'A012', window: '7' });
    await waitUntil(() => calls.length === 1, 5000, 'good call');
    const counters = link.status().counters;
    expect(counters).toMatchObject({
      'rejected.bad-json.ack': 1, 'rejected.bad-schema.ack': 1, 'rejected.foreign.cmd': 1,
      'rejected.bad-schema.config': 1, 'rejected.bad-schema.hall': 1, 'rejected.foreign.ack': 1,
    });
    expect(log.lines.filter((l) => l.startsWith('warn rejected')).length).toBeGreaterThanOrEqual(5);
    expect(calls).toEqual([{ ticket: 'A012', window: '7' }]);
    // and the outbox still flows
    store.append({ type: 'call.shown', v: 1 });
    await center.waitFor(() => center.count('board-1') === 1, 5000, 'event after garbage');
    // a device publishing garbage to its outbox does not hurt the center either
    await c.publishAsync(topics.device(hallId, 'board-1', 'outbox'), 'garbage', { qos: 1 });
    await c.publishAsync(topics.device(hallId, 'board-9', 'outbox'), JSON.stringify({ v: 1, hallId, deviceId: 'board-1', events: [{ seq: 2, id: 'x', t: 1, body: {} }] }), { qos: 1 });
    store.append({ type: 'call.shown', v: 1 });
    await center.waitFor(() => center.count('board-1') === 2, 5000, 'second event');
    expect(center.ingest.counters.toJSON()).toMatchObject({ 'rejected.bad-json.outbox': 1, 'rejected.foreign.outbox': 1 });
  });

  it('sends telemetry coalesced by key and deletes it once the broker has it', async () => {
    const { open, center, hallId } = await setup();
    const got: { key: string | null; body: unknown }[] = [];
    center.client.on('message', (t, p) => {
      if (t === topics.device(hallId, 'kiosk-t', 'telemetry')) got.push(...(JSON.parse(p.toString()) as { items: { key: string | null; body: unknown }[] }).items);
    });
    await center.client.subscribeAsync(topics.device(hallId, 'kiosk-t', 'telemetry'), { qos: 1 });
    const { store, link } = open('kiosk-t');
    for (let i = 0; i <= 5; i++) link.recordTelemetry({ paperPct: 100 - i }, 'printer.paper'); // offline: coalesced
    link.recordTelemetry({ cpuTemp: 51 });
    expect(store.telemetry.count()).toBe(2);
    link.start();
    await waitUntil(() => got.length === 2 && store.telemetry.count() === 0, 5000, 'telemetry sent');
    expect(got).toEqual([{ key: 'printer.paper', t: expect.any(Number), body: { paperPct: 95 } }, { key: null, t: expect.any(Number), body: { cpuTemp: 51 } }]);
  });

  it('tracks presence: retained online, last will offline on a cut, heartbeat with app health and backlog', async () => {
    const { open, center, hallId } = await setup();
    const tracker = new PresenceTracker(center.client, hallId, quietLogger());
    await tracker.start();
    cleanups.push(() => tracker.stop());
    const proxy = await TcpProxy.start(broker.port);
    cleanups.push(() => proxy.close());
    const dev = open('eval-1', quietLogger(), proxy.url);
    // rebuild the link with health through the proxy
    await dev.link.stop();
    const link = new DeviceLink({
      store: dev.store, url: proxy.url, hallId, deviceId: 'eval-1', protocolVersion: pv, logger: quietLogger(),
      heartbeatMs: 200, backoff: { initialMs: 2000, maxMs: 2000 }, mqtt: { keepalive: 1 }, health: () => ({ paper: 'ok' }),
    });
    cleanups.push(() => link.stop());
    link.start();
    await waitUntil(() => tracker.get('eval-1')?.lastHeartbeat !== undefined, 5000, 'heartbeat');
    expect(tracker.get('eval-1')).toMatchObject({ status: 'online', lastHeartbeat: { app: { paper: 'ok' }, backlog: { events: 0 } } });
    proxy.up = false;
    proxy.cut();
    await waitUntil(() => tracker.get('eval-1')?.status === 'offline', 5000, 'last will');
    proxy.up = true;
    await waitUntil(() => tracker.get('eval-1')?.status === 'online', 8000, 'back online');
    await link.stop();
    await waitUntil(() => tracker.get('eval-1')?.status === 'offline', 5000, 'clean offline');
  });
});
