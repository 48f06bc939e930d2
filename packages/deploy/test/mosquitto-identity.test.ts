import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { Mosquitto } from '@hallkit/testkit';
import { mosquittoConfig } from '../src/index.ts';
import { brokerDir, passwordFile } from './brokerFiles.ts';

/**
 * Issue 15 item 7 against a real Mosquitto with the shipped config and ACL: a device's password logs
 * in only as that device (no taking over another's client id), and only the center's users may join
 * the center's shared subscriptions.
 */
let broker: Mosquitto;
const clients: MqttClient[] = [];
const users = { center: 'center-secret', 'center-2': 'center-2-secret', 'kiosk-1': 'secret-k1', 'board-1': 'secret-b1' };
const root = 'hallkit/v1/yantai';
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function connect(username: keyof typeof users, clientId: string = username): Promise<MqttClient> {
  const c = await mqtt.connectAsync(broker.url, { clientId, username, password: users[username], reconnectPeriod: 0, protocolVersion: 4 });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  const dir = brokerDir();
  broker = await Mosquitto.start({ config: (port) => mosquittoConfig({ loopbackPort: port, passwordFile: passwordFile(dir, users) }) });
});
afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.stop();
});

describe('shipped Mosquitto: client id bound to user name', () => {
  it("kiosk-1's password connecting as client id board-1 does not knock the real board off", async () => {
    const board = await connect('board-1');
    let boardClosed = false;
    board.on('close', () => (boardClosed = true));
    const got: string[] = [];
    board.on('message', (t, p) => got.push(`${t} ${p.toString()}`));
    await board.subscribeAsync(`${root}/dev/board-1/cmd`, { qos: 1 });
    // The attacker: kiosk-1's credential, the board's client id — three times, as the issue saw.
    for (let i = 0; i < 3; i++) {
      const intruder = await connect('kiosk-1', 'board-1');
      await settle(150);
      intruder.end(true);
    }
    await settle();
    expect(boardClosed).toBe(false);
    const center = await connect('center');
    await center.publishAsync(`${root}/dev/board-1/cmd`, 'still here', { qos: 1 });
    await settle();
    expect(got).toEqual([`${root}/dev/board-1/cmd still here`]);
  });

  it("the real board is not kicked by its own client id used with kiosk-1's password under MQTT 5 either", async () => {
    const board = await connect('board-1');
    let boardClosed = false;
    board.on('close', () => (boardClosed = true));
    const intruder = await mqtt.connectAsync(broker.url, { clientId: 'board-1', username: 'kiosk-1', password: users['kiosk-1'], reconnectPeriod: 0, protocolVersion: 5 });
    clients.push(intruder);
    await settle();
    expect(boardClosed).toBe(false);
  });
});

describe('shipped Mosquitto: the centers\' share group', () => {
  // What the center uses: the secret group from its secrets directory (CenterSecrets.shareGroup).
  const group = `hk${randomBytes(16).toString('hex')}`;

  it('a device joining the documented or a guessed share group takes none of the requests; every one reaches the center', async () => {
    const center = await connect('center');
    const centerGot: string[] = [];
    center.on('message', (_t, p) => centerGot.push(p.toString()));
    await center.subscribeAsync(`$share/${group}/${root}/dev/+/req`, { qos: 1 });
    const kiosk = await connect('kiosk-1');
    const kioskGot: string[] = [];
    kiosk.on('message', (_t, p) => kioskGot.push(p.toString()));
    await kiosk.subscribeAsync([`$share/center/${root}/dev/+/req`, `$share/hallkit/${root}/dev/+/req`, `$share/center/${root}/dev/kiosk-1/req`], { qos: 1 });
    const board = await connect('board-1');
    for (let i = 0; i < 20; i++) await board.publishAsync(`${root}/dev/board-1/req`, `r${i}`, { qos: 1 });
    await kiosk.publishAsync(`${root}/dev/kiosk-1/req`, 'own', { qos: 1 });
    await settle();
    expect(kioskGot).toEqual([]);
    expect(centerGot.sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `r${i}`), 'own'].sort());
  });

  it('a second center process (its own user, center-2) shares the work with the first; nothing lost or doubled', async () => {
    const a = await connect('center');
    const b = await connect('center-2');
    const gotA: string[] = [];
    const gotB: string[] = [];
    a.on('message', (_t, p) => gotA.push(p.toString()));
    b.on('message', (_t, p) => gotB.push(p.toString()));
    await a.subscribeAsync(`$share/${group}/${root}/dev/+/outbox`, { qos: 1 });
    await b.subscribeAsync(`$share/${group}/${root}/dev/+/outbox`, { qos: 1 });
    const kiosk = await connect('kiosk-1');
    for (let i = 0; i < 10; i++) await kiosk.publishAsync(`${root}/dev/kiosk-1/outbox`, `b${i}`, { qos: 1 });
    await settle();
    expect([...gotA, ...gotB].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `b${i}`).sort());
    expect(gotA.length).toBeGreaterThan(0);
    expect(gotB.length).toBeGreaterThan(0);
  });
});
