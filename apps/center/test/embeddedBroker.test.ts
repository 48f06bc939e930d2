// Issue 15 item 9, the embedded broker's parts: a ceiling on packet sizes (unauthenticated CONNECTs
// announcing 128 MB made it buffer them all, never freed), MQTT 5 refused plainly as docs/protocol.md
// says, and every refusal (bad password, ACL denial, oversized packet) in the admin's audit.
import { connect as tcp, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

let center: Center;
let admin: ConsoleClient;
const hallId = () => center.hall.config.catalog.hall.id;
beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.upsertAdmin('boss', 'Boss-password-1');
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '取号机1' }, 'pw-kiosk-1');
  admin = new ConsoleClient(center.httpUrl);
  await admin.login('admin', { username: 'boss', password: 'Boss-password-1' });
});
afterAll(async () => center?.stop());

type AuditRow = { actor: string; action: string; target: string | null; detail: string | null };
const audit = async () => (await admin.get<{ audit: AuditRow[] }>('/api/admin/view')).json.audit.filter((a) => a.actor === 'broker');

/** MQTT remaining length (variable-length integer). */
function remainingLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/** Announces a CONNECT of `announced` bytes, then sends up to `send` bytes of it; how much got out before the broker hung up. */
function oversizedConnect(port: number, announced: number, send: number): Promise<{ sent: number; closedByBroker: boolean }> {
  return new Promise((resolve) => {
    const s: Socket = tcp(port, '127.0.0.1');
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024);
    s.on('error', () => undefined);
    s.on('close', () => {
      closed = true;
      resolve({ sent, closedByBroker: sent < send });
    });
    s.on('connect', () => {
      s.write(Buffer.concat([Buffer.from([0x10]), remainingLength(announced)]));
      const pump = () => {
        while (!closed && sent < send) {
          sent += chunk.length;
          if (!s.write(chunk)) return void s.once('drain', pump);
        }
        if (!closed) setTimeout(() => (s.destroy(), resolve({ sent, closedByBroker: false })), 500);
      };
      pump();
    });
  });
}

describe('embedded broker', () => {
  it('three unauthenticated 128 MB CONNECTs are cut off at the header; memory does not grow with them', async () => {
    const port = Number(new URL(center.mqttUrl).port);
    global.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    const results = await Promise.all([0, 1, 2].map(() => oversizedConnect(port, 128 * 1024 * 1024, 24 * 1024 * 1024)));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(results.map((r) => r.closedByBroker)).toEqual([true, true, true]);
    // 3 × 24 MB were offered; the broker kept (far) less than one of them.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
    await waitUntil('refusal audited', async () => (await audit()).some((a) => a.action === 'broker.refused.packet-too-large'));
    const row = (await audit()).find((a) => a.action === 'broker.refused.packet-too-large');
    expect(row?.detail).toMatch(/134217728 bytes announced, limit 65536/);
  });

  it('normal traffic still flows (a kiosk logs in and publishes)', async () => {
    const c = await mqtt.connectAsync(center.mqttUrl, { clientId: 'kiosk-1', username: 'kiosk-1', password: 'pw-kiosk-1', reconnectPeriod: 0, protocolVersion: 4 });
    await c.publishAsync(`hallkit/v1/${hallId()}/dev/kiosk-1/heartbeat`, Buffer.alloc(200 * 1024, 0x20), { qos: 1 });
    expect(c.connected).toBe(true);
    await c.endAsync();
  });

  it('a wrong password, a publish and a subscription outside the device ACL land in the admin audit', async () => {
    await expect(mqtt.connectAsync(center.mqttUrl, { clientId: 'kiosk-1', username: 'kiosk-1', password: 'guess', reconnectPeriod: 0, protocolVersion: 4 })).rejects.toThrow();
    const c = await mqtt.connectAsync(center.mqttUrl, { clientId: 'kiosk-1', username: 'kiosk-1', password: 'pw-kiosk-1', reconnectPeriod: 0, protocolVersion: 4 });
    await c.subscribeAsync(`hallkit/v1/${hallId()}/dev/board-1/cmd`, { qos: 1 }).catch(() => undefined);
    c.publish(`hallkit/v1/${hallId()}/config/catalog`, 'forged', { qos: 0 });
    await waitUntil('all three audited', async () => {
      const actions = (await audit()).map((a) => a.action);
      return ['broker.refused.login', 'broker.refused.subscribe', 'broker.refused.publish'].every((x) => actions.includes(x));
    });
    const rows = await audit();
    expect(rows.find((a) => a.action === 'broker.refused.login')?.target).toBe('kiosk-1');
    expect(rows.find((a) => a.action === 'broker.refused.subscribe')?.detail).toContain('/dev/board-1/cmd');
    c.end(true);
  });

  it('a client retrying a wrong password every moment makes one audit row a minute, with the count folded in', async () => {
    const n0 = (await audit()).filter((a) => a.action === 'broker.refused.login' && a.target === 'flood').length;
    for (let i = 0; i < 15; i++) await mqtt.connectAsync(center.mqttUrl, { username: 'flood', password: 'x', reconnectPeriod: 0, protocolVersion: 4 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect((await audit()).filter((a) => a.action === 'broker.refused.login' && a.target === 'flood').length - n0).toBe(1);
  });

  it('MQTT 5 is refused with "unacceptable protocol version" (as docs/protocol.md says) and audited', async () => {
    await expect(mqtt.connectAsync(center.mqttUrl, { clientId: 'kiosk-1', username: 'kiosk-1', password: 'pw-kiosk-1', reconnectPeriod: 0, protocolVersion: 5 })).rejects.toThrow();
    await waitUntil('protocol refusal audited', async () => (await audit()).some((a) => a.action === 'broker.refused.protocol-version'));
    const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    expect(doc).toMatch(/embedded broker \(aedes[^)]*\) speaks MQTT 3\.1\.1 only/);
  });
});
