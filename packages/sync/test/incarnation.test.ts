// Issue 15 item 1: a device store that is replaced, restored from a backup or emptied is never
// silently trusted. Real Mosquitto, real SQLite files, the real OutboxIngest: every event the device
// ever committed reaches the center exactly once, whatever happened to its file in between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mosquitto } from '@hallkit/testkit';
import { DeviceLink, DeviceStore, StoreRefusedError } from '../src/index.ts';
import { TestCenter, waitUntil } from './support/center.ts';
import { quietLogger } from './support/logger.ts';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await Mosquitto.start();
});
afterAll(async () => {
  await broker.stop();
});

async function setup() {
  const hallId = `inc${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-incarnation-'));
  const center = await TestCenter.start(broker.url, dir, hallId);
  const path = join(dir, 'kiosk-1.db');
  const open = () => DeviceStore.open({ path, logger: quietLogger() });
  const online = async (store: DeviceStore) => {
    const link = new DeviceLink({ store, url: broker.url, hallId, deviceId: 'kiosk-1', logger: quietLogger(), heartbeatMs: 300, ackTimeoutMs: 1500, backoff: { initialMs: 50, maxMs: 300 } });
    link.start();
    return link;
  };
  const write = (store: DeviceStore, n: number, tag: string) => {
    for (let i = 0; i < n; i++) store.append({ type: 'TicketIssued', tag, i });
  };
  const tags = () => center.rows('kiosk-1').map((r) => (JSON.parse(r.body) as { tag: string; i: number }));
  const drained = (store: DeviceStore) => store.outbox.backlog().events === 0;
  return { dir, path, center, open, online, write, tags, drained };
}

describe('store incarnations', () => {
  it('a store moved aside and started afresh: every new event reaches the center (none acked as an old duplicate)', async () => {
    const s = await setup();
    let store = s.open();
    s.write(store, 24, 'old');
    let link = await s.online(store);
    await waitUntil(() => s.center.count('kiosk-1') === 24 && s.drained(store), 30_000, 'first history delivered');
    await link.stop();
    store.close();

    // The technician moves the damaged file aside; the kiosk starts a new store and prints 28 tickets offline.
    renameSync(s.path, `${s.path}.damaged`);
    store = s.open();
    s.write(store, 28, 'new');
    link = await s.online(store);
    await waitUntil(() => s.drained(store), 30_000, 'new store drained');
    expect(s.tags().filter((t) => t.tag === 'new').map((t) => t.i)).toEqual([...Array(28).keys()]);
    expect(s.center.count('kiosk-1')).toBe(52);
    await link.stop();
    store.close();
    await s.center.close();
  });

  it('a store restored from a backup: the events it already sent are not doubled, the ones written since are all taken', async () => {
    const s = await setup();
    let store = s.open();
    s.write(store, 10, 'a');
    store.backup(`${s.path}.bak`); // the backup holds 10 unsent events
    let link = await s.online(store);
    await waitUntil(() => s.center.count('kiosk-1') === 10 && s.drained(store), 30_000, 'a delivered');
    s.write(store, 10, 'b');
    await waitUntil(() => s.center.count('kiosk-1') === 20 && s.drained(store), 30_000, 'b delivered');
    await link.stop();
    store.close();

    // The file is lost; the backup comes back, and the kiosk records 15 more before it reconnects.
    renameSync(s.path, `${s.path}.lost`);
    copyFileSync(`${s.path}.bak`, s.path);
    store = s.open();
    s.write(store, 15, 'c');
    link = await s.online(store);
    await waitUntil(() => s.drained(store), 30_000, 'restored store drained');
    // …and it goes on working after the restore: 5 more, delivered too.
    s.write(store, 5, 'd');
    await waitUntil(() => s.drained(store) && s.center.count('kiosk-1') >= 40, 30_000, 'd delivered');
    const got = s.tags();
    const count = (tag: string) => got.filter((t) => t.tag === tag).length;
    expect({ a: count('a'), b: count('b'), c: count('c'), d: count('d') }).toEqual({ a: 10, b: 10, c: 15, d: 5 });
    await link.stop();
    store.close();
    await s.center.close();
  });

  it('a zero-length store file is refused, not taken as a new store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-incarnation-'));
    const path = join(dir, 'kiosk-1.db');
    writeFileSync(path, '');
    expect(() => DeviceStore.open({ path, logger: quietLogger() })).toThrow(StoreRefusedError);
    expect(() => DeviceStore.open({ path, logger: quietLogger() })).toThrow(/zero-length/);
  });
});
