import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { Mosquitto } from '@hallkit/testkit';
import { readFileSync } from 'node:fs';
import { ACL_FILE, mosquittoConfig } from '../src/index.ts';
import { brokerDir, passwordFile } from './brokerFiles.ts';

/** The shipped ACL against a real Mosquitto: a device can act only on its own topics. */
let broker: Mosquitto;
const clients: MqttClient[] = [];
const users = { center: 'center-secret', 'kiosk-a': 'secret-a', 'kiosk-b': 'secret-b' };

async function connect(username: string, password: string): Promise<MqttClient> {
  const c = await mqtt.connectAsync(broker.url, {
    clientId: username,
    username,
    password,
    reconnectPeriod: 0,
    protocolVersion: 4,
  });
  clients.push(c);
  return c;
}

function collect(c: MqttClient): string[] {
  const got: string[] = [];
  c.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
  return got;
}

const settle = () => new Promise((r) => setTimeout(r, 300));
const root = 'hallkit/v1/yantai';

beforeAll(async () => {
  const dir = brokerDir();
  const pw = passwordFile(dir, users);
  broker = await Mosquitto.start({
    config: (port) => mosquittoConfig({ loopbackPort: port, passwordFile: pw }),
  });
});
afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.stop();
});

describe('shipped Mosquitto ACL', () => {
  it('says the same as the ACL in docs/protocol.md (which packages/sync runs its link under)', () => {
    const rules = (text: string) =>
      text
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim().replace(/\s+/g, ' '))
        .filter((l) => l && !l.startsWith('topic readwrite $share'));
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    const documented = /### ACL[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(rules(readFileSync(ACL_FILE, 'utf8'))).toEqual(rules(documented));
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    await expect(mqtt.connectAsync(broker.url, { reconnectPeriod: 0 })).rejects.toThrow();
    await expect(
      mqtt.connectAsync(broker.url, { username: 'kiosk-a', password: 'wrong', reconnectPeriod: 0 }),
    ).rejects.toThrow();
  });

  it('device A cannot publish as device B; its own outbox reaches the center', async () => {
    const center = await connect('center', users.center);
    const seen = collect(center);
    await center.subscribeAsync(`${root}/dev/+/outbox`, { qos: 1 });
    const a = await connect('kiosk-a', users['kiosk-a']);
    await a.publishAsync(`${root}/dev/kiosk-b/outbox`, 'forged', { qos: 1 });
    await a.publishAsync(`${root}/dev/kiosk-a/outbox`, 'own', { qos: 1 });
    await settle();
    expect(seen).toEqual([`${root}/dev/kiosk-a/outbox own`]);
  });

  it("device A cannot read device B's commands, config or responses; B gets them", async () => {
    const center = await connect('center', users.center);
    const a = await connect('kiosk-a', users['kiosk-a']);
    const b = await connect('kiosk-b', users['kiosk-b']);
    const seenA = collect(a);
    const seenB = collect(b);
    await a.subscribeAsync(
      [`${root}/dev/kiosk-b/cmd`, `${root}/dev/kiosk-b/res`, `${root}/dev/kiosk-b/config/+`, `${root}/#`],
      { qos: 1 },
    );
    await b.subscribeAsync(`${root}/dev/kiosk-b/cmd`, { qos: 1 });
    await center.publishAsync(`${root}/dev/kiosk-b/cmd`, 'reboot', { qos: 1 });
    await center.publishAsync(`${root}/dev/kiosk-b/res`, 'ticket', { qos: 1 });
    await center.publishAsync(`${root}/hall/snapshot`, 'public', { qos: 1 });
    await settle();
    expect(seenB).toEqual([`${root}/dev/kiosk-b/cmd reboot`]);
    // The wildcard subscription is granted, but the broker delivers only what A may read.
    expect(seenA).toEqual([`${root}/hall/snapshot public`]);
  });

  it('a device cannot impersonate the center on hall-wide topics', async () => {
    const a = await connect('kiosk-a', users['kiosk-a']);
    const b = await connect('kiosk-b', users['kiosk-b']);
    const seenB = collect(b);
    await b.subscribeAsync([`${root}/hall/+`, `${root}/config/+`, `${root}/dev/kiosk-b/ack`], { qos: 1 });
    await a.publishAsync(`${root}/hall/calls`, 'fake call', { qos: 1 });
    await a.publishAsync(`${root}/config/catalog`, 'fake config', { qos: 1, retain: true });
    await a.publishAsync(`${root}/dev/kiosk-b/ack`, 'fake ack', { qos: 1 });
    await settle();
    expect(seenB).toEqual([]);
  });
});
