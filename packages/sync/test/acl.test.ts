// The ACL written in docs/protocol.md, loaded into a real Mosquitto: a device works with it, and
// cannot publish into another device's outbox nor read another device's commands.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { Mosquitto } from '@hallkit/testkit';
import { DeviceLink, DeviceStore, OutboxIngest, topics } from '../src/index.ts';
import Database from 'better-sqlite3';
import { quietLogger } from './support/logger.ts';
import { waitUntil } from './support/center.ts';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
const acl = /### ACL[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1];

let broker: Mosquitto;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-acl-'));
  writeFileSync(join(dir, 'acl'), acl ?? '', { mode: 0o644 });
  chmodSync(dir, 0o755); // mosquitto started as root reads the ACL after dropping to its own user
  broker = await Mosquitto.start({ extraConfig: `acl_file ${join(dir, 'acl')}` });
});
afterAll(async () => {
  await broker?.stop();
});

it('lets a device use its own topics only, with the ACL from docs/protocol.md', async () => {
  expect(acl).toContain('pattern write hallkit/v1/+/dev/%u/outbox');
  const hallId = 'hall-acl';
  const center = await mqtt.connectAsync(broker.url, { username: 'center', clientId: 'center-1' });
  const db = new Database(join(dir, 'center.db'));
  db.exec('CREATE TABLE got (device TEXT, seq INTEGER, body TEXT)');
  const ingest = new OutboxIngest({
    client: center, hallId, db, logger: quietLogger(),
    apply: (d, deviceId, evs) => evs.forEach((e) => d.prepare('INSERT INTO got VALUES (?, ?, ?)').run(deviceId, e.seq, JSON.stringify(e.body))),
  });
  await ingest.start();
  const store = DeviceStore.open({ path: join(dir, 'kiosk-a.db'), logger: quietLogger() });
  const link = new DeviceLink({ store, url: broker.url, hallId, deviceId: 'kiosk-a', logger: quietLogger() });
  const rogue = await mqtt.connectAsync(broker.url, { username: 'kiosk-b', clientId: 'kiosk-b' });
  try {
    link.start();
    store.append({ type: 'ticket.issued', v: 1 });
    await waitUntil(() => store.outbox.backlog().events === 0, 5000, 'acked through the ACL');
    // kiosk-b tries to inject into kiosk-a's stream and to read kiosk-a's commands
    const stolen: string[] = [];
    rogue.on('message', (t) => stolen.push(t));
    await rogue.subscribeAsync(topics.device(hallId, 'kiosk-a', 'cmd'), { qos: 1 });
    await rogue.publishAsync(
      topics.device(hallId, 'kiosk-a', 'outbox'),
      JSON.stringify({ v: 1, hallId, deviceId: 'kiosk-a', events: [{ seq: 2, id: 'fake', t: 1, body: { type: 'forged', v: 1 } }] }),
      { qos: 1 },
    );
    await center.publishAsync(topics.device(hallId, 'kiosk-a', 'cmd'), JSON.stringify({ v: 1, hallId, deviceId: 'kiosk-a', id: 'c1', name: 'noop', at: 1, body: {} }), { qos: 1 });
    store.append({ type: 'ticket.issued', v: 1, n: 2 });
    await waitUntil(() => (db.prepare('SELECT count(*) AS n FROM got').get() as { n: number }).n === 2, 5000, 'second real event');
    await new Promise((r) => setTimeout(r, 200));
    expect(db.prepare('SELECT body FROM got ORDER BY seq').all().map((r) => JSON.parse((r as { body: string }).body))).toEqual([
      { type: 'ticket.issued', v: 1 },
      { type: 'ticket.issued', v: 1, n: 2 },
    ]);
    expect(stolen).toEqual([]);
  } finally {
    await link.stop();
    store.close();
    await rogue.endAsync();
    await ingest.stop();
    await center.endAsync();
    db.close();
  }
});
