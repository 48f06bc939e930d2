// 大厅设置 in Chromium: an admin gives a window a new category and changes a category's hours, sees the
// field error for a bad time, saves, and the kiosk's tiles follow (the device's retained definition).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { HallConfigSchema, hallLocalTime, isCategoryOpen } from '@hallkit/core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';

const SHOTS = screenshotDir();
let broker: Mosquitto;
let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  broker = await Mosquitto.start();
  // The real hours of Yantai (not the demo's all-day version): the tiles depend on them.
  center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url, hallConfig: shippedHall('yantai') });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await broker?.stop();
});

describe('大厅设置 (hall definition editor)', () => {
  it('edits a window’s categories and a category’s hours, shows a bad time at the field, saves, and the kiosk follows', async () => {
    const kiosk = openDevice(tempDir('hallkit-kiosk-'), broker.url, 'yantai', 'kiosk-e2e');
    kiosk.link.onConfig('hall', 'hall', { schema: HallConfigSchema });
    kiosk.link.start();
    const definition = () => HallConfigSchema.parse(kiosk.store.config.get('hall', 'hall')?.body);
    /** What the kiosk's tile for a category says now: open or closed (as KioskHost.state computes it). */
    const tileOpen = (categoryId: string) => {
      const d = definition();
      const c = d.catalog.categories.find((x) => x.id === categoryId);
      return c ? isCategoryOpen(c, hallLocalTime(new Date(), d.catalog.hall.timeZone), d.calendar) : undefined;
    };
    await waitUntil('the kiosk has the hall', () => kiosk.store.config.get('hall', 'hall') !== undefined);

    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-hall').click();

    // Bulk: windows 250-252 serve 户籍与出入境 (B) and 办税服务 (G).
    await page.getByTestId('bulk-windows').fill('250-252');
    await page.getByTestId('bulk-categories').fill('B、G');
    await page.getByTestId('bulk-apply').click();
    // One window by hand, with a typo first.
    await page.getByTestId('window-18-categories').fill('A、Q');
    await expect.poll(() => page.getByTestId('window-18').textContent()).toContain('没有前缀为 Q 的业务类别');
    await page.getByTestId('window-18-categories').fill('A、J');

    await page.getByTestId('hall-section-categories').click();
    const hours = page.getByTestId('category-G-hours');
    await hours.fill('每天 08:30-25:00');
    await expect.poll(() => page.getByTestId('category-G-hours-error').textContent()).toContain('格式不对');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-editor.png'), fullPage: false });
    await hours.fill('每天 00:00-24:00');
    await expect.poll(() => page.getByTestId('category-G-hours-error').count()).toBe(0);
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain('已保存为版本 2');

    await waitUntil('the kiosk applied version 2', () => definition().version === 2, 15_000);
    expect(tileOpen('tax')).toBe(true); // open around the clock now, whatever the hour of the test
    expect(definition().windows.find((w) => w.number === 251)?.categoryIds).toEqual(['police', 'tax']);
    expect(definition().windows.find((w) => w.number === 18)?.categoryIds).toEqual(['general', 'citizen-card']);
    expect(center.hall.state.windows.get('w250')?.config.categoryIds).toEqual(['police', 'tax']);

    await page.getByTestId('hall-section-versions').click();
    await expect.poll(() => page.getByTestId('hall-versions').textContent()).toContain('admin:admin');
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-versions.png') });
    await page.getByTestId('hall-section-workbook').click();
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-workbook.png') });
    await kiosk.close();
  }, 120_000);
});
