// DeviceLink over mqtts:// with the hall's own CA, against a real Mosquitto with TLS listeners and a
// CA made here: the right CA carries events and acks; a wrong or missing CA never connects, says
// why in status() and the log, and keeps the outbox for when the CA is fixed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mosquitto, freePort } from '@hallkit/testkit';
import { certificateDir, serverCertificate, testCa, tlsListener, type TestCa } from '@hallkit/testkit/certificates';
import { DeviceLink, DeviceStore, type DeviceLinkOptions } from '../src/index.ts';
import { TestCenter, waitUntil } from './support/center.ts';
import { quietLogger } from './support/logger.ts';

let broker: Mosquitto;
let hallCa: TestCa;
let strangerCa: TestCa;
let tlsPort: number;
let namedPort: number;

beforeAll(async () => {
  const dir = certificateDir();
  hallCa = testCa(dir, 'hall');
  strangerCa = testCa(dir, 'stranger');
  const byAddress = serverCertificate(dir, hallCa, 'broker-ip');
  // A certificate that names the broker only by host name: the device reaches it by address.
  const byName = serverCertificate(dir, hallCa, 'broker-name', 'DNS:broker.hall.test');
  tlsPort = await freePort();
  namedPort = await freePort();
  broker = await Mosquitto.start({
    config: (port) =>
      [
        'per_listener_settings false',
        'allow_anonymous true',
        'persistence false',
        'set_tcp_nodelay true',
        // The center on a plain loopback listener, as in docs/operations.md; devices over TLS.
        `listener ${port} 127.0.0.1`,
        ...tlsListener(tlsPort, hallCa, byAddress),
        ...tlsListener(namedPort, hallCa, byName),
      ].join('\n') + '\n',
  });
}, 60_000);
afterAll(async () => {
  await broker?.stop();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

async function setup() {
  const hallId = `tls${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-tls-'));
  const center = await TestCenter.start(broker.url, dir, hallId);
  cleanups.push(() => center.close());
  const store = DeviceStore.open({ path: join(dir, 'kiosk-1.db'), logger: quietLogger() });
  cleanups.push(() => store.close());
  const link = (o: Partial<DeviceLinkOptions> & { url: string }) => {
    const log = quietLogger();
    const l = new DeviceLink({ store, hallId, deviceId: 'kiosk-1', logger: log, heartbeatMs: 300, ackTimeoutMs: 2000, backoff: { initialMs: 50, maxMs: 300 }, ...o });
    cleanups.push(() => l.stop());
    return { link: l, log };
  };
  return { center, store, link };
}

const tlsUrl = () => `mqtts://127.0.0.1:${tlsPort}`;

describe('DeviceLink over TLS with the hall CA', () => {
  it('delivers events to the center over mqtts:// with the right CA and gets the ack', async () => {
    const { center, store, link } = await setup();
    for (let i = 0; i < 20; i++) store.append({ type: 'ticket.issued', v: 1, n: i });
    const { link: l } = link({ url: tlsUrl(), tls: { ca: hallCa.pem } });
    l.start();
    await center.waitFor(() => center.count('kiosk-1') === 20, 10_000, '20 events over TLS');
    await waitUntil(() => store.outbox.backlog().events === 0, 5000, 'outbox emptied by the ack');
    expect(center.rows('kiosk-1').map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(l.status()).toMatchObject({ state: 'online', connected: true, lastError: null });
  });

  it('does not connect with a wrong CA, says so in status and log, and keeps the outbox for the right CA', async () => {
    const { center, store, link } = await setup();
    for (let i = 0; i < 5; i++) store.append({ type: 'ticket.issued', v: 1, n: i });
    // Verification cannot be turned off from the extra mqtt.js options either.
    const { link: wrong, log } = link({ url: tlsUrl(), tls: { ca: strangerCa.pem }, mqtt: { rejectUnauthorized: false } });
    wrong.start();
    await waitUntil(() => (wrong.status().counters['errors.tls.connect'] ?? 0) >= 2, 10_000, 'two refused TLS attempts');
    const s = wrong.status();
    expect(s).toMatchObject({ state: 'waiting', connected: false, connects: 0, lastError: { kind: 'tls' } });
    expect(s.lastError?.message).toMatch(/^TLS: the broker's certificate is not signed by the hall CA this device was given \[[A-Z_]+: /);
    // One warning for the reason, not one per retry.
    expect(log.lines.filter((l) => l.startsWith('warn cannot reach the broker over TLS'))).toHaveLength(1);
    expect(center.count('kiosk-1')).toBe(0);
    expect(store.outbox.backlog().events).toBe(5);
    await wrong.stop();

    const { link: right } = link({ url: tlsUrl(), tls: { ca: hallCa.pem } });
    right.start();
    await center.waitFor(() => center.count('kiosk-1') === 5, 10_000, 'the kept events once the CA is right');
    await waitUntil(() => store.outbox.backlog().events === 0, 5000, 'outbox emptied by the ack');
  });

  it('does not trust the hall broker without the hall CA (the system roots do not know it)', async () => {
    const { store, link } = await setup();
    store.append({ type: 'ticket.issued', v: 1 });
    const { link: l } = link({ url: tlsUrl() });
    l.start();
    await waitUntil(() => l.status().lastError?.kind === 'tls', 10_000, 'a TLS error');
    expect(l.status().lastError?.message).toMatch(/this device has no hall CA/);
    expect(l.status().connects).toBe(0);
    expect(store.outbox.backlog().events).toBe(1);
  });

  it('checks a certificate that names the broker by host name against the given servername', async () => {
    const { center, store, link } = await setup();
    store.append({ type: 'ticket.issued', v: 1 });
    const url = `mqtts://127.0.0.1:${namedPort}`;
    const { link: noName } = link({ url, tls: { ca: hallCa.pem } });
    noName.start();
    await waitUntil(() => noName.status().lastError?.kind === 'tls', 10_000, 'a TLS error');
    expect(noName.status().lastError?.message).toMatch(/does not name the address.*ERR_TLS_CERT_ALTNAME_INVALID/);
    await noName.stop();
    const { link: named } = link({ url, tls: { ca: hallCa.pem, servername: 'broker.hall.test' } });
    named.start();
    await center.waitFor(() => center.count('kiosk-1') === 1, 10_000, 'the event over TLS by name');
  });
});
