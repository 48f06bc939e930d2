// 调流 as a screen and as work (issue 16), for the 值班长 at a counter PC's 1366×768, in 简体, 繁體 and
// English: the log-in with 工号 and PIN, the alarm of a queue nobody serves, the hall map, one window
// opened for editing, a refused opening (that staff member may not use that window) said in the
// screen's language, the window opened and 调流'd to a second queue (both events in the hall log),
// and the center out of reach. Every state passes testkit's checkScreen (docs/visual-standard.md,
// consoles) and WCAG AA contrast; category and zone names are the hall definition's translations.
// Screenshots: artifacts/screenshots/center-staffing-<state>-<lang>.png; the README's
// center-admin-staffing.png is the zh-CN editor (docs/screenshots with HALLKIT_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import { checkScreen } from '@hallkit/testkit/screenCheck';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { CONSOLE_SCREEN, consoleScreenPage } from './support/screenChecks.ts';
import { submitConsoleLogin } from './support/logIn.ts';

/** The README's pictures: docs/screenshots with HALLKIT_SCREENSHOTS=1, artifacts otherwise. */
const README_SHOTS = screenshotDir();
let center: Center;
let browser: Browser;

/** Police windows of the demo hall, one per language (each run opens and re-assigns its own). */
const WINDOW = { 'zh-CN': { id: 'w61', n: 61 }, 'zh-TW': { id: 'w62', n: 62 }, en: { id: 'w63', n: 63 } } as const;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir: tempDir('hallkit-staffing-screens-') });
  center.ctx.accounts.saveStaff({ staffNo: 'YTZB01', name: '陈值班', role: 'supervisor', zones: ['zhjw', 'gjj'] }, '246801');
  // Window 5 only: refused at a police window.
  center.ctx.accounts.saveStaff({ staffNo: 'YT0502', name: '刘芳', windowId: 'w5', windows: '5' }, '0502');
  center.ctx.accounts.saveStaff({ staffNo: 'YT6101', name: '赵警官', windowId: 'w61', windows: '61-63' }, '6101');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const TEXT = {
  police: { 'zh-CN': 'B 户籍与出入境', 'zh-TW': 'B 戶籍與出入境', en: 'B Household Registration and Exit-Entry' },
  stranded: { 'zh-CN': /^B 户籍与出入境：\d+ 人等候，没有开放的窗口（\d{2}:\d{2} 起）$/, 'zh-TW': /^B 戶籍與出入境：\d+ 人等候，沒有開放的窗口（\d{2}:\d{2} 起）$/, en: /^B Household Registration and Exit-Entry: \d+ waiting, no window open \(since \d{2}:\d{2}\)$/ },
  zone: { 'zh-CN': '综合警务区', 'zh-TW': '綜合警務區', en: 'Police Services' },
  /** Its 楼层位置 (一楼西厅 in every language before). */
  location: { 'zh-CN': '一楼西厅', 'zh-TW': '一樓西廳', en: '1F, West Hall' },
  refused: {
    'zh-CN': (n: number) => `刘芳（YT0502）不能在 ${n} 号窗口登录：请管理员在「人员」里加上这个窗口`,
    'zh-TW': (n: number) => `刘芳（YT0502）不能在 ${n} 號窗口登入：請管理員在「人員」裡加上這個窗口`,
    en: (n: number) => `刘芳 (YT0502) may not log in at window ${n}: an admin adds the window under Staff`,
  },
  assigned: { 'zh-CN': '已调流', 'zh-TW': '已調流', en: 're-assigned' },
  network: { 'zh-CN': '网络异常，请重试', 'zh-TW': '網路異常，請重試', en: 'Network problem, please retry' },
} as const;

