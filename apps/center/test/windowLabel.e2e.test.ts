// A window's label from the hall definition (the demo hall's windows 1–17: 无差别受理) where staff and
// supervisors see their windows: the window console's status line and the 调流 hall map, at the
// counter PC's size (1366×768) in 简体, 繁體 and English, passing the consoles' screen check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import { checkScreen } from '@hallkit/testkit/screenCheck';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { CONSOLE_SCREEN, consoleScreenPage } from './support/screenChecks.ts';
import { logInAtWindow, submitConsoleLogin } from './support/logIn.ts';

const LABEL = { 'zh-CN': '无差别受理', 'zh-TW': '無差別受理', en: 'All-services window' } as const;

let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir: tempDir('hallkit-window-label-') });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0101', name: '孙丽', windowId: 'w1' }, '0101');
  center.ctx.accounts.saveStaff({ staffNo: 'YTZB09', name: '周值班', role: 'supervisor', zones: ['zhzw'] }, '246809');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('a window’s label at the consoles', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: the console's status line and the 调流 map name window 1 「${LABEL[lang]}」, window 18 nothing`, { timeout: 90_000 }, async () => {
      const page = await consoleScreenPage(browser, lang);
      await logInAtWindow(page, center.httpUrl, 'w1', 'YT0101', '0101');
      const label = page.locator('.status-line').getByTestId('window-label');
      expect(await label.textContent()).toBe(LABEL[lang]);
      await page.evaluate(() => document.fonts.ready);
      expect(await checkScreen(page, CONSOLE_SCREEN)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
      // On the status line's one row, beside the window number.
      const [no, box] = [await page.locator('.status-line .window-no').boundingBox(), await label.boundingBox()];
      expect(Math.abs((no?.y ?? 0) + (no?.height ?? 0) / 2 - ((box?.y ?? 0) + (box?.height ?? 0) / 2))).toBeLessThan(8);
      await page.screenshot({ path: join(SCREENSHOTS, `center-console-window-label-${lang}.png`) });
      await page.context().close();

      // The supervisor's own browser (the counter's staff session is not theirs).
      const map = await consoleScreenPage(browser, lang);
      await map.goto(`${center.httpUrl}/admin`);
      await map.getByTestId('login-switch').click();
      await submitConsoleLogin(map, 'YTZB09', '246809');
      const tile = map.getByTestId('win-label-w1');
      await tile.waitFor();
      expect(await tile.textContent()).toBe(LABEL[lang]);
      expect(await map.getByTestId('win-w18').count()).toBe(1);
      expect(await map.getByTestId('win-w18').getByTestId('win-label-w18').count()).toBe(0);
      await map.evaluate(() => document.fonts.ready);
      expect(await checkScreen(map, CONSOLE_SCREEN)).toEqual([]);
      expect(await lowContrast(map)).toEqual([]);
      await map.screenshot({ path: join(SCREENSHOTS, `center-staffing-window-label-${lang}.png`) });
      await map.context().close();
    });
  }
});
