// The admin console as a screen (issue 16): no browser prompt()/confirm() anywhere — the 差评回访 step
// asks in an in-page dialog, and cancelling it records nothing; status badges and notices read at
// WCAG AA; axe-core (WCAG 2.x A/AA) finds nothing on the 总览, 差评跟进 and 设备 tabs in 简体, 繁體 and
// English at 1366×768; the wait chart speaks the console's language, on the hall's 24-hour clock,
// with Noto Sans SC loaded for the canvas, on a browser set to UTC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { axeViolations } from './support/screenChecks.ts';
import { logInAsAdmin } from './support/logIn.ts';

const SHOTS = screenshotDir();
let center: Center;
let browser: Browser;
const dir = tempDir('hallkit-console-screens-');
let caseNumber = '';

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: dir });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  browser = await launchChromium();
  // A 非常不满意 from window 5's pad: one 差评 case to follow up.
  await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'pw-pad');
  const pad = openDevice(dir, center.mqttUrl, center.hall.state.config.catalog.hall.id, 'pad-w5', 'pw-pad');
  pad.link.start();
  const at = () => new Date().toISOString();
  center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority: 'normal' }, 'kiosk-1');
  center.hall.run('center', (h) => h.openWindow('w5', { id: 'YT0501', name: '王晓燕' }, at()));
  caseNumber = center.hall.run('center', (h) => h.callNext('w5', at()).called)?.number ?? '';
  const finished = center.hall.run('center', (h) => h.finish('w5', 'completed', at()))[0];
  if (finished?.type !== 'TicketFinished') throw new Error('not finished');
  pad.store.append({ type: 'EvaluationGiven', v: 1, at: at(), evaluationId: 'ev-screens-1', serviceId: finished.serviceId, ticketId: finished.ticketId, level: 'very-dissatisfied', reasons: ['attitude'], channel: 'hall-pad', windowId: 'w5', staffId: 'YT0501' });
  await waitUntil('rating ingested', () => center.hall.state.followUps.size === 1);
  await pad.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

async function adminPage(lang: 'zh-CN' | 'zh-TW' | 'en', timezoneId = 'Asia/Shanghai'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang, timezoneId });
  await context.addInitScript((l) => localStorage.setItem('hallkit.lang', l), lang);
  const page = await context.newPage();
  await logInAsAdmin(page, center.httpUrl);
  return page;
}

describe('admin console', () => {
  it('差评回访: an in-page dialog asks for the note; 取消 records nothing, 确定 records the step with the note', async () => {
    const page = await adminPage('zh-CN');
    let browserDialogs = 0;
    page.on('dialog', (d) => (browserDialogs++, void d.dismiss()));
    const followUp = () => center.hall.state.followUps.get('fu/ev-screens-1');
    await page.getByTestId('tab-followUps').click();
    const row = page.getByTestId('case-fu/ev-screens-1');
    expect(await row.locator('td').first().textContent()).toContain(caseNumber);
    await row.getByRole('button', { name: '记录回访' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('textarea[name=note]').fill('电话未接通');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'center-admin-follow-up-dialog.png') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await new Promise((r) => setTimeout(r, 500)); // a post, had one been sent, would have landed by now
    expect([followUp()?.state, followUp()?.history.length ?? 0]).toEqual(['open', 0]);
    // Escape cancels too.
    await row.getByRole('button', { name: '记录回访' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(followUp()?.state).toBe('open');
    // Confirmed: the step, with its note.
    await row.getByRole('button', { name: '记录回访' }).click();
    await dialog.locator('textarea[name=note]').fill('已致电，市民接受道歉');
    await dialog.getByRole('button', { name: '记录回访' }).click();
    await waitUntil('the step recorded', () => followUp()?.state === 'contacted');
    expect(followUp()?.history.map((h) => h.note)).toEqual(['已致电，市民接受道歉']);
    expect(browserDialogs).toBe(0);
    await page.context().close();
  });

  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: 总览, 差评跟进 and 设备 pass axe and WCAG AA contrast (badges, notices) at 1366×768`, { timeout: 60_000 }, async () => {
      const page = await adminPage(lang);
      for (const tab of ['queue', 'followUps', 'fleet'] as const) {
        await page.getByTestId(`tab-${tab}`).click();
        if (tab === 'queue') await page.getByTestId('wait-chart').locator('canvas').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        expect.soft({ axe: await axeViolations(page), contrast: await lowContrast(page) }, `${lang} ${tab}`).toEqual({ axe: [], contrast: [] });
        await page.screenshot({ path: join(SHOTS, `center-admin-${tab}-${lang}.png`) });
      }
      await page.context().close();
    });
  }

  it('the wait chart: the console’s language, the hall’s 24-hour clock on a UTC browser, Noto Sans SC for the canvas', async () => {
    const page = await adminPage('zh-CN', 'UTC');
    await page.getByTestId('tab-queue').click();
    const chart = page.getByTestId('wait-chart');
    await chart.locator('canvas').first().waitFor();
    expect(await page.evaluate(() => document.fonts.check('12px "Noto Sans SC"', '等候人数变化人'))).toBe(true);
    expect(await chart.locator('.u-legend .u-series').first().textContent()).toMatch(/^时间/);
    expect(await chart.textContent()).not.toMatch(/Time|--/);
    // The legend's time under the cursor, on the hall's clock (Asia/Shanghai), not the browser's UTC.
    const box = await chart.locator('.u-over').boundingBox();
    if (box) await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    const shown = (await chart.locator('.u-legend .u-series').first().locator('.u-value').textContent()) ?? '';
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', month: '2-digit', day: '2-digit', hour: '2-digit' });
    const hourNow = (ms: number) => Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    const expected = [Date.now(), Date.now() - 3_600_000].map((ms) => hourNow(ms)).map((p) => `${p.month}-${p.day} ${p.hour}:`);
    if (shown !== '—') expect(expected.some((e) => shown.startsWith(e)), `${shown} vs ${expected.join(' / ')}`).toBe(true);
    await chart.screenshot({ path: join(SHOTS, 'center-admin-wait-chart-utc-browser.png') });
    await page.context().close();
  });
});
