// The window console as a screen (issue 16): at a counter PC's real size (1366×768), logged in at a
// window, each state the staff member sees — idle with people waiting, a number just called, serving
// with an item and outcome chosen, finished with the citizen asked to rate, paused, the 转移 and 下班 dialogs —
// passes axe-core (WCAG 2.x A/AA and best practices) and WCAG AA text contrast in 简体, 繁體 and
// English. Screenshots: artifacts/screenshots/center-console-<state>-<lang>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { axeViolations } from './support/screenChecks.ts';
import { logInAtWindow } from './support/logIn.ts';

let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir: tempDir('hallkit-window-screens-') });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const issue = () => center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority: 'normal' }, 'kiosk-1');

async function consolePage(lang: 'zh-CN' | 'zh-TW' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang, timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((l) => localStorage.setItem('hallkit.lang', l), lang);
  const page = await context.newPage();
  await logInAtWindow(page, center.httpUrl, 'w5', 'YT0501', '0501');
  return page;
}

describe('the window console as a screen', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: idle, called, serving, finished (rating asked), paused, 转移 and 下班 pass axe and WCAG AA contrast at 1366×768`, { timeout: 90_000 }, async () => {
      for (let i = 0; i < 3; i++) issue();
      const page = await consolePage(lang);
      const found: Record<string, unknown> = {};
      const check = async (state: string) => {
        await page.evaluate(() => document.fonts.ready);
        const axe = await axeViolations(page);
        const contrast = await lowContrast(page);
        if (axe.length + contrast.length > 0) found[state] = { axe, contrast };
        await page.screenshot({ path: join(SCREENSHOTS, `center-console-${state}-${lang}.png`) });
      };
      await expect.poll(() => page.getByTestId('waiting-list').locator('li').count()).toBeGreaterThan(0);
      await check('idle');
      // The top bar names the hall in the console's language (the hall file's translations).
      expect(await page.locator('header.topbar h1').textContent()).toMatch({ 'zh-CN': /^烟台市政务服务中心 · /, 'zh-TW': /^煙台市政務服務中心 · /, en: /^Yantai Government Service Center · / }[lang]);

      // Category names in the console's language too (the hall file's translations).
      const general = { 'zh-CN': '综合受理（一窗受理）', 'zh-TW': '綜合受理（一窗受理）', en: 'One-window General Services' }[lang];
      expect(await page.getByTestId('waiting-list').locator('li .what').first().textContent()).toBe(general);
      await page.getByTestId('call-next').click();
      await page.getByTestId('current-number').waitFor();
      expect(await page.getByTestId('current-ticket').textContent()).toContain(general);
      await check('called');

      const option = await page.getByTestId('item-select').locator('option').nth(1).getAttribute('value');
      await page.getByTestId('item-select').selectOption(option ?? '');
      await page.getByTestId('outcomes').locator('input').first().check();
      await check('serving');

      await page.getByTestId('transfer').click();
      await page.getByTestId('transfer-dialog').waitFor();
      expect(await page.getByTestId('to-category-general').textContent()).toContain(general);
      await check('transfer');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('transfer-dialog').count()).toBe(0);

      await page.getByTestId('finish').click();
      await expect.poll(() => page.getByTestId('current-number').count()).toBe(0);
      await check('finished');

      await page.getByTestId('pause').click();
      await page.getByTestId('pause-dialog').waitFor();
      await check('pause-dialog');
      await page.getByTestId('pause-dialog').locator('input').first().check();
      await page.getByTestId('pause-confirm').click();
      await page.getByTestId('resume').waitFor();
      await check('paused');
      await page.getByTestId('resume').click();
      await page.getByTestId('pause').waitFor();

      await page.getByTestId('off-duty').click();
      await page.getByTestId('off-duty-confirm').waitFor();
      await check('off-duty');
      await page.getByTestId('off-duty-confirm').click();
      await expect.poll(() => center.hall.state.windows.get('w5')?.status).toBe('closed');
      expect(found).toEqual({});
      await page.context().close();
    });
  }
});
