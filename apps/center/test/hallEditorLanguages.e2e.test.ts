// 大厅设置 in English and on a Yantai-sized hall (1,344 事项) in Chromium: a bad time is named at the
// field in English, a category still waited for is removed and the center's refusal is read in English
// at its row (with the move offer), names are edited in 繁體/English, so are the zones' 楼层位置, the
// windows' labels and the departments (checked at the field); and typing into the item list
// does not serialise the whole definition on every key (the dirty check used to, twice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HallDefinition } from '@hallkit/core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';
import { logInAsAdmin } from './support/logIn.ts';

const SHOTS = screenshotDir();
const VIEW = { width: 1366, height: 768 };
let broker: Mosquitto;
let center: Center;
let browser: Browser;

/** Yantai's real hours and windows with 1,344 service items (as bench/hall-workbook generates them). */
function yantaiSized(): HallDefinition {
  const base = shippedHall('yantai');
  const items = [];
  for (let i = 0; i < 1344; i++) {
    const src = base.catalog.items[i % base.catalog.items.length]!;
    items.push({ ...src, id: `${src.id}-${String(i).padStart(4, '0')}`, name: `${src.name}（${Math.floor(i / base.catalog.items.length) + 1}）` });
  }
  // A pop-up desk (临时专窗) served by window 1, with no items of its own: removable in the editor.
  const categories = [
    ...base.catalog.categories,
    { ...structuredClone(base.catalog.categories[0]!), id: 'popup', prefix: 'Y', name: '临时专窗', i18n: { 'zh-TW': '臨時專窗', en: 'Pop-up desk' }, openingHours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], periods: [{ from: 0, to: 1440 }] }] },
  ];
  const windows = base.windows.map((w) => (w.number === 1 ? { ...w, categoryIds: [...w.categoryIds, 'popup'] } : w));
  return { ...base, catalog: { ...base.catalog, categories, items }, windows };
}

async function englishAdmin(): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEW });
  await page.addInitScript(() => localStorage.setItem('hallkit.lang', 'en'));
  await logInAsAdmin(page, center.httpUrl);
  await page.getByTestId('tab-hall').click();
  return page;
}

beforeAll(async () => {
  ensureWebBuilt();
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url, hallConfig: yantaiSized() });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await broker?.stop();
});

