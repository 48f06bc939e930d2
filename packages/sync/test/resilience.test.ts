// Network cuts mid-batch (in-process TCP proxy), a broker stopped and restarted, and a device that was
// cut off for a simulated day draining its backlog: nothing lost, nothing doubled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mosquitto } from '@hallkit/testkit';
import { DeviceLink, DeviceStore } from '../src/index.ts';
import { TestCenter } from './support/center.ts';
import { quietLogger } from './support/logger.ts';
import { TcpProxy } from './support/TcpProxy.ts';

let broker: Mosquitto;
let dir: string;
beforeAll(async () => {
  broker = await Mosquitto.start();
  dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-res-'));
});
afterAll(async () => {
  await broker?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const APP = [{ version: 1, name: 'tickets', up: 'CREATE TABLE ticket (n INTEGER PRIMARY KEY, event_id TEXT NOT NULL)' }];

function expectExactlyOnceInOrder(center: TestCenter, deviceId: string, store: DeviceStore, total: number): void {
  const recorded = (store.db.prepare('SELECT event_id FROM ticket ORDER BY n').all() as { event_id: string }[]).map((r) => r.event_id);
  const rows = center.rows(deviceId);
  expect(recorded.length).toBe(total);
  expect(rows.length).toBe(total);
  expect(rows.map((r) => r.event_id)).toEqual(recorded);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
}

it('survives network cuts mid-batch and a broker restart: nothing lost, nothing doubled', async () => {
  const hallId = 'hall-net';
  const center = await TestCenter.start(broker.url, dir, hallId);
  const proxy = await TcpProxy.start(broker.port);
  const store = DeviceStore.open({ path: join(dir, 'net.db'), logger: quietLogger(), migrations: APP });
  const link = new DeviceLink({
    store, url: proxy.url, hallId, deviceId: 'kiosk-n', logger: quietLogger(),
    batchSize: 50, maxInflightBatches: 8, ackTimeoutMs: 1000, backoff: { initialMs: 50, maxMs: 400 },
  });
  try {
    link.start();
    const total = 6000;
    let written = 0;
    const insert = store.db.prepare('INSERT INTO ticket (n, event_id) VALUES (?, ?)');
    const writer = (async () => {
      while (written < total) {
        for (let i = 0; i < 25 && written < total; i++) {
          written++;
          const n = written;
          store.transaction((tx) => insert.run(n, tx.append({ type: 'ticket.issued', v: 1, n }).id));
        }
        await sleep(2);
      }
    })();
    let midBatchCuts = 0;
    let brokerRestarts = 0;
    const chaos = (async () => {
      while (written < total) {
        await sleep(60);
        if (link.status().inflightBatches > 0) {
          proxy.cut(); // drops the connection with batches published but not yet acked
          midBatchCuts++;
        }
        if ((midBatchCuts >= 3 && brokerRestarts === 0) || (midBatchCuts >= 7 && brokerRestarts === 1)) {
          await broker.stop();
          await sleep(300);
          await broker.resume();
          brokerRestarts++;
        }
      }
    })();
    await Promise.all([writer, chaos]);
    await center.waitFor(() => center.count('kiosk-n') >= total && store.outbox.backlog().events === 0, 60_000, 'drain after chaos');
    await sleep(300); // late duplicates, if any, would land now
    expectExactlyOnceInOrder(center, 'kiosk-n', store, total);
    console.log(`network: ${midBatchCuts} cuts with batches in flight, ${brokerRestarts} broker restarts, ${link.status().connects} connects, ` +
      `${center.ingest.counters.get('duplicates')} duplicate events ignored by the center`);
    expect(midBatchCuts).toBeGreaterThanOrEqual(3);
    expect(brokerRestarts).toBe(2);
  } finally {
    await link.stop();
    store.close();
    await proxy.close();
    await center.close();
  }
}, 90_000);

it('drains a day of backlog (30,000 events written while offline) when it reconnects', async () => {
  const hallId = 'hall-day';
  const total = 30_000;
  const store = DeviceStore.open({ path: join(dir, 'day.db'), logger: quietLogger(), migrations: APP });
  const insert = store.db.prepare('INSERT INTO ticket (n, event_id) VALUES (?, ?)');
  // A day of a busy kiosk while cut off: events committed in small transactions with the app's state.
  for (let n = 1; n <= total; ) {
    store.transaction((tx) => {
      for (let i = 0; i < 50; i++, n++) insert.run(n, tx.append({ type: 'ticket.issued', v: 1, at: new Date().toISOString(), n, service: 'A', number: `A${n}` }).id);
    });
  }
  const before = store.outbox.backlog();
  expect(before.events).toBe(total);
  expect(before.oldestAt).not.toBeNull();
  const center = await TestCenter.start(broker.url, dir, hallId);
  const link = new DeviceLink({ store, url: broker.url, hallId, deviceId: 'kiosk-d', logger: quietLogger() });
  try {
    const t0 = performance.now();
    link.start();
    await center.waitFor(() => store.outbox.backlog().events === 0, 60_000, 'backlog drained');
    const ms = performance.now() - t0;
    expectExactlyOnceInOrder(center, 'kiosk-d', store, total);
    console.log(`offline day: ${total} events (${(before.bytes / 1e6).toFixed(1)} MB of bodies) drained in ${(ms / 1000).toFixed(2)} s = ${Math.round(total / (ms / 1000))} events/s`);
    expect(link.status().backlog).toMatchObject({ events: 0, oldestAgeS: null });
  } finally {
    await link.stop();
    store.close();
    await center.close();
  }
}, 90_000);
