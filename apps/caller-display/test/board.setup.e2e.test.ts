// The call board's first-boot setup screen (a board or window strip with no identity yet), in
// Chromium at the board's 1920×1080 and the window strip's 1920×480, in zh-CN, zh-TW and en (the
// language the signage box's address asks for: `?lang=`): the whole form and 注册 on the screen, text
// a technician reads from the foot of the panel, every string a sentence (no raw keys), axe clean.
// The enrolment code's error (an unknown code, refused by a center that is not there) too.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LoopbackServer } from '@hallkit/host';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import { checkScreen, type ScreenStandard } from '@hallkit/testkit/screenCheck';
import { createBoardShell, type BoardShell } from '../src/host/boardShell.ts';
import { boardUrl, RENDERER_DIR } from '../src/host/serve.ts';
import { ensureRendererBuilt } from './support/BoardHarness.ts';

const SHOTS = join(screenshotDir(), 'board-visual');
mkdirSync(SHOTS, { recursive: true });
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const SIZES = [
  { name: 'board', width: 1920, height: 1080 },
  { name: 'strip', width: 1920, height: 480 },
] as const;
const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;

/**
 * A technician at the foot of the panel: text ≥ 24 px (15 mm on a 55″ 1080p panel, read from 3 m;
 * 11 mm on a 1920-px bar LCD), controls ≥ 64 px (a touch overlay or a mouse).
 */
const SETUP = (width: number, height: number): ScreenStandard => ({ width, height, minTextPx: 24, minTargetPx: 64 });

let dir: string;
let shell: BoardShell;
let server: LoopbackServer<BoardShell['bridge']['contract']>;
let browser: Browser;

beforeAll(async () => {
  ensureRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'hallkit-board-setup-'));
  shell = createBoardShell({ dataDir: dir, env: {}, logger: quiet, host: { logger: quiet } });
  await shell.start();
  server = new LoopbackServer(shell.bridge, { port: 0, staticDir: RENDERER_DIR });
  await server.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await shell?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function look(page: Page, label: string, width: number, height: number): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${label}.png`) });
  const found = (await checkScreen(page, SETUP(width, height))).map((f) => `${label}: ${f.kind}: ${f.what}`);
  // No i18n key on screen (setup.title, device.locked …): every visible string is a sentence.
  const keys = await page.evaluate(() => (document.body.innerText.match(/\b[a-z]+(?:\.[a-zA-Z-]+)+\b/g) ?? []).filter((k) => !/^\d|\.\d/.test(k) && !k.includes('e.g')));
  for (const k of keys) found.push(`${label}: raw key 「${k}」`);
  return found;
}

describe('call board first-boot setup', () => {
  for (const size of SIZES) {
    for (const lang of LANGS) {
      it(`${size.name} ${size.width}×${size.height} ${lang}: the form, its keyboard and 注册 on screen, readable, axe clean; a refused code in words`, { timeout: 60_000 }, async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        try {
          await page.goto(boardUrl(server, { lang }));
          await page.waitForSelector('[data-testid=setup-code]', { timeout: 15_000 });
          const tag = `setup-${size.name}-${lang}`;
          const found = await look(page, tag, size.width, size.height);
          expect(await page.evaluate(() => document.documentElement.lang), 'html lang').toBe(lang);
          const title = (await page.textContent('[data-screen=setup] h1')) ?? '';
          expect(title).toBe({ 'zh-CN': '设备设置', 'zh-TW': '設備設定', en: 'Device setup' }[lang]);
          // The keyboard's own keys in the language too (they were 空格/清除/确定 in every language).
          expect(await page.textContent('.hk-keyboard [data-key=space]')).toBe({ 'zh-CN': '空格', 'zh-TW': '空格', en: 'Space' }[lang]);
          expect(await page.textContent('.hk-keyboard [data-key=enter]')).toBe({ 'zh-CN': '确定', 'zh-TW': '確定', en: 'OK' }[lang]);
          const enrol = await page.$eval('[data-testid=setup-enrol]', (b) => b.getBoundingClientRect().bottom);
          expect(enrol, '注册 inside the screen').toBeLessThanOrEqual(size.height);
          // A code typed with no center to reach: the refusal is said on the screen, in the language.
          await page.fill('[data-testid=setup-code]', 'ABCD-1234');
          await page.fill('[data-testid=setup-center]', '127.0.0.1:9');
          await page.click('[data-testid=setup-enrol]');
          await page.waitForSelector('[data-testid=setup-error]', { timeout: 20_000 });
          found.push(...(await look(page, `${tag}-error`, size.width, size.height)));
          expect(found, found.join('\n')).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