describe('调流 as a screen', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: the supervisor's alarm, hall map, window editor, refusal, 调流 and offline state meet the visual standard`, { timeout: 120_000 }, async () => {
      const win = WINDOW[lang];
      // A police ticket and no police window open (each language's run closes the last one's): the alarm.
      for (const w of center.hall.state.windows.values()) if (w.config.zoneId === 'zhjw' && w.status !== 'closed') center.hall.run('center', (h) => h.closeWindow(w.config.id, new Date().toISOString(), { kind: 'hand-back' }));
      center.ctx.desk.issue({ categoryId: 'police', source: 'on-site', priority: 'normal' }, 'kiosk-1');
      const page = await consoleScreenPage(browser, lang);
      const browserDialogs: string[] = [];
      page.on('dialog', (d) => {
        browserDialogs.push(d.message());
        void d.dismiss();
      });
      const found: Record<string, unknown> = {};
      const check = async (state: string) => {
        await page.evaluate(() => document.fonts.ready);
        const screen = await checkScreen(page, CONSOLE_SCREEN);
        const contrast = await lowContrast(page);
        if (screen.length + contrast.length > 0) found[state] = { screen: screen.map((f) => `${f.kind}: ${f.what}`), contrast };
        await page.screenshot({ path: join(SCREENSHOTS, `center-staffing-${state}-${lang}.png`) });
        if (lang === 'zh-CN' && state === 'editor') await page.screenshot({ path: join(README_SHOTS, 'center-admin-staffing.png') });
      };

      await page.goto(`${center.httpUrl}/admin`);
      await page.getByTestId('login-switch').click();
      await page.locator('form.login input[name=user]').waitFor();
      await check('login');
      await submitConsoleLogin(page, 'YTZB01', '246801');

      // The alarm and the map in the screen's language (the hall definition's names).
      await expect.poll(() => page.getByTestId('alarm-stranded:police').textContent()).toMatch(TEXT.stranded[lang]);
      expect(await page.locator('details.zone summary strong').allTextContents()).toContain(TEXT.zone[lang]);
      expect(await page.locator('details.zone summary', { hasText: TEXT.zone[lang] }).first().textContent()).toContain(TEXT.location[lang]);
      await check('alarms');

      await page.getByTestId(`win-${win.id}`).getByRole('button').first().click();
      await page.getByTestId('staff-select').waitFor();
      await check('editor');

      // Refused: this staff member may not use a police window — said in the screen's language.
      await page.getByTestId('staff-select').selectOption('YT0502');
      await page.getByTestId('open-window').click();
      await expect.poll(() => page.getByTestId('staffing-error').textContent()).toBe(TEXT.refused[lang](win.n));
      await check('refused');

      // Opened by someone who may, then 调流: it serves 住房公积金 too for the rest of the day.
      await page.getByTestId('staff-select').selectOption('YT6101');
      await page.getByTestId('open-window').click();
      await expect.poll(() => center.hall.state.windows.get(win.id)?.status).toBe('open');
      await expect.poll(() => page.getByTestId('alarm-stranded:police').count()).toBe(0);
      await page.getByTestId(`win-${win.id}`).getByRole('button').first().click();
      await page.getByTestId('assign-window').waitFor();
      await page.getByTestId(`win-${win.id}`).getByText({ 'zh-CN': 'C 住房公积金', 'zh-TW': 'C 住房公積金', en: 'C Housing Provident Fund' }[lang]).click();
      await page.getByTestId('assign-window').click();
      await expect.poll(() => center.hall.state.windows.get(win.id)?.assignment?.categoryIds.slice().sort()).toEqual(['fund', 'police']);
      expect([...center.hall.log.all()].some((e) => e.type === 'WindowAssigned' && e.windowId === win.id)).toBe(true);
      await expect.poll(() => page.getByTestId(`win-${win.id}`).textContent()).toContain(TEXT.assigned[lang]);
      await check('assigned');

      // The center out of reach: the next action fails in words.
      await page.getByTestId(`win-${win.id}`).getByRole('button').first().click();
      await page.getByTestId('assign-window').waitFor();
      await page.context().setOffline(true);
      await page.getByTestId('assign-window').click();
      await expect.poll(() => page.getByTestId('staffing-error').textContent()).toBe(TEXT.network[lang]);
      await check('offline');
      await page.context().setOffline(false);

      expect(found, JSON.stringify(found, null, 1)).toEqual({});
      expect(browserDialogs).toEqual([]);
      await page.context().close();
    });
  }

  it('the admin console’s 调流 tab meets the same standard in all three languages', { timeout: 120_000 }, async () => {
    center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
    const found: Record<string, unknown> = {};
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
      const page = await consoleScreenPage(browser, lang);
      await page.goto(`${center.httpUrl}/admin#staffing`);
      await submitConsoleLogin(page, 'admin', 'pw-admin');
      await page.getByTestId('alarms').waitFor();
      expect(await page.locator('details.zone summary strong').allTextContents()).toContain(TEXT.zone[lang]);
      await page.evaluate(() => document.fonts.ready);
      const screen = await checkScreen(page, CONSOLE_SCREEN);
      const contrast = await lowContrast(page);
      if (screen.length + contrast.length > 0) found[lang] = { screen: screen.map((f) => `${f.kind}: ${f.what}`), contrast };
      await page.screenshot({ path: join(SCREENSHOTS, `center-staffing-admin-${lang}.png`) });
      await page.context().close();
    }
    expect(found, JSON.stringify(found, null, 1)).toEqual({});
  });
});
