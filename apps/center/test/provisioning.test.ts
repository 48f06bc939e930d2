// Provisioning and the embedded broker's authorizer: a one-time code enrols a device once, codes
// expire, a device can only use its own topics, and a revoked device cannot log in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { maySubscribe, mayPublish } from '../src/server/broker/TopicAcl.ts';
import type { Center } from '../src/server/Center.ts';
import { DeviceRegistry } from '../src/server/provisioning/DeviceRegistry.ts';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { join } from 'node:path';

describe('topic ACL', () => {
  const me = { kind: 'device' as const, deviceId: 'kiosk-1' };
  it('lets a device write only its own d→c channels and read its own c→d and hall-wide topics', () => {
    expect(mayPublish(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-1/outbox')).toBe(true);
    expect(mayPublish(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-2/outbox')).toBe(false);
    expect(mayPublish(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-1/ack')).toBe(false);
    expect(mayPublish(me, 'yantai', 'hallkit/v1/yantai/hall/calls')).toBe(false);
    expect(mayPublish(me, 'other', 'hallkit/v1/other/dev/kiosk-1/outbox')).toBe(true);
    expect(mayPublish(me, 'yantai', 'hallkit/v1/other/dev/kiosk-1/outbox')).toBe(false);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-1/ack')).toBe(true);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-1/config/+')).toBe(true);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/hall/+')).toBe(true);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/dev/+/ack')).toBe(false);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/#')).toBe(false);
    expect(maySubscribe(me, 'yantai', 'hallkit/v1/yantai/dev/kiosk-1/outbox')).toBe(false);
    expect(maySubscribe({ kind: 'center' }, 'yantai', '$share/center/hallkit/v1/yantai/dev/+/outbox')).toBe(true);
  });
});

describe('enrolment codes', () => {
  it('work once, expire, and do not work for a revoked slot', () => {
    const db = openCenterDb(join(tempDir(), 'c.sqlite'));
    const reg = new DeviceRegistry(db, 60_000);
    const t0 = Date.now();
    const a = reg.createSlot({ role: 'kiosk', name: '大厅取号机' }, 'admin', t0);
    expect(a.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const first = reg.enrol(a.code.toLowerCase(), t0 + 1000);
    expect(first.ok).toBe(true);
    expect(reg.enrol(a.code, t0 + 2000)).toEqual({ ok: false, error: 'code-used' });
    const b = reg.createSlot({ role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'admin', t0);
    expect(reg.enrol(b.code, t0 + 61_000)).toEqual({ ok: false, error: 'code-expired' });
    const c = reg.createSlot({ role: 'kiosk', name: 'x' }, 'admin', t0);
    reg.revoke(c.device.deviceId, t0);
    expect(reg.enrol(c.code, t0 + 1000)).toEqual({ ok: false, error: 'device-revoked' });
    expect(reg.enrol('NOPE-NOPE', t0)).toEqual({ ok: false, error: 'unknown-code' });
    if (!first.ok) throw new Error('x');
    expect(reg.authenticate(a.device.deviceId, first.password)?.deviceId).toBe(a.device.deviceId);
    expect(reg.authenticate(a.device.deviceId, 'wrong')).toBeUndefined();
    db.close();
  });
});

describe('the embedded broker', () => {
  let center: Center;
  const dir = tempDir();
  beforeAll(async () => {
    center = await startCenter({ dataDir: dir });
    center.ctx.accounts.upsertAdmin('admin', 'pw');
  });
  afterAll(async () => {
    await center?.stop();
  });

  it('enrols a device by code over HTTP, lets it sync, confines it to its topics and shuts it out once revoked', async () => {
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    const slot = await admin.post<{ code: string; device: { deviceId: string }; qrSvg: string }>('/api/admin/devices', { role: 'kiosk', name: '二楼取号机' });
    expect(slot.status).toBe(200);
    expect(slot.json.qrSvg).toContain('<svg');
    const enrol = (code: string) => fetch(`${center.httpUrl}/api/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: 1, code }) });
    const r = await enrol(slot.json.code);
    expect(r.status).toBe(200);
    const got = (await r.json()) as { identity: { deviceId: string; hallId: string }; mqtt: { url: string; username: string; password: string }; config: { hallVersion: number } };
    expect(got.identity.deviceId).toBe(slot.json.device.deviceId);
    expect(got.config.hallVersion).toBeGreaterThanOrEqual(1);
    expect((await enrol(slot.json.code)).status).toBe(410); // used

    // Wrong password: refused at connect.
    await expect(mqtt.connectAsync(got.mqtt.url, { clientId: got.identity.deviceId, username: got.mqtt.username, password: 'x', reconnectPeriod: 0 })).rejects.toThrow();

    // The real device syncs through the embedded broker.
    const dev = openDevice(dir, got.mqtt.url, got.identity.hallId, got.identity.deviceId, got.mqtt.password);
    dev.link.start();
    await waitUntil('device online at the center', () => center.ctx.fleet.rows().some((f) => f.deviceId === got.identity.deviceId && f.online));

    // A second connection under this identity may not touch another device's topics.
    const spy = await mqtt.connectAsync(got.mqtt.url, { clientId: got.identity.deviceId, username: got.mqtt.username, password: got.mqtt.password, reconnectPeriod: 0 });
    // (the same client id takes over the session; the device link reconnects afterwards)
    await expect(spy.subscribeAsync('hallkit/v1/yantai/dev/+/outbox', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    expect((await spy.subscribeAsync('hallkit/v1/yantai/hall/+', { qos: 1 }))[0]?.qos).toBe(1);
    await spy.endAsync();
    await waitUntil('device back online', () => dev.link.status().connected);

    expect((await admin.post(`/api/admin/devices/${got.identity.deviceId}/revoke`)).status).toBe(200);
    await waitUntil('revoked device offline', () => !dev.link.status().connected, 5000);
    await new Promise((r) => setTimeout(r, 400));
    expect(dev.link.status().connected).toBe(false);
    const audit = center.ctx.audit.recent().map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['device-slot-created', 'enrolled', 'device-revoked']));
    await dev.close();
  }, 30_000);
});
