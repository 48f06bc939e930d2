// The window console as a screen (issue 16), at a counter PC's real size (1366×768), in 简体, 繁體 and
// English: every state a staff member sees — the log-in and a refused log-in, idle with people waiting,
// a number just called, serving with an item and outcome chosen, the held list (挂起), the 回呼 dialog,
// the 过号 list, the 转移 dialog, a ticket the kiosk could not print, an action refused, the center unreachable, finished with the citizen
// asked to rate, the 暂停 dialog, paused, the 下班 dialog — passes the whole screen check of
// docs/visual-standard.md (testkit's checkScreen: axe-core WCAG 2.x A/AA + best practices + WCAG 2.2
// AA, text ≥ 14 px, controls ≥ 32 px, nothing outside the screen) and WCAG AA contrast; service item,
// category and zone names come from the hall definition's translations; no browser dialog ever opens.
// Screenshots: artifacts/screenshots/center-console-<state>-<lang>.png (docs/screenshots with
// HALLKIT_SCREENSHOTS=1 for the README's, which are the zh-CN ones named in SHOWN).
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
import { logInAtWindow, submitConsoleLogin } from './support/logIn.ts';

/** The README's pictures: docs/screenshots with HALLKIT_SCREENSHOTS=1, artifacts otherwise. */
const README_SHOTS = screenshotDir();
/** States whose zh-CN screenshot the README shows, by the README's file name. */
const SHOWN: Record<string, string> = {
  idle: 'center-window-console',
  calling: 'center-console-unprinted',
  serving: 'center-console-1366',
  'call-back': 'center-console-call-back',
  transfer: 'center-console-transfer',
};

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

const issue = (itemId?: string) => center.ctx.desk.issue({ categoryId: 'general', ...(itemId ? { itemId } : {}), source: 'on-site', priority: 'normal' }, 'kiosk-1');

/** The hall definition's names of what the test's tickets are for, in each language. */
const NAMES = {
  general: { 'zh-CN': '综合受理（一窗受理）', 'zh-TW': '綜合受理（一窗受理）', en: 'One-window General Services' },
  item: { 'zh-CN': '企业开办（设立登记）', 'zh-TW': '企業開辦（設立登記）', en: 'Business start-up registration' },
  department: { 'zh-CN': '市行政审批服务局', 'zh-TW': '市行政審批服務局', en: 'Municipal Administrative Approval Service Bureau' },
} as const;

