// Issue 15 item 4: a device slot named like the center's own broker user cannot be made, enrolled or
// revoked — on an external Mosquitto that would overwrite or delete the center's own password line.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Mosquitto } from '@hallkit/testkit';
import { MosquittoPasswords } from '../src/server/broker/MosquittoPasswords.ts';
import { ConsoleClient, quiet, startCenter, tempDir } from './support/centerHarness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('reserved device ids', () => {
  it('refuses a slot named center (any case) and never touches the center line of the broker file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-reserved-'));
    chmodSync(dir, 0o755);
    const file = join(dir, 'passwd');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    execFileSync('mosquitto_passwd', ['-b', file, 'center', 'center-secret']);
    const broker = await Mosquitto.start({ config: (port) => `listener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${file}\n` });
    cleanups.push(() => broker.stop());
    writeFileSync(join(dir, 'mosquitto.pid'), String(broker.pid));
    const center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url, mqttUsername: 'center', mqttPassword: 'center-secret', mosquittoPasswords: { file, pidFile: join(dir, 'mosquitto.pid') } });
    cleanups.push(() => center.stop());
    center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw-admin' });
    const centerLine = readFileSync(file, 'utf8');
    for (const deviceId of ['center', 'CENTER', 'center-yantai-1']) {
      const r = await admin.post<{ error: string }>('/api/admin/devices', { role: 'kiosk', name: '冒名', deviceId });
      expect(r.status).toBe(400);
    }
    const revoke = await admin.post('/api/admin/devices/center/revoke', {});
    expect(revoke.status).toBeGreaterThanOrEqual(400);
    const direct = new MosquittoPasswords({ file, logger: quiet });
    await expect(direct.grant('center', 'taken-over')).rejects.toThrow(/reserved/);
    await expect(direct.revoke('center')).rejects.toThrow(/reserved/);
    expect(readFileSync(file, 'utf8')).toBe(centerLine);
  }, 60_000);
});
