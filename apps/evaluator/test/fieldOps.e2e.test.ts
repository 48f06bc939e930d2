// Issue 9 end to end, on the shipped Mosquitto config (ACL + per-device password file maintained by
// the real center) with the pad's host as a child process and its screen in Chromium:
// first-boot setup with a code (expired and reused codes refused on screen), the pad syncs;
// remote care from the admin API (test-print, collect-logs, lock → 设备维护中, kept across a
// restart-app, unlock), a duplicated command runs once; revoke → the broker drops the pad → 设备已停用.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto, freePort, waitForPort } from '@hallkit/testkit';
import { mosquittoConfig } from '@hallkit/deploy';
import { HttpSession } from './harness/HttpSession.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CENTER_SECRET = 'center-secret-for-test';

class Proc {
  log = '';
  exit: Promise<number | null>;
  constructor(readonly p: ChildProcess) {
    p.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    p.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    this.exit = new Promise((r) => p.once('exit', (code) => r(code)));
  }
  async waitFor(re: RegExp, ms = 30_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = re.exec(this.log);
      if (m) return m;
      if (this.p.exitCode !== null) throw new Error(`exited ${this.p.exitCode}: ${this.log.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`timeout waiting for ${re}: ${this.log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async stop(): Promise<void> {
    if (this.p.exitCode !== null || this.p.signalCode !== null) return;
    this.p.kill('SIGTERM');
    const t = setTimeout(() => this.p.kill('SIGKILL'), 5000);
    await this.exit;
    clearTimeout(t);
  }
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let broker: Mosquitto;
let center: Proc;
let centerUrl: string;
let centerDir: string;
let admin: HttpSession;
let browser: Browser;
let page: Page;
let pad: Proc | undefined;
let passwd = '';
const padDir = mkdtempSync(join(tmpdir(), 'hallkit-pad-setup-'));

function startPad(): Proc {
  const env: NodeJS.ProcessEnv = { ...process.env, HALLKIT_DATA_DIR: padDir, HALLKIT_TEST_FAST_LINK: '1', HALLKIT_TECHNICIAN_PIN: '8642' };
  for (const k of ['HALLKIT_DEVICE_ID', 'HALLKIT_MQTT_URL', 'HALLKIT_HALL_ID', 'HALLKIT_WINDOW_ID', 'HALLKIT_DEVICE_PASSWORD']) delete env[k];
  return new Proc(spawn(process.execPath, ['--import', 'tsx', 'apps/evaluator/src/host/serve.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

async function care(deviceId: string, body: Record<string, unknown>): Promise<{ status: string; result: Record<string, unknown> }> {
  const r = (await admin.post(`/api/admin/devices/${deviceId}/commands`, { v: 1, ...body })) as { command: { id: string } };
  return until(`care ${String(body.name)}`, async () => {
    const list = (await admin.get(`/api/admin/care?deviceId=${deviceId}`)) as { commands: { id: string; status: string; result: Record<string, unknown> }[] };
    const c = list.commands.find((x) => x.id === r.command.id);
    return c && c.status !== 'sent' ? c : undefined;
  }, 20_000);
}

beforeAll(async () => {
  // The shipped hall broker config: no anonymous access, the shipped ACL, a password file the center maintains.
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-broker-'));
  chmodSync(dir, 0o755);
  passwd = join(dir, 'passwd');
  writeFileSync(passwd, '');
  chmodSync(passwd, 0o644);
  await new Promise<void>((res, rej) => spawn('mosquitto_passwd', ['-b', passwd, 'center', CENTER_SECRET]).once('exit', (c) => (c === 0 ? res() : rej(new Error('mosquitto_passwd')))));
  broker = await Mosquitto.start({ config: (port) => mosquittoConfig({ loopbackPort: port, passwordFile: passwd }) });
  const pidFile = join(dir, 'mosquitto.pid');
  writeFileSync(pidFile, String(broker.pid));

  const port = await freePort();
  centerDir = mkdtempSync(join(tmpdir(), 'hallkit-center-ops-'));
  centerUrl = `http://127.0.0.1:${port}`;
  center = new Proc(
    spawn(process.execPath, ['--import', 'tsx', 'apps/center/src/server/demo.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HALLKIT_DATA_DIR: centerDir,
        HALLKIT_CENTER_HTTP: centerUrl,
        HALLKIT_MQTT_URL: broker.url,
        HALLKIT_EMBEDDED_BROKER: '0',
        HALLKIT_MQTT_PASSWORD: CENTER_SECRET,
        HALLKIT_MOSQUITTO_PASSWORD_FILE: passwd,
        HALLKIT_MOSQUITTO_PID_FILE: pidFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  await center.waitFor(/READY-DONE/);
  await waitForPort(port);
  admin = new HttpSession(centerUrl);
  await admin.login('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pad?.stop();
  await center?.stop();
  await broker?.stop();
});

describe('field operations on a rating pad', () => {
  let deviceId = '';
  let goodCode = '';

  it('a fresh pad opens setup; an expired code is refused on screen; a good code gives role and window; it starts and syncs', async () => {
    const good = (await admin.post('/api/admin/devices', { role: 'evaluator', name: '7号窗口评价器', windowId: 'w7' })) as { code: string; device: { deviceId: string } };
    const stale = (await admin.post('/api/admin/devices', { role: 'evaluator', name: '备用评价器', windowId: 'w6' })) as { code: string; device: { deviceId: string } };
    deviceId = good.device.deviceId;
    goodCode = good.code;
    // Age the second code past its expiry in the center's own database (24 h in real life).
    const db = new Database(join(centerDir, 'center.sqlite'));
    db.prepare('UPDATE enrolment_codes SET expires_at = 1 WHERE device_id = ?').run(stale.device.deviceId);
    db.close();

    pad = startPad();
    const url = (await pad.waitFor(/^READY \S+ (\S+)$/m))[1] as string;
    expect(pad.log).toContain('评价器(待设置)');
    await page.goto(url);
    await page.getByTestId('setup-code').waitFor();

    await page.getByTestId('setup-center').fill(centerUrl);
    await page.getByTestId('setup-code').fill(stale.code);
    await page.getByTestId('setup-enrol').click();
    await expect.poll(() => page.getByTestId('setup-error').textContent()).toContain('已过期');

    // A scanned QR carries the center's address and the code together.
    await page.getByTestId('setup-center').fill('');
    await page.getByTestId('setup-code').fill(JSON.stringify({ v: 1, enrol: `${centerUrl}/api/enrol`, code: good.code }));
    await page.getByTestId('setup-enrol').click();
    await page.getByTestId('setup-confirm').waitFor();
    expect(await page.getByTestId('setup-role').textContent()).toBe('评价器');
    expect(await page.getByTestId('setup-window').textContent()).toBe('w7');
    await page.getByTestId('setup-run-checks').click();
    await expect.poll(() => page.locator('[data-check="network"]').getAttribute('class')).toBe('ok');
    await page.getByTestId('setup-save').click();
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });

    const idFile = join(padDir, 'identity.json');
    expect(statSync(idFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(idFile, 'utf8'))).toMatchObject({ v: 1, deviceId, role: 'evaluator', windowId: 'w7', username: deviceId });
    // It syncs: its heartbeat reaches the center's fleet view through Mosquitto.
    await until('heartbeat in fleet', async () => {
      const v = (await admin.get('/api/admin/view')) as { fleet: { deviceId: string; online: boolean; lastHeartbeatAt: number | null }[] };
      const row = v.fleet.find((d) => d.deviceId === deviceId);
      return row?.online && row.lastHeartbeatAt ? row : undefined;
    });
  }, 60_000);

  it('technician mode (5 taps + PIN) reopens setup; the used code is refused with a clear message', async () => {
    for (let i = 0; i < 5; i++) await page.getByTestId('technician-corner').click({ force: true });
    await page.getByTestId('technician-pin').waitFor();
    for (const d of '8642') await page.locator(`.technician-pin [data-key="${d}"]`).click();
    await page.getByTestId('technician-ok').click();
    await page.getByTestId('setup-code').waitFor();
    await page.getByTestId('setup-center').fill(centerUrl);
    await page.getByTestId('setup-code').fill(goodCode);
    await page.getByTestId('setup-enrol').click();
    await expect.poll(() => page.getByTestId('setup-error').textContent()).toContain('已被使用过');
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('[data-screen="idle"]').waitFor();
  }, 30_000);

  it('remote care: test-print reports checks, collect-logs returns masked lines, a duplicated command runs once', async () => {
    const tp = await care(deviceId, { name: 'test-print' });
    expect(tp.status).toBe('done');
    expect(tp.result).toMatchObject({ v: 1, printed: false, checks: expect.arrayContaining([expect.objectContaining({ id: 'network', ok: true })]) });

    const logs = await care(deviceId, { name: 'collect-logs', lines: 50 });
    const lines = logs.result.lines as string[];
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).toContain('role started');

    // The same command id delivered twice (a center retry, a broker redelivery): run once, answered twice.
    const c = await mqtt.connectAsync(broker.url, { username: 'center', password: CENTER_SECRET, clientId: 'center-test-dup', reconnectPeriod: 0 });
    const results: { id: string; duplicate?: boolean }[] = [];
    await c.subscribeAsync(`hallkit/v1/yantai/dev/${deviceId}/cmd-result`, { qos: 1 });
    c.on('message', (_t, p) => results.push(JSON.parse(p.toString()) as { id: string; duplicate?: boolean }));
    const cmd = { v: 1, hallId: 'yantai', deviceId, id: 'dup-reload-1', name: 'reload-config', at: Date.now(), body: { v: 1 } };
    await c.publishAsync(`hallkit/v1/yantai/dev/${deviceId}/cmd`, JSON.stringify(cmd), { qos: 1 });
    await until('first result', () => results.length >= 1 || undefined);
    await c.publishAsync(`hallkit/v1/yantai/dev/${deviceId}/cmd`, JSON.stringify(cmd), { qos: 1 });
    await until('second result', () => results.length >= 2 || undefined);
    await c.endAsync();
    expect(results.map((r) => r.duplicate === true)).toEqual([false, true]);
    const runs = (await care(deviceId, { name: 'collect-logs', lines: 500 })).result.lines as string[];
    expect(runs.filter((l) => l.includes('remote care: reload-config') && l.includes('dup-reload-1'))).toHaveLength(1);
  }, 60_000);

  it('lock shows 设备维护中 over the pad; it survives restart-app; unlock returns the pad', async () => {
    expect((await care(deviceId, { name: 'lock', reason: '更换屏幕' })).status).toBe('done');
    await page.getByTestId('device-locked').waitFor();
    expect(await page.getByTestId('device-locked').textContent()).toBe('设备维护中');
    expect(pad?.log).toContain('remote care: lock');

    const restart = await care(deviceId, { name: 'restart-app' });
    expect(restart.result).toMatchObject({ restartingInMs: 1500 });
    expect(await pad?.exit).toBe(75);
    pad = startPad();
    const url = (await pad.waitFor(/^READY \S+ (\S+)$/m))[1] as string;
    await page.goto(url);
    await page.getByTestId('device-locked').waitFor();

    expect((await care(deviceId, { name: 'unlock' })).status).toBe('done');
    await page.getByTestId('device-locked').waitFor({ state: 'detached' });
    await page.locator('[data-screen="idle"]').waitFor();
    const audit = (await admin.get('/api/admin/view')) as { audit: { action: string; target: string | null }[] };
    expect(audit.audit.filter((a) => a.target === deviceId).map((a) => a.action)).toEqual(expect.arrayContaining(['care-lock', 'care-restart-app', 'care-unlock', 'care-done']));
  }, 60_000);

  it('revoke: the password leaves the broker, the pad is cut off and shows 设备已停用', async () => {
    await admin.post(`/api/admin/devices/${deviceId}/revoke`);
    expect(readFileSync(passwd, 'utf8')).not.toContain(`${deviceId}:`);
    await page.getByTestId('device-revoked').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('device-revoked').textContent()).toBe('设备已停用');
    expect(pad?.log).toMatch(/broker refused this device/);
  }, 40_000);
});