describe('the window console as a screen', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: every state meets the visual standard at 1366×768, with the hall's names in ${lang}`, { timeout: 150_000 }, async () => {
      for (let i = 0; i < 6; i++) issue('business-registration');
      const page = await consoleScreenPage(browser, lang);
      const browserDialogs: string[] = [];
      page.on('dialog', (d) => {
        browserDialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      const found: Record<string, unknown> = {};
      const check = async (state: string) => {
        await page.evaluate(() => document.fonts.ready);
        const screen = await checkScreen(page, CONSOLE_SCREEN);
        const contrast = await lowContrast(page);
        if (screen.length + contrast.length > 0) found[state] = { screen: screen.map((f) => `${f.kind}: ${f.what}`), contrast };
        await page.screenshot({ path: join(SCREENSHOTS, `center-console-${state}-${lang}.png`) });
        const shown = lang === 'zh-CN' ? SHOWN[state] : undefined;
        if (shown) await page.screenshot({ path: join(README_SHOTS, `${shown}.png`) });
      };

      await page.goto(`${center.httpUrl}/console/w5`);
      await page.locator('form.login').waitFor();
      await check('login');
      await submitConsoleLogin(page, 'YT0501', 'wrong');
      await page.locator('form.login [role=alert]').waitFor();
      await check('login-refused');
      await logInAtWindow(page, center.httpUrl, 'w5', 'YT0501', '0501');

      // Idle: who waits, each row with its category and item in the console's language.
      const rows = page.getByTestId('waiting-list').locator('li .what');
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      expect(await rows.first().textContent()).toBe(`${NAMES.general[lang]} · ${NAMES.item[lang]}`);
      await check('idle');

      await page.getByTestId('call-next').click();
      await page.getByTestId('current-number').waitFor();
      expect(await page.getByTestId('current-ticket').textContent()).toContain(NAMES.general[lang]);
      // The kiosk could not print this one (paper out): the counter says so, with the hint.
      const called = center.hall.state.windows.get('w5')?.currentTicketId ?? '';
      center.hall.run('kiosk-1', (h) => h.ingest({ type: 'TicketPrinted', v: 1, at: new Date().toISOString(), ticketId: called, by: 'kiosk-1', printed: false, problem: 'paper-empty' }));
      await page.getByTestId('current-unprinted').waitFor();
      // The ticket's own item, preselected, named in the console's language; so is every other choice.
      await expect.poll(() => page.getByTestId('item-select').locator('option:checked').textContent()).toContain(NAMES.item[lang]);
      const options = await page.getByTestId('item-select').locator('option').allTextContents();
      // The item's 实施部门 too (it read 市行政审批服务局 in every language).
      if (lang === 'en') expect(options.filter((o) => /[\u4e00-\u9fff]/.test(o))).toEqual([]);
      expect(options).toContain(`${NAMES.item[lang]} · ${NAMES.department[lang]}`);
      await check('calling');

      // Searching finds an item by its name in the console's language.
      const search = { 'zh-CN': '企业开办', 'zh-TW': '企業開辦', en: 'start-up' }[lang];
      await page.getByTestId('current-ticket').locator('input[type=search]').fill(search);
      await expect.poll(() => page.getByTestId('item-select').locator('option').count()).toBe(2);
      await page.getByTestId('outcomes').locator('input').nth(1).check();
      await check('serving');
      await page.getByTestId('current-ticket').locator('input[type=search]').fill('');

      // 挂起: the held list; then someone else at the counter and 回呼 asks what becomes of them.
      const held = (await page.getByTestId('current-number').textContent()) ?? '';
      await page.getByTestId('hold').click();
      await page.getByTestId(`call-back-${held}`).waitFor();
      await expect.poll(() => page.getByTestId('current-number').count()).toBe(0);
      // Nobody at the counter: the badge says the window is free to call, not 办理中.
      expect(await page.getByTestId('window-status').textContent()).toBe({ 'zh-CN': '开放 · 可叫号', 'zh-TW': '開放 · 可叫號', en: 'Open · ready to call' }[lang]);
      await check('held');
      await page.getByTestId('call-next').click();
      await page.getByTestId('current-number').waitFor();
      await page.getByTestId(`call-back-${held}`).click();
      await page.getByTestId('counter-choice').waitFor();
      await check('call-back');
      await page.getByTestId('choice-return').check();
      await page.getByTestId('choice-confirm').click();
      await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(held);

      // Refused: 过号 before the recalls are used up — said in the console's language.
      await page.getByTestId('no-show').click();
      await expect.poll(() => page.getByTestId('console-error').textContent()).toBe({ 'zh-CN': '请先重呼，达到次数后才能过号', 'zh-TW': '請先重呼，達到次數後才能過號', en: 'Recall first; no-show only after the recalls' }[lang]);
      await check('refused');

      // 过号 after the recalls: the list of no-shows that may come back.
      await page.getByTestId('recall').click();
      await expect.poll(() => page.getByTestId('recalls').textContent()).toBe('1 / 2');
      await page.getByTestId('recall').click();
      await expect.poll(() => page.getByTestId('recalls').textContent()).toBe('2 / 2');
      await page.getByTestId('no-show').click();
      await page.getByTestId(`requeue-${held}`).waitFor();
      await check('no-shows');

      // 转移: categories and open windows by zone, named in the console's language.
      await page.getByTestId('call-next').click();
      await page.getByTestId('current-number').waitFor();
      await page.getByTestId('transfer').click();
      await page.getByTestId('transfer-dialog').waitFor();
      expect(await page.getByTestId('to-category-general').textContent()).toContain(NAMES.general[lang]);
      await check('transfer');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('transfer-dialog').count()).toBe(0);

      // The center out of reach: the console says so, and an action fails in words, nothing lost.
      await page.context().setOffline(true);
      await page.getByTestId('recall').click();
      await expect.poll(() => page.getByTestId('console-error').textContent()).toBe({ 'zh-CN': '网络异常，请稍后重试', 'zh-TW': '網路異常，請稍後重試', en: 'Network error, please retry' }[lang]);
      await check('offline');
      await page.context().setOffline(false);

      await page.getByTestId('finish').click();
      await expect.poll(() => page.getByTestId('current-number').count()).toBe(0);
      await check('finished');

      await page.getByTestId('pause').click();
      await page.getByTestId('pause-dialog').waitFor();
      await check('pause-dialog');
      await page.getByTestId('pause-dialog').locator('input').first().check();
      await page.getByTestId('pause-confirm').click();
      await page.getByTestId('resume').waitFor();
      // The preset reason is kept in the hall's language and shown in the console's.
      expect(await page.getByTestId('window-status').textContent()).toBe({ 'zh-CN': '已暂停：午休', 'zh-TW': '已暫停：午休', en: 'Paused: Lunch break' }[lang]);
      await check('paused');
      await page.getByTestId('resume').click();
      await page.getByTestId('pause').waitFor();

      await page.getByTestId('off-duty').click();
      await page.getByTestId('off-duty-confirm').waitFor();
      await check('off-duty');
      await page.getByTestId('off-duty-confirm').click();
      await expect.poll(() => center.hall.state.windows.get('w5')?.status).toBe('closed');
      expect(found, JSON.stringify(found, null, 1)).toEqual({});
      expect(browserDialogs).toEqual([]);
      await page.context().close();
    });
  }
});