describe('大厅设置 in English', () => {
  it('names a bad time at the field and refuses removing a waited-for category in English, then moves the line', async () => {
    const ticket = center.hall.run('center', (h) =>
      h.issueTicket({ categoryId: 'popup', source: 'on-site', priority: 'normal', issuerId: 'center', at: new Date().toISOString(), ignoreOpeningHours: true }),
    ).ticketId;
    const version = center.hall.config.version;
    const page = await englishAdmin();
    await page.getByTestId('hall-section-categories').click();

    // A bad time, in English at the field; saving waits.
    await page.getByTestId('category-G-hours').fill('每天 08:30-25:00');
    await expect.poll(() => page.getByTestId('category-G-hours-error').textContent()).toBe('Period “08:30-25:00” is not a time range like 08:30-12:00');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('category-G').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-categories-en.png') });
    await page.getByTestId('category-G-hours').fill('周一至周五 08:30-17:30');
    await expect.poll(() => page.getByTestId('category-G-hours-error').count()).toBe(0);

    // Its 繁體 and English names are edited in its row.
    await page.getByTestId('category-Y-zh-TW').fill('臨時服務專窗');
    await page.getByTestId('category-Y-en').fill('Pop-up service desk');
    // Removed while a citizen waits: the center refuses, in English, at the removed category's row.
    await page.getByTestId('category-Y-remove').click();
    await expect.poll(() => page.getByTestId('category-Y-name').count()).toBe(0);
    await page.getByTestId('hall-save').click();
    await expect
      .poll(() => page.getByTestId('category-removed-popup').textContent(), { timeout: 15_000 })
      .toContain('1 citizen(s) are still waiting for “Pop-up desk”: it cannot be removed');
    await expect.poll(() => page.getByTestId('hall-problems').textContent()).toContain('1 citizen(s) are still waiting for “Pop-up desk”');
    await expect.poll(() => page.getByTestId('stranded-offer').textContent()).toContain('1 citizen(s) are waiting for “Pop-up desk”');
    expect(center.hall.config.version).toBe(version);
    expect(center.hall.state.tickets.get(ticket)?.categoryId).toBe('popup');
    await page.getByTestId('stranded-popup-to').selectOption('general');
    await page.getByTestId('category-removed-popup').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-remove-category-en.png') });

    // Moved to 综合受理 by the admin's choice, and saved: the category is gone, the citizen still waits.
    await page.getByTestId('stranded-move').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`Saved as version ${version + 1}`);
    expect(center.hall.config.catalog.categories.some((c) => c.id === 'popup')).toBe(false);
    expect(center.hall.config.windows.find((w) => w.number === 1)?.categoryIds).not.toContain('popup');
    expect(center.hall.state.tickets.get(ticket)).toMatchObject({ categoryId: 'general', status: 'waiting' });
    await page.close();
  }, 120_000);

  it('edits the 繁體/English of a zone’s 楼层位置, a window’s label and a department, checked at the field, and saves them', async () => {
    const version = center.hall.config.version;
    const page = await englishAdmin();
    await page.getByTestId('hall-section-hall').click();
    await page.getByTestId('zone-zhzw-location-en').fill('1F, East Hall (Gate A)');
    // A translation of nothing: the Simplified 楼层位置 emptied, its translations refused at their fields.
    await page.getByTestId('zone-zhjw-location').fill('');
    const zoneRow = page.getByTestId('zone-zhjw');
    await expect.poll(() => zoneRow.getByRole('alert').allTextContents()).toEqual([
      'A translation needs the Simplified text it translates',
      'A translation needs the Simplified text it translates',
    ]);
    expect(await page.getByTestId('zone-zhjw-location-en').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('zone-zhjw-location').fill('一楼西厅');
    await expect.poll(() => zoneRow.getByRole('alert').count()).toBe(0);
    // The zones table with its four translation columns stays inside the 1,366 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);
    await page.getByTestId('hall-zones').screenshot({ path: join(SHOTS, 'center-admin-hall-zones-en.png') });

    // A window's label and its translations, in its row; the zone heading reads in English.
    await page.getByTestId('hall-section-windows').click();
    expect(await page.locator('[data-testid=hall-windows] summary').first().textContent()).toContain('General Government Services (1F, East Hall (Gate A))');
    await page.getByTestId('window-1-label').fill('绿色通道');
    await page.getByTestId('window-1-label-zh-TW').fill('綠色通道');
    await page.getByTestId('window-1-label-en').fill('Green Channel');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);

    // A department is translated once for all its items.
    await page.getByTestId('hall-section-items').click();
    const row = page.getByTestId('hall-departments').locator('tr', { hasText: '市行政审批服务局' });
    await row.locator('input').nth(1).fill('Administrative Approval Service Bureau');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`Saved as version ${version + 1}`);
    const saved = center.hall.config;
    expect(saved.catalog.zones.find((z) => z.id === 'zhzw')?.locationI18n).toEqual({ 'zh-TW': '一樓東廳', en: '1F, East Hall (Gate A)' });
    expect(saved.catalog.zones.find((z) => z.id === 'zhjw')).toMatchObject({ location: '一楼西厅', locationI18n: { 'zh-TW': '一樓西廳', en: '1F, West Hall' } });
    expect(saved.windows.find((w) => w.number === 1)).toMatchObject({ label: '绿色通道', labelI18n: { 'zh-TW': '綠色通道', en: 'Green Channel' } });
    const approval = saved.catalog.items.filter((i) => i.department === '市行政审批服务局');
    expect(approval.length).toBeGreaterThan(64);
    expect(approval.every((i) => i.departmentI18n?.en === 'Administrative Approval Service Bureau' && i.departmentI18n['zh-TW'] === '市行政審批服務局')).toBe(true);
    await page.close();
  }, 120_000);

  it('edits an item’s 繁體 and English names; typing into the 1,344-item list serialises nothing whole per key', async () => {
    const page = await browser.newPage({ viewport: VIEW });
    // Count serialisations of anything the size of the definition (≥ 100 KB) while typing.
    await page.addInitScript(() => {
      const w = window as unknown as { bigStringify: number };
      w.bigStringify = 0;
      const original = JSON.stringify;
      JSON.stringify = function (this: unknown, ...a: Parameters<typeof JSON.stringify>) {
        const s = original.apply(this, a);
        if (typeof s === 'string' && s.length > 100_000) w.bigStringify++;
        return s;
      } as typeof JSON.stringify;
    });
    await logInAsAdmin(page, center.httpUrl);
    await page.getByTestId('tab-hall').click();
    await page.getByTestId('hall-section-items').click();
    await page.getByTestId('items-search').fill('（64）');
    const id = center.hall.config.catalog.items[21 * 63]!.id;
    const name = page.getByTestId(`item-${id}-name`);
    await name.waitFor();
    await page.evaluate(() => ((window as unknown as { bigStringify: number }).bigStringify = 0));
    // Key to the next frame, per key (React renders a keystroke synchronously; the frame paints it).
    await page.evaluate(() => {
      const w = window as unknown as { keyToFrame: number[] };
      w.keyToFrame = [];
      document.addEventListener('keydown', () => {
        const t0 = performance.now();
        requestAnimationFrame(() => w.keyToFrame.push(performance.now() - t0));
      }, true);
    });
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' 2026 online', { delay: 30 });
    await page.getByTestId(`item-${id}-en`).fill('Business start-up (online)');
    const { big, frames } = await page.evaluate(() => {
      const w = window as unknown as { bigStringify: number; keyToFrame: number[] };
      return { big: w.bigStringify, frames: w.keyToFrame };
    });
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`key → next frame on the 1,344-item hall: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms over ${sorted.length} keys`);
    expect(big).toBe(0);
    // An item is removed from the list (nothing waits for an item: no refusal).
    const gone = center.hall.config.catalog.items[21 * 63 + 1]!.id;
    await page.getByTestId(`item-${gone}-remove`).click();
    await expect.poll(() => page.getByTestId(`item-${gone}`).count()).toBe(0);
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain('已保存为版本');
    expect(center.hall.config.catalog.items.find((i) => i.id === id)).toMatchObject({ name: expect.stringContaining(' 2026 online'), i18n: expect.objectContaining({ en: 'Business start-up (online)' }) });
    expect(center.hall.config.catalog.items.some((i) => i.id === gone)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-items.png') });
    await page.close();
  }, 120_000);
});
