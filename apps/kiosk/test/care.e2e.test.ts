// Remote care of a kiosk (issue 9), all real: Mosquitto, the center (child process), the printer
// simulator on TCP, the kiosk inside its DeviceShell, Chromium on its screen. The admin API sends
// test-print → the kiosk prints a test slip on the printer → the result (printed, checks) is in the
// admin API; lock → the screen shows 设备维护中 and the host refuses a ticket; unlock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort, launchChromium, Mosquitto } from '@hallkit/testkit';
import { PrinterSimulator } from '@hallkit/devices';
import { LoopbackServer } from '@hallkit/host';
import { createKioskShell, type KioskShell } from '../src/host/kioskShell.ts';
import { RENDERER_DIR } from '../src/host/serve.ts';
import { RecordingVoice } from '../src/host/voice/Voice.ts';
import { i18n } from '../src/renderer/i18n/i18n.ts';
import { CenterProcess } from './support/CenterProcess.ts';
import { ensureRendererBuilt } from './support/KioskRig.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-care-'));
let mosquitto: Mosquitto;
let center: CenterProcess;
let printer: PrinterSimulator;
let shell: KioskShell;
let server: LoopbackServer<KioskShell['bridge']['contract']>;
let browser: Browser;
let page: Page;
let cookie = '';
/** What the kiosk was asked to say (语音导航). */
const voice = new RecordingVoice();

async function admin(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(center.httpUrl + path, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json', cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (path === '/api/login/admin') cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function care(name: string): Promise<{ status: string; result: Record<string, unknown> }> {
  const sent = (await admin('/api/admin/devices/kiosk-1/commands', { v: 1, name })) as { command: { id: string } };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = (await admin('/api/admin/care?deviceId=kiosk-1')) as { commands: { id: string; status: string; result: Record<string, unknown> }[] };
    const c = list.commands.find((x) => x.id === sent.command.id);
    if (c && c.status !== 'sent') return c;
    if (Date.now() > deadline) throw new Error(`no answer to ${name}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ensureRendererBuilt();
  mosquitto = await Mosquitto.start();
  center = new CenterProcess(mosquitto.url, await freePort(), join(dir, 'center'));
  [printer] = await Promise.all([PrinterSimulator.start({ tcp: { port: 0 } }), center.start()]);
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  shell = createKioskShell({
    dataDir: join(dir, 'kiosk'),
    env: { HALLKIT_HALL_ID: 'yantai', HALLKIT_DEVICE_ID: 'kiosk-1', HALLKIT_MQTT_URL: mosquitto.url, HALLKIT_CENTER_HTTP: center.httpUrl },
    devices: { printer: `tcp:127.0.0.1:${printer.tcpPort}` },
    technicianPin: '135790',
    host: { voice },
    logger: quiet,
  });
  await shell.start();
  server = new LoopbackServer(shell.bridge, { port: 0, staticDir: RENDERER_DIR });
  await server.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(server.url);
  await admin('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await shell?.stop();
  await printer?.stop();
  await center?.stop();
  await mosquitto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk remote care', () => {
  it('test-print from the admin API prints a test slip on the printer and reports the checks', async () => {
    const before = printer.receipts.length;
    const r = await care('test-print');
    expect(r.status).toBe('done');
    expect(r.result).toMatchObject({ v: 1, printed: true, checks: expect.arrayContaining([expect.objectContaining({ id: 'printer', ok: true })]) });
    expect(printer.receipts.length).toBe(before + 1);
    expect(printer.receiptText()).toContain('打印机自检');
  }, 40_000);

  it('the admin device list says what is wrong with the printer at once (cover open, out of paper), and when it is fixed', async () => {
    const problems = async () => {
      const view = (await admin('/api/admin/view')) as { fleet: { deviceId: string; errors?: string[] }[] };
      return view.fleet.find((d) => d.deviceId === 'kiosk-1')?.errors ?? null;
    };
    await expect.poll(problems, { timeout: 15_000 }).toEqual([]);
    printer.setCover('open');
    await expect.poll(problems, { timeout: 10_000 }).toEqual(['打印机仓盖打开']);
    printer.setCover('closed');
    printer.setPaper('empty');
    await expect.poll(problems, { timeout: 10_000 }).toEqual(['打印机缺纸']);
    printer.setPaper('ok');
    await expect.poll(problems, { timeout: 10_000 }).toEqual([]);
  }, 60_000);

  it('lock shows 设备维护中 and the host refuses a ticket until unlock', async () => {
    expect((await care('lock')).status).toBe('done');
    await page.getByTestId('device-locked').waitFor();
    expect(await page.getByTestId('device-locked').textContent()).toBe('设备维护中');
    const refused = await shell.bridge.call('takeTicket', { categoryId: 'x', language: 'zh-CN' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'device-locked' } });
    expect((await care('unlock')).status).toBe('done');
    await page.getByTestId('device-locked').waitFor({ state: 'detached' });
  }, 40_000);

  it('with 语音导航 on, 设备维护中 is said in the citizen\'s language (issue 16: the screens of issue 9 speak too)', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-screen=home]');
    await page.click('[data-lang=zh-TW]');
    await page.click('[data-testid=voice-toggle]');
    const from = voice.said.length;
    expect((await care('lock')).status).toBe('done');
    await page.getByTestId('device-locked').waitFor();
    const expected = i18n.getFixedT('zh-TW')('say.locked');
    await expect.poll(() => voice.said.slice(from).map((u) => `${u.language}: ${u.text}`), { timeout: 10_000 }).toContain(`zh-TW: ${expected}`);
    expect((await care('unlock')).status).toBe('done');
    await page.getByTestId('device-locked').waitFor({ state: 'detached' });
  }, 40_000);

  it('the technician screen re-opens device setup (the PIN that unlocked it is asked again by the host)', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-screen=home]');
    for (let i = 0; i < 5; i++) await page.click('[data-testid=tech-corner]');
    await page.waitForSelector('[data-screen=technician]');
    for (const d of '135790') await page.click(`.hk-keyboard [data-key="${d}"]`);
    await page.click('.hk-keyboard [data-key="enter"]');
    await page.waitForSelector('[data-testid=tech-status]');
    await page.click('[data-testid=tech-setup]');
    await page.waitForSelector('[data-screen=setup]');
    await page.getByTestId('setup-code').waitFor();
  }, 40_000);
});
