// Citizens beyond the hall, in Chromium at 375×812 against the real center (SQLite, HTTP, SSE) and
// a real Mosquitto: the public queue page live (no log-in), linked from the ticket page, counts on
// the home page. Screenshots go to docs/screenshots/phone-queue*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import { PHONE } from './support/phone.ts';
import { ConsoleClient, quiet, startCenter, tempDir } from './support/centerHarness.ts';
import { DoorCode } from '../src/mobile/door/DoorCode.ts';
import { DEFAULT_DOOR_QUEUE_POLICY } from '@hallkit/core';
import { lowContrast } from './support/contrast.ts';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = screenshotDir();
const FUND_WINDOW = 'w97';

let mosquitto: Mosquitto;
let center: Center;
let browser: Browser;
let staff: ConsoleClient;
const dir = tempDir('hallkit-citizens-');

beforeAll(async () => {
  const web = join(dir, 'web');
  const build = spawnSync(join(APP_DIR, '../../node_modules/.bin/vite'), ['build', '--config', 'vite.config.ts', '--outDir', web, '--emptyOutDir'], { cwd: APP_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  mkdirSync(SHOTS, { recursive: true });
  mosquitto = await Mosquitto.start();
  center = await startCenter({ dataDir: dir, hallConfig: shippedHall('yantai', { allDay: true }), mqttUrl: mosquitto.url, webDir: web, logger: quiet, modules: [mobileModule({ sms: false })] });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0971', name: '刘静', windowId: FUND_WINDOW }, '0971');
  staff = new ConsoleClient(center.httpUrl);
  await staff.login('staff', { staffNo: 'YT0971', pin: '0971' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await mosquitto?.stop();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}
const onsite = (categoryId = 'fund') => {
  const r = center.ctx.desk.issue({ categoryId, source: 'on-site', priority: 'normal' }, 'kiosk-1');
  if (!r.ok) throw new Error(r.code);
  return r;
};
const atWindow = async (action: string, body: unknown = {}) => {
  const r = await staff.post<{ result: unknown }>(`/api/windows/${FUND_WINDOW}/${action}`, body);
  if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.result;
};

describe('public queue page (/m/queue)', () => {
  it('shows each category waiting and its estimate without log-in, and follows the hall live', async () => {
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/queue`);
    const fund = page.getByTestId('waiting-fund');
    await expect.poll(() => fund.textContent(), { timeout: 15_000 }).toBe('0 人等候');
    onsite();
    onsite();
    // Live: no reload, the stream brings the new count.
    await expect.poll(() => fund.textContent(), { timeout: 10_000 }).toBe('2 人等候');
    // Window 97 is open (its staff logged in): an estimate for a newcomer.
    await expect.poll(() => page.getByTestId('queue-fund').textContent(), { timeout: 10_000 }).toMatch(/新取号约等 \d+ 分钟/);
    await atWindow('call-next');
    await expect.poll(() => fund.textContent(), { timeout: 10_000 }).toBe('1 人等候');
    await expect.poll(() => page.getByTestId('queue-fund').textContent()).toMatch(/刚叫 [A-Z]\d+/);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'phone-queue.png'), fullPage: true });
    // Nothing personal in it.
    const json = await (await fetch(`${center.httpUrl}/api/m/queue`)).text();
    expect(json).not.toMatch(/idNumber|phone|idMasked/);
    await context.close();
  });

  it('is linked from the ticket page and its counts are on the home page', async () => {
    const t = onsite();
    const { context, page } = await phone();
    await page.goto(t.followUrl ?? `${center.httpUrl}/m/`);
    await page.getByTestId('queue-link').click();
    await page.waitForURL(/\/m\/queue$/);
    await page.getByTestId('queue-list').waitFor();
    await page.goto(`${center.httpUrl}/m/`);
    await expect.poll(() => page.getByTestId('home-waiting-fund').textContent(), { timeout: 10_000 }).toMatch(/^\d+ 人等候$/);
    await page.screenshot({ path: join(SHOTS, 'phone-home-queue.png'), fullPage: true });
    await context.close();
  });
});

describe('scan-to-queue at the door (/m/door/{code})', () => {
  const door = () => new DoorCode(center.ctx.secrets.doorCodeKey, center.ctx.hall.state.config.catalog.hall.id);

  it('a fresh door code gives a ticket with nothing but a choice of service (a phone number for reminders optional)', async () => {
    const { code } = door().current(DEFAULT_DOOR_QUEUE_POLICY, Date.now());
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/door/${code}`);
    await page.getByTestId('door-form').waitFor();
    expect(await page.locator('input[name=idNumber]').count()).toBe(0);
    await page.getByTestId('door-cat-fund').click();
    await page.locator('input[name=phone]').fill('13800138000');
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'phone-door.png'), fullPage: true });
    await page.getByTestId('door-take').click();
    await page.waitForURL(/\/m\/t\//);
    await page.getByTestId('ahead').waitFor();
    await context.close();
  });

  it('an expired door code is refused in plain words, and so is a forged one', async () => {
    const old = door().current(DEFAULT_DOOR_QUEUE_POLICY, Date.now() - 20 * 60_000).code;
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/door/${old}`);
    await page.getByTestId('door-refused').waitFor();
    expect(await page.getByTestId('door-refused').textContent()).toContain('二维码已过期：请重新扫描大厅门口屏幕上的二维码。');
    await page.screenshot({ path: join(SHOTS, 'phone-door-expired.png'), fullPage: true });
    const res = await fetch(`${center.httpUrl}/api/m/door/${old}/take`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: 'fund' }) });
    expect(res.status).toBe(410);
    const forged = `${old.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`;
    await page.goto(`${center.httpUrl}/m/door/${forged}`);
    await page.getByTestId('door-refused').waitFor();
    expect(await page.getByTestId('door-refused').textContent()).toContain('二维码无效');
    await context.close();
  });

  it('the door poster needs an admin', async () => {
    expect((await fetch(`${center.httpUrl}/api/m/door/poster`)).status).toBe(401);
  });
});
