// A window's label from the hall definition (「绿色通道」, 「无差别受理」) on the boards, in Chromium at
// the devices' sizes and in the three languages, from a real broker and host: the window strip shows
// it under the window number, the hall board with the latest call; the LED matrix has no room for it.
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir } from '@hallkit/testkit';
import type { HallConfig } from '@hallkit/core';
import { HallFeed } from './support/HallFeed.ts';
import { BoardHarness } from './support/BoardHarness.ts';

const SHOTS = pathToFileURL(screenshotDir());
const GREEN = { label: '绿色通道', labelI18n: { 'zh-TW': '綠色通道', en: 'Green Channel' } };
const GENERAL = { 'zh-CN': '无差别受理', 'zh-TW': '無差別受理', en: 'All-services window' } as const;

let broker: Mosquitto;
let feed: HallFeed;
let board: BoardHarness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  broker = await Mosquitto.start();
  feed = await HallFeed.start(broker.url);
  feed.seed(['w1', 'w5', 'w18'], 4);
  // Window 5 edited into a 绿色通道 window (as Zhaoyuan's 41); window 1 keeps the demo hall's own 无差别受理.
  const config: HallConfig = feed.hall.state.config;
  await feed.hallConfig({ ...config, windows: config.windows.map((w) => (w.id === 'w5' ? { ...w, ...GREEN } : w)) });
  for (const w of ['w18', 'w1', 'w5']) await feed.callNext(w);
  board = new BoardHarness(broker.url, 'board-label', { voice: { enabled: false } } as never);
  await board.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await board?.dispose();
  await feed?.stop();
  await broker?.stop();
});

async function ready(page: Page, testId: string): Promise<void> {
  await page.getByTestId('board').waitFor();
  await page.getByTestId(testId).waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Inside the screen, on no more lines than it may take, no text past its box. */
async function fits(page: Page, sel: string, w: number, h: number) {
  return page.evaluate(
    ([sel, w, h]) => {
      const e = document.querySelector(sel as string)!;
      const r = e.getBoundingClientRect();
      const lh = parseFloat(getComputedStyle(e).lineHeight);
      return {
        inside: r.right <= (w as number) && r.bottom <= (h as number) && r.left >= 0 && r.top >= 0,
        lines: Math.round((e as HTMLElement).clientHeight / lh),
        clipped: e.scrollWidth > e.clientWidth + 1,
        px: parseFloat(getComputedStyle(e).fontSize),
        page: document.documentElement.scrollWidth <= (w as number) && document.documentElement.scrollHeight <= (h as number),
      };
    },
    [sel, w, h] as const,
  );
}

describe('a window’s label on the boards', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: the window strip at 1920×480 shows its window's label under the number, whole and large`, async () => {
      for (const [win, label] of [['w5', lang === 'zh-CN' ? GREEN.label : GREEN.labelI18n[lang]], ['w1', GENERAL[lang]]] as const) {
        const page = await board.open(browser, { layout: 'window', window: win, lang }, { width: 1920, height: 480 });
        await ready(page, 'strip-window-label');
        expect(await page.getByTestId('strip-window-label').textContent()).toBe(label);
        const f = await fits(page, '[data-testid=strip-window-label]', 1920, 480);
        expect(f, JSON.stringify(f)).toMatchObject({ inside: true, clipped: false, page: true });
        expect(f.lines).toBeLessThanOrEqual(2);
        // 43 px is 27 mm at 0.634 mm a pixel: read from about 7 m, as the staff name beside it.
        expect(f.px).toBeGreaterThanOrEqual(43);
        // The number still has its room: it is not pushed onto a second line.
        const numberLines = await page.evaluate(() => {
          const r = document.createRange();
          r.selectNodeContents(document.querySelector('[data-testid=strip-number]')!);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        });
        expect(numberLines).toBe(1);
        await page.screenshot({ path: new URL(`board-window-label-${win}-1920x480-${lang}.png`, SHOTS).pathname });
        await page.close();
      }
    });
  }

  it('a window without a label shows none', async () => {
    const page = await board.open(browser, { layout: 'window', window: 'w18' }, { width: 1920, height: 480 });
    await ready(page, 'strip-number');
    expect(await page.getByTestId('strip-window').textContent()).toBe('18号窗口');
    expect(await page.getByTestId('strip-window-label').count()).toBe(0);
    await page.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}: the hall board at 1920×1080 names the latest call's window label; the recent rows stay as they were`, async () => {
      const page = await board.open(browser, { lang }, { width: 1920, height: 1080 });
      await ready(page, 'latest-window-label');
      expect(await page.getByTestId('latest-window').textContent()).toContain('5');
      expect(await page.getByTestId('latest-window-label').textContent()).toBe(lang === 'en' ? 'Green Channel' : '绿色通道');
      const f = await fits(page, '[data-testid=latest-window-label]', 1920, 1080);
      expect(f, JSON.stringify(f)).toMatchObject({ inside: true, clipped: false, page: true, lines: 1 });
      // Inside the latest-call section, above the category tiles.
      const inSection = await page.evaluate(() => {
        const a = document.querySelector('[data-testid=latest-window-label]')!.getBoundingClientRect();
        const b = document.querySelector('[data-testid=latest]')!.getBoundingClientRect();
        return a.bottom <= b.bottom && a.top >= b.top;
      });
      expect(inSection).toBe(true);
      for (const row of await page.locator('[data-testid=recent-call] td:nth-child(2)').allTextContents()) expect(row).toMatch(/^(\d+号窗口|Window \d+)$/);
      await page.screenshot({ path: new URL(`board-hall-label-1920x1080-${lang}.png`, SHOTS).pathname });
      await page.close();
    });
  }

  it('a recall at a labelled window: label and 重呼 tag on one line, inside the latest call\'s section', async () => {
    await feed.recall('w5');
    await feed.publishSnapshot();
    const page = await board.open(browser, {}, { width: 1920, height: 1080 });
    await ready(page, 'latest-window-label');
    await page.locator('.recall-tag').waitFor();
    const r = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const [label, tag, section] = [box('[data-testid=latest-window-label]'), box('.recall-tag'), box('[data-testid=latest]')];
      return { sameLine: tag.top < label.bottom && tag.bottom > label.top, inside: label.bottom <= section.bottom && tag.bottom <= section.bottom && tag.right <= section.right };
    });
    expect(r).toEqual({ sameLine: true, inside: true });
    await page.close();
  });

  it('the LED matrix at 384×192 leaves the label off (no room at its glyph sizes)', async () => {
    const page = await board.open(browser, { layout: 'led' }, { width: 384, height: 192 });
    await ready(page, 'latest-number');
    expect(await page.getByTestId('latest-window').textContent()).toBe('5号窗口');
    expect(await page.locator('body').textContent()).not.toContain('绿色通道');
    await page.close();
  });
});
