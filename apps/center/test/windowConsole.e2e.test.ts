// The complete window console in Chromium against the real center (with its embedded broker): hold and
// call back with a choice, call by number, a refused transfer said in the staff's words, pause with a
// reason in an in-page dialog, a 过号 re-queued, F-key shortcuts — at a counter PC's real sizes
// (1366×768 and 1920×1080) with nothing overflowing. Screenshot: artifacts/screenshots/center-console-1920.png
// (the README's console pictures come from windowConsoleScreens.e2e.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { logInAtWindow } from './support/logIn.ts';

let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0601', name: '李明', windowId: 'w6' }, '0601');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const issue = (priority: 'normal' | 'green' = 'normal') => center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority }, 'kiosk-1');
const ticket = (number: string) => [...center.hall.state.tickets.values()].find((t) => t.number === number);

const logIn = (page: Page, staffNo: string, pin: string, windowId: string) => logInAtWindow(page, center.httpUrl, windowId, staffNo, pin);

/** Nothing wider than the viewport, nothing cut off at the right: the page never scrolls sideways. */
async function expectNoOverflow(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > vw + 1).map((e) => `${e.tagName}.${e.className}`);
    return { scroll: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 5) };
  });
  expect(r.wide, 'elements past the right edge').toEqual([]);
  expect(r.scroll).toBeLessThanOrEqual(r.vw);
}

describe('the complete window console', () => {
  it('hold, call back with a choice, call by number, transfer refusal, pause with a reason, re-queue a 过号, shortcuts — at 1366×768', async () => {
    for (let i = 0; i < 6; i++) issue();
    issue('green');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, 'YT0501', '0501', 'w5');
    await expect.poll(() => page.getByTestId('waiting-here').textContent()).toBe('7');
    // The list shows who waits, the green ticket first (the window's rule honours the class).
    await expect.poll(() => page.getByTestId('waiting-list').locator('li').first().textContent()).toContain('绿色通道');

    // F2 calls (the green ticket first), focus lands on 办结 for the next step.
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('A007');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('finish');
    // 挂起 A007, call A001 by the list, then 回呼 A007: the console asks what to do with A001.
    await page.getByTestId('hold').click();
    await expect.poll(() => page.getByTestId('call-back-A007').count()).toBe(1);
    await page.getByTestId('call-A003').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('A003');
    await page.getByTestId('call-back-A007').click();
    await page.getByTestId('counter-choice').waitFor();
    await page.getByTestId('choice-return').check();
    await page.getByTestId('choice-confirm').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('A007');
    expect(ticket('A003')).toMatchObject({ status: 'waiting', services: [] }); // back in line, not finished
    await expectNoOverflow(page);

    // The service item: from the window's items, searchable; the outcome at 办结.
    await page.getByPlaceholder('搜索事项名称或部门').fill('养老');
    const option = await page.getByTestId('item-select').locator('option').nth(1).getAttribute('value');
    expect(option).toBeTruthy();
    await page.getByTestId('item-select').selectOption(option as string);
    await page.getByTestId('outcomes').getByText('补正材料').click();
    await page.keyboard.press('F4');
    await expect.poll(() => ticket('A007')?.services[0]?.outcome).toBe('needs-supplement');
    expect(ticket('A007')?.services[0]?.itemId).toBe(option);

    // A transfer to a window that closes while the list is open: refused, said plainly, the ticket stays.
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(other, 'YT0601', '0601', 'w6');
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('A001');
    await page.getByTestId('transfer').click();
    await page.getByTestId('transfer-dialog').getByPlaceholder('搜索窗口号、区域或业务').fill('6号');
    await page.getByTestId('to-window-w6').click();
    center.hall.run('center', (h) => h.closeWindow('w6', new Date().toISOString()));
    await page.getByTestId('confirm-transfer').click();
    await expect.poll(() => page.getByTestId('console-error').textContent()).toBe('该窗口未开放或已暂停，只能转到开放的窗口或业务类别');
    expect(await page.getByTestId('current-number').textContent()).toBe('A001');
    // The list offers open windows only, grouped by zone.
    await page.getByTestId('transfer').click();
    // The list follows the hall live: the closed window leaves it once the console's view refreshes.
    await expect.poll(() => page.getByTestId('to-window-w6').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('transfer-dialog').locator('.zone-group').count()).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await other.close();

    // 过号 after the recalls (F3), then the late citizen is put back in line from the console.
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByTestId('recalls').textContent()).toBe('1 / 2');
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByTestId('recalls').textContent()).toBe('2 / 2');
    await page.getByTestId('no-show').click();
    await page.getByTestId('requeue-A001').click();
    await expect.poll(() => ticket('A001')?.status).toBe('waiting');

    // Pause: an in-page dialog asks why (no browser prompt); the status says it.
    let dialogs = 0;
    page.on('dialog', () => dialogs++);
    await page.getByTestId('pause').click();
    await page.getByTestId('pause-dialog').getByText('午休').click();
    await page.getByTestId('pause-confirm').click();
    await expect.poll(() => page.getByTestId('window-status').textContent()).toBe('已暂停：午休');
    expect(dialogs).toBe(0);
    await page.getByTestId('resume').click();
    await page.close();
  }, 120_000);

  it('fits 1920×1080 with nothing cut off', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, 'YT0501', '0501', 'w5');
    await page.getByTestId('call-next').click();
    await page.getByTestId('current-number').waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'center-console-1920.png') });
    await page.close();
  }, 60_000);

  it('F4 pressed the moment the number shows, before the call is answered, still finishes (held, not dropped); a double F2 calls once', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, 'YT0601', '0601', 'w6');
    await page.getByTestId('call-next').waitFor();
    issue();
    issue();
    const waiting = () => [...center.hall.state.tickets.values()].filter((t) => t.status === 'waiting').length;
    const before = waiting();
    // The answer to 叫号 is slow (a busy center); the live push shows the number before it.
    await page.route('**/api/windows/w6/call-next', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response });
    });
    // A double F2: the second press is held while the first is on its way and, with a citizen at
    // the counter by then, calls nobody.
    await page.keyboard.press('F2');
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('finish').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(2000);
    expect(waiting()).toBe(before - 1);
    const first = (await page.getByTestId('current-number').textContent()) ?? '?';
    expect(ticket(first)?.status).toBe('called');
    await page.keyboard.press('F4');
    await expect.poll(() => ticket(first)?.status).toBe('done');
    await expect.poll(() => page.getByTestId('current-number').count()).toBe(0);
    // F4 the moment the number shows — the 叫号 answer still on its way — finishes once it is in.
    await page.keyboard.press('F2');
    await page.getByTestId('current-number').waitFor();
    const second = (await page.getByTestId('current-number').textContent()) ?? '?';
    expect(await page.getByTestId('finish').isEnabled()).toBe(false);
    await page.keyboard.press('F4');
    await expect.poll(() => ticket(second)?.status, { timeout: 10_000 }).toBe('done');
    expect(waiting()).toBe(before - 2);
    await page.close();
  }, 60_000);
});
