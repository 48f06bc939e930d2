// The hall CA from the center to the device: HALLKIT_DEVICE_MQTT_CA_FILE is read at start, the
// enrolment answer carries it, the device's setup saves it in identity.json, and the device's link
// reaches the hall's Mosquitto over mqtts:// with it (the center on the plain loopback listener,
// devices on the TLS one, as in docs/operations.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { certificateDir, startTlsMosquitto, testCa, type TestCa } from '@hallkit/testkit/certificates';
import { BridgeHost, defineContract, DeviceShell, linkTls, readIdentityFile, SETUP_EVENTS, SETUP_METHODS, type DeviceIdentity } from '@hallkit/host';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import type { Center } from '../src/server/Center.ts';
import { centerSettings } from '../src/server/CenterSettings.ts';
import { ConsoleClient, quiet, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

let hallCa: TestCa;
let certDir: string;

beforeAll(() => {
  certDir = certificateDir();
  hallCa = testCa(certDir, 'hall');
});

describe('HALLKIT_DEVICE_MQTT_CA_FILE', () => {
  it('is read at start: certificates only, a key or a non-certificate stops the center', () => {
    const env = { HALLKIT_DEVICE_MQTT_CA_FILE: hallCa.ca, HALLKIT_DEVICE_MQTT_URL: 'mqtts://10.0.0.2:8883' };
    const o = centerSettings(env, []);
    expect(o.deviceMqttUrl).toBe('mqtts://10.0.0.2:8883');
    expect(o.deviceMqttCa?.trim()).toBe(hallCa.pem.trim());
    expect(centerSettings({}, []).deviceMqttCa).toBeUndefined();

    const withKey = join(certDir, 'ca-and-key.pem');
    writeFileSync(withKey, hallCa.pem + readFileSync(hallCa.key, 'utf8'));
    expect(() => centerSettings({ HALLKIT_DEVICE_MQTT_CA_FILE: withKey }, [])).toThrow(/holds a private key/);
    const junk = join(certDir, 'junk.pem');
    writeFileSync(junk, 'not a certificate\n');
    expect(() => centerSettings({ HALLKIT_DEVICE_MQTT_CA_FILE: junk }, [])).toThrow(/no PEM certificate/);
    expect(() => centerSettings({ HALLKIT_DEVICE_MQTT_CA_FILE: join(certDir, 'missing.crt') }, [])).toThrow(/cannot read it/);
  });
});

describe('enrolment with a hall CA', () => {
  let hall: Awaited<ReturnType<typeof startTlsMosquitto>>;
  let center: Center;
  const dir = tempDir();

  beforeAll(async () => {
    hall = await startTlsMosquitto();
    const settings = centerSettings({ HALLKIT_DEVICE_MQTT_CA_FILE: hall.ca.ca, HALLKIT_DEVICE_MQTT_URL: hall.tlsUrl }, []);
    center = await startCenter({ dataDir: dir, mqttUrl: hall.broker.url, deviceMqttUrl: settings.deviceMqttUrl, deviceMqttCa: settings.deviceMqttCa });
    center.ctx.accounts.upsertAdmin('admin', 'pw');
  }, 60_000);
  afterAll(async () => {
    await center?.stop();
    await hall?.broker.stop();
  });

  it('gives the CA to the device, which keeps it in identity.json and connects over mqtts:// with it', async () => {
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    const slot = await admin.post<{ code: string; device: { deviceId: string } }>('/api/admin/devices', { role: 'kiosk', name: '一楼取号机' });
    expect(slot.status).toBe(200);

    // The device side as the apps run it: DeviceShell's setup enrols and saves, then starts the role
    // with the saved identity; the role builds its DeviceLink from it as the apps' hosts do.
    const deviceDir = tempDir('hallkit-device-');
    const role = defineContract({ name: 'role', version: 1, methods: { ping: { input: z.object({}), output: z.object({ ok: z.boolean() }) } }, events: {} });
    const app = defineContract({ name: 'app', version: 1, methods: { ...role.methods, ...SETUP_METHODS }, events: { ...SETUP_EVENTS } });
    const started: { identity: DeviceIdentity; link: DeviceLink; store: DeviceStore }[] = [];
    const shell = new DeviceShell({
      contract: app,
      dataDir: deviceDir,
      roles: ['kiosk'],
      citizenMethods: [],
      technicianPin: () => '1357',
      logger: quiet,
      loadIdentity: () => readIdentityFile(deviceDir),
      checks: () => [],
      startRole: (identity) => {
        const store = DeviceStore.open({ path: join(deviceDir, 'device.db'), logger: quiet });
        const link = new DeviceLink({ store, url: identity.mqttUrl, hallId: identity.hallId, deviceId: identity.deviceId, username: identity.username, password: identity.password, ...linkTls(identity), logger: quiet, backoff: { initialMs: 50, maxMs: 300 } });
        link.start();
        started.push({ identity, link, store });
        return {
          bridge: new BridgeHost(role, { ping: () => ({ ok: true }) }, () => undefined),
          link,
          care: { testPrint: () => ({ printed: false, checks: [] }), reloadConfig: () => [] },
          stop: async () => {
            await link.stop();
            store.close();
          },
        };
      },
    });
    await shell.start();
    expect(await shell.bridge.call('setupEnrol', { centerUrl: center.httpUrl, code: slot.json.code })).toMatchObject({ value: { ok: true } });
    expect(await shell.bridge.call('setupSave', {})).toMatchObject({ value: { ok: true, state: { phase: 'running' } } });

    const saved = readIdentityFile(deviceDir);
    expect(saved).toMatchObject({ deviceId: slot.json.device.deviceId, mqttUrl: hall.tlsUrl });
    expect(saved?.mqttCa?.trim()).toBe(hall.ca.pem.trim());
    expect(started[0]?.identity.mqttCa).toBe(saved?.mqttCa);

    const link = started[0]!.link;
    await waitUntil('device online at the center over TLS', () => center.ctx.fleet.rows().some((f) => f.deviceId === slot.json.device.deviceId && f.online));
    expect(link.status()).toMatchObject({ connected: true, lastError: null });
    await shell.stop();
  }, 30_000);
});
