// Each layout at its resolution in Chromium, from a real broker and host; screenshots for the README.
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir } from '@hallkit/testkit';
import { HallFeed } from './support/HallFeed.ts';
import { BoardHarness } from './support/BoardHarness.ts';

const SHOTS = pathToFileURL(screenshotDir());

let broker: Mosquitto;
let feed: HallFeed;
let board: BoardHarness;
let browser: Browser;
const called: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  broker = await Mosquitto.start();
  feed = await HallFeed.start(broker.url);
  feed.seed(['w1', 'w2', 'w3', 'w5', 'w7', 'w18', 'w79', 'w120'], 6);
  await feed.hallConfig();
  await feed.notice('各位办事群众：本中心周六上午正常办公，请提前预约；过号请到窗口重新登记。');
  for (const w of ['w1', 'w18', 'w2', 'w79', 'w3', 'w120', 'w7', 'w1', 'w5']) called.push((await feed.callNext(w)).number);
  await feed.publishSnapshot();
  board = new BoardHarness(broker.url, 'board-1', { voice: { enabled: false } } as never);
  await board.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await board?.dispose();
  await feed?.stop();
  await broker?.stop();
});

async function ready(page: Page): Promise<void> {
  await page.getByTestId('board').waitFor();
  await page.getByTestId('latest-number').or(page.getByTestId('strip-number')).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Every glyph drawn comes from the shipped font: the page names only it, and its faces are loaded from the app. */
async function expectShippedFont(page: Page): Promise<void> {
  const r = await page.evaluate(() => ({
    family: getComputedStyle(document.body).fontFamily,
    loaded: [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans SC' && f.status === 'loaded').length,
    check: document.fonts.check('700 32px "Noto Sans SC"', '请到号窗口烟台市政务服务中心'),
  }));
  expect(r.family.replace(/["']/g, '')).toBe('Noto Sans SC');
  expect(r.loaded).toBeGreaterThan(0);
  expect(r.check).toBe(true);
}

/**
 * Nothing is cut off (every row and tile inside its section and the screen), and the character
 * heights on a 55″ 1080p panel (0.634 mm per pixel: 685 mm / 1080 px), printed for docs/visual-standard.md.
 */
async function expectReadable(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const mm = (sel: string) => Math.round(parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize) * (685 / 1080));
    const inside = (sel: string, box: string) =>
      [...document.querySelectorAll(sel)].every((e) => {
        const a = e.getBoundingClientRect();
        const b = e.closest(box)!.getBoundingClientRect();
        return a.bottom <= b.bottom + 1 && a.right <= b.right + 1 && a.bottom <= innerHeight && a.right <= innerWidth;
      });
    return {
      rowsInside: inside('[data-testid=recent-call]', '[data-testid=recent]'),
      tilesInside: inside('[data-testid=category]', '[data-testid=categories]'),
      mm: { number: mm('[data-testid=latest-number]'), window: mm('[data-testid=latest-window]'), recent: mm('[data-testid=recent-call] td'), category: mm('.category-name'), waiting: mm('.category-waiting'), clock: mm('.clock .time') },
    };
  });
  console.log(`board character heights on a 55-inch 1080p panel (mm, font size): ${JSON.stringify(r.mm)}`);
  expect(r.rowsInside).toBe(true);
  expect(r.tilesInside).toBe(true);
  expect(r.mm.recent).toBeGreaterThanOrEqual(35);
  expect(r.mm.window).toBeGreaterThanOrEqual(60);
}

describe('call board layouts', () => {
  it('whole-hall board at 1920×1080: latest call, recent calls, every category, notice, clock', async () => {
    const fontFiles: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('response', (r) => r.url().includes('noto-sans-sc') && fontFiles.push(new URL(r.url()).origin));
    await page.goto(board.url());
    await ready(page);
    expect(await page.getByTestId('latest-number').textContent()).toBe(called.at(-1));
    expect(await page.getByTestId('latest-window').textContent()).toContain('5');
    expect(await page.getByTestId('recent-call').count()).toBe(6);
    await expectReadable(page);
    expect(await page.getByTestId('category').count()).toBe(feed.hall.state.config.catalog.categories.length);
    expect(await page.getByTestId('hall-name').textContent()).toBe('烟台市政务服务中心');
    expect(await page.getByTestId('notice').textContent()).toContain('本中心周六上午正常办公');
    expect(await page.getByTestId('not-live').count()).toBe(0);
    await expectShippedFont(page);
    expect(fontFiles.length).toBeGreaterThan(0);
    expect(new Set(fontFiles)).toEqual(new Set([board.board!.server.origin]));
    await page.screenshot({ path: new URL('board-hall-1920x1080.png', SHOTS).pathname });
    await page.close();
  });

  it('whole-hall board at 3840×2160 is the same board, scaled', async () => {
    const page = await board.open(browser, {}, { width: 3840, height: 2160 });
    await ready(page);
    const box = await page.getByTestId('latest-number').boundingBox();
    expect(box?.height).toBeGreaterThan(450); // 13vw glyphs: twice the 1080p size
    await expectShippedFont(page);
    await page.screenshot({ path: new URL('board-hall-3840x2160.png', SHOTS).pathname });
    await page.close();
  });

  it('zone board shows only its zone (综合政务: its windows, and every category they serve)', async () => {
    const zoneWindows = new Set(feed.hall.state.config.windows.filter((w) => w.zoneId === 'zhzw').map((w) => w.number));
    const page = await board.open(browser, { layout: 'zone', zone: 'zhzw' });
    await ready(page);
    expect(await page.getByTestId('hall-name').textContent()).toContain('综合政务区');
    const numbers = await page.locator('[data-testid="recent-call"] td:nth-child(2)').allTextContents();
    const latestWindow = await page.getByTestId('latest-window').textContent();
    expect(latestWindow).toMatch(/\b5\b/);
    for (const row of numbers) expect(zoneWindows.has(Number(/(\d+)号窗口/.exec(row)?.[1]))).toBe(true);
    expect(numbers.length).toBe(6); // w1, w18, w2, w3, w7, w1 — not w79 (户籍) or w120 (公积金); latest is w5
    // Every category the zone's windows serve (issue 16), its own 综合受理 first.
    const served = new Set(feed.hall.state.config.windows.filter((w) => w.zoneId === 'zhzw').flatMap((w) => w.categoryIds));
    const tiles = await page.getByTestId('category').allTextContents();
    expect(tiles.length).toBe(served.size);
    expect(tiles[0]).toContain('综合受理');
    await page.screenshot({ path: new URL('board-zone-1920x1080.png', SHOTS).pathname });
    await page.close();
  });

  it('window strip shows one window and its current number', async () => {
    const page = await board.open(browser, { layout: 'window', window: 'w1' }, { width: 1920, height: 480 });
    await ready(page);
    expect(await page.getByTestId('strip-window').textContent()).toBe('1号窗口');
    expect(await page.getByTestId('strip-number').textContent()).toBe(feed.hall.state.tickets.get(feed.hall.window('w1').currentTicketId ?? '')?.number);
    await page.screenshot({ path: new URL('board-window-1920x480.png', SHOTS).pathname });
    await page.close();
  });

  it('window strip of a closed window says 暂停受理 and nothing about serving', async () => {
    const page = await board.open(browser, { layout: 'window', window: 'w4' }, { width: 1920, height: 480 });
    await ready(page);
    expect(await page.getByTestId('strip-number').textContent()).toBe('暂停受理');
    expect(await page.getByTestId('board').textContent()).not.toContain('正在办理');
    await page.close();
  });

  it('the clock shows the hall\'s time (its definition\'s time zone) on a board PC left on UTC', async () => {
    const ctx = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await page.goto(board.url());
    await ready(page);
    const hallHm = () => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    const before = hallHm();
    const shown = (await page.locator('.clock .time').textContent()) ?? '';
    const after = hallHm();
    expect([before, after]).toContain(shown.slice(0, 5));
    await ctx.close();
  });

  for (const lang of ['zh-TW', 'en'] as const) {
    it(`${lang}: zone board, window strip and LED speak the language, with the hall definition's names, nothing cut off`, async () => {
      const catalog = feed.hall.state.config.catalog;
      const zone = catalog.zones.find((z) => z.id === 'zhzw')!;
      const noOverflow = (p: Page, w: number, h: number) => p.evaluate(([w, h]) => document.documentElement.scrollWidth <= w! && document.documentElement.scrollHeight <= h!, [w, h]);
      const zoneBoard = await board.open(browser, { layout: 'zone', zone: 'zhzw', lang });
      await ready(zoneBoard);
      expect(await zoneBoard.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await zoneBoard.getByTestId('hall-name').textContent()).toBe(`${catalog.hall.i18n?.[lang]} · ${zone.i18n?.[lang]}`);
      const served = new Set(feed.hall.state.config.windows.filter((w) => w.zoneId === 'zhzw').flatMap((w) => w.categoryIds));
      const tiles = await zoneBoard.locator('[data-testid=category] .category-name').allTextContents();
      expect(tiles.sort()).toEqual(catalog.categories.filter((c) => served.has(c.id)).map((c) => c.i18n?.[lang] ?? c.name).sort());
      expect(await zoneBoard.locator('.recent h2').textContent()).toBe(lang === 'en' ? 'Recent calls' : '最近叫號');
      await expectReadable(zoneBoard);
      expect(await noOverflow(zoneBoard, 1920, 1080)).toBe(true);
      // Read whole from across the hall: no name ends in an ellipsis or loses a line (a glyph's own
      // ascent past a tight line box is not a lost line), and no "~0 min".
      const cut = await zoneBoard.evaluate(() =>
        [...document.querySelectorAll('.hall-name, .zone-name, .category-name')].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight * 1.2).map((e) => `${e.textContent} ${e.scrollWidth}/${e.clientWidth} ${e.scrollHeight}/${e.clientHeight}`),
      );
      expect(cut, 'names cut off').toEqual([]);
      for (const estimate of await zoneBoard.locator('.category-estimate').allTextContents()) expect(estimate).not.toMatch(/(^|\D)0\s*(min|分)/);
      await zoneBoard.screenshot({ path: new URL(`board-zone-1920x1080-${lang}.png`, SHOTS).pathname });
      await zoneBoard.close();

      const strip = await board.open(browser, { layout: 'window', window: 'w1', lang }, { width: 1920, height: 480 });
      await ready(strip);
      expect(await strip.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await strip.getByTestId('strip-window').textContent()).toBe(lang === 'en' ? 'Window 1' : '1號窗口');
      expect(await strip.locator('.strip-label').textContent()).toBe(lang === 'en' ? 'Now serving' : '正在辦理');
      expect(await noOverflow(strip, 1920, 480)).toBe(true);
      await strip.screenshot({ path: new URL(`board-window-1920x480-${lang}.png`, SHOTS).pathname });
      await strip.close();

      const led = await board.open(browser, { layout: 'led', lang }, { width: 384, height: 192 });
      await ready(led);
      expect(await led.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await led.locator('.led-footer span').first().textContent()).toMatch(lang === 'en' ? /^\d+ waiting$/ : /^等候 \d+ 人$/);
      const oneLine = await led.evaluate(() =>
        [...document.querySelectorAll('.led-latest > span, .led-row > span, .led-footer > span')].every((e) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size <= 1 && e.getBoundingClientRect().right <= 384;
        }),
      );
      expect(oneLine, 'every LED line on one line, inside 384 px').toBe(true);
      expect(await noOverflow(led, 384, 192)).toBe(true);
      await led.screenshot({ path: new URL(`board-led-384x192-${lang}.png`, SHOTS).pathname });
      await led.close();
    });
  }

  it('LED matrix at 384×192: a 3-digit window stays on one line', async () => {
    called.push((await feed.callNext('w120')).number);
    await feed.publishSnapshot();
    const page = await board.open(browser, { layout: 'led' }, { width: 384, height: 192 });
    await ready(page);
    await page.getByTestId('latest-window').filter({ hasText: '120' }).waitFor();
    const lines = await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.querySelector('[data-testid="latest-window"]')!);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    });
    expect(lines).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > 384 || document.documentElement.scrollHeight > 192);
    expect(overflow).toBe(false);
    await page.close();
  });

  it('LED matrix at 384×192: large glyphs, nothing animated, nothing cut off', async () => {
    const page = await board.open(browser, { layout: 'led' }, { width: 384, height: 192 });
    await ready(page);
    expect(await page.getByTestId('latest-number').textContent()).toBe(called.at(-1));
    const r = await page.evaluate(() => ({
      animations: document.getAnimations().length,
      overflow: document.documentElement.scrollWidth > 384 || document.documentElement.scrollHeight > 192,
      glyph: parseFloat(getComputedStyle(document.querySelector('[data-testid="latest-number"]')!).fontSize),
    }));
    expect(r.animations).toBe(0);
    expect(r.overflow).toBe(false);
    expect(r.glyph).toBeGreaterThanOrEqual(64);
    await page.screenshot({ path: new URL('board-led-384x192.png', SHOTS).pathname });
    await page.close();
  });
});
