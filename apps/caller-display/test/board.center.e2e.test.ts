// The headline: a call appears on the board promptly after the window console's "call next" —
// the real center (child process), the real broker, the real board host and renderer in Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, Mosquitto } from '@hallkit/testkit';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import { TICKET_REQUESTS, TicketIssueResponseSchema } from '@hallkit/core';
import { percentile } from '../../../bench/report.ts';
import { CenterProcess } from './support/CenterProcess.ts';
import { BoardHarness } from './support/BoardHarness.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let broker: Mosquitto;
let center: CenterProcess;
let board: BoardHarness;
let browser: Browser;
const kioskDir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-'));

beforeAll(async () => {
  broker = await Mosquitto.start();
  center = await CenterProcess.start(broker.url);
  board = new BoardHarness(broker.url, 'board-1', { voice: { enabled: false } } as never, 'demo-board-1');
  await board.start();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await board?.dispose();
  await center?.stop();
  await broker?.stop();
  rmSync(kioskDir, { recursive: true, force: true });
});

/** Tickets from a kiosk the way a kiosk gets them: a `ticket-issue` request over sync. */
async function issueTickets(n: number): Promise<string[]> {
  const store = DeviceStore.open({ path: join(kioskDir, 'kiosk-1.db'), logger: quiet });
  const link = new DeviceLink({ store, url: broker.url, hallId: 'yantai', deviceId: 'kiosk-1', password: 'demo-kiosk-1', logger: quiet });
  link.start();
  await new Promise<void>((resolve) => link.once('connected', () => resolve()));
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await link.request(TICKET_REQUESTS.issue, { v: 1, categoryId: 'general', source: 'on-site', priority: 'normal' }, { schema: TicketIssueResponseSchema });
    if (!r.ok || !r.body.ok) throw new Error(`ticket not issued: ${JSON.stringify(r)}`);
    numbers.push(r.body.number);
  }
  await link.stop();
  store.close();
  return numbers;
}

describe('call board with the real center', () => {
  it('shows every call, at the right window, promptly after the window console presses 叫号', async () => {
    const numbers = await issueTickets(8);
    const boardPage = await board.open(browser);
    await boardPage.getByTestId('board').waitFor();
    // Record when the latest number changes, on the page's own high-resolution clock.
    await boardPage.evaluate(() => {
      const w = window as unknown as { __shown: Record<string, number> };
      w.__shown = {};
      new MutationObserver(() => {
        const n = document.querySelector('[data-testid="latest-number"]')?.textContent;
        if (n && !(n in w.__shown)) w.__shown[n] = performance.timeOrigin + performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const consolePage = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    await consolePage.goto(`${center.httpUrl}/console/w5`);
    await consolePage.getByLabel('工号').fill('YT0501');
    await consolePage.getByLabel('密码（PIN）').fill('0501');
    await consolePage.getByRole('button', { name: '登录' }).click();
    await consolePage.getByTestId('call-next').waitFor();

    const latencies: number[] = [];
    for (const number of numbers) {
      await expect.poll(() => consolePage.getByTestId('call-next').isEnabled()).toBe(true);
      const clickedAt = await consolePage.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        (document.querySelector('[data-testid="call-next"]') as HTMLButtonElement).click();
        return t;
      });
      const shownAt = await boardPage.waitForFunction((n) => (window as unknown as { __shown: Record<string, number> }).__shown[n], number, { timeout: 5000 });
      latencies.push(((await shownAt.jsonValue()) as number) - clickedAt);
      expect(await boardPage.getByTestId('latest-window').textContent()).toContain('5');
      await expect.poll(() => consolePage.getByTestId('current-number').textContent()).toBe(number);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`window console 叫号 → board shows it: median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms over ${sorted.length} calls (${latencies.map((l) => l.toFixed(0)).join(', ')})`);
    // The 200 ms target is a figure, measured by `npm run bench -- center-load` against a baseline in
    // the same run (docs/performance.md). Here a bare time would fail whenever the 2-core machine is
    // busy with other test files (median 238 ms at load 18), so the test holds the behaviour: every
    // call shows, at the right window, well inside a second even under load.
    expect(percentile(sorted, 50)).toBeLessThan(1000);
    for (const l of latencies) expect(l).toBeLessThan(3000);
    await consolePage.close();
    await boardPage.close();
  }, 90_000);
});
