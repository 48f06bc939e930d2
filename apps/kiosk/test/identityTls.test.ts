// The kiosk trusts its hall's broker through the CA in identity.json (written at enrolment): the
// shell's identity, the kiosk's schema and KioskHost's DeviceLink all keep it. A file from before
// (no CA) still loads.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTlsMosquitto } from '@hallkit/testkit/certificates';
import { createKioskShell } from '../src/host/kioskShell.ts';
import { loadIdentity } from '../src/host/identity.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let hall: Awaited<ReturnType<typeof startTlsMosquitto>>;
beforeAll(async () => {
  hall = await startTlsMosquitto();
}, 60_000);
afterAll(() => hall?.broker.stop());

const identity = (mqttUrl: string, extra: object = {}) => ({ v: 1, hallId: 'yantai', deviceId: 'kiosk-tls', role: 'kiosk', mqttUrl, username: 'kiosk-tls', password: 'x', centerHttp: 'http://127.0.0.1:1', ...extra });

it('connects over mqtts:// with the hall CA from identity.json; an identity without a CA still loads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-tls-'));
  writeFileSync(join(dir, 'identity.json'), JSON.stringify(identity(hall.tlsUrl, { mqttCa: hall.ca.pem })));
  const shell = createKioskShell({ dataDir: dir, env: {}, devices: {}, technicianPin: '1357', logger: quiet, host: { logger: quiet } });
  await shell.start();
  await expect.poll(() => shell.kiosk()?.link.status().connected, { timeout: 10_000 }).toBe(true);
  await shell.stop();

  const old = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-old-'));
  writeFileSync(join(old, 'identity.json'), JSON.stringify(identity('mqtt://127.0.0.1:1883')));
  expect(loadIdentity(old, {}).mqttCa).toBeUndefined();
});
