// 大厅设置 → a real kiosk: an admin adds a category in the admin console (Chromium, 1920×1080), gives
// it a window and saves; the kiosk host (its own MQTT link, store and renderer in Chromium at
// 1080×1920) shows the new tile without a restart, and a citizen can take a ticket from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KioskRig, waitUntil } from './support/KioskRig.ts';

let rig: KioskRig;
beforeAll(async () => {
  rig = await KioskRig.start();
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

/** Pages through the kiosk's tiles until the tile shows (or the last page). */
async function findTile(p: Page, id: string): Promise<boolean> {
  for (let i = 0; i < 10; i++) {
    if ((await p.locator(`[data-testid=tile-${id}]`).count()) > 0) return true;
    const next = p.locator('[data-testid=next-page]');
    if ((await next.count()) === 0 || (await next.isDisabled())) return false;
    await next.click();
  }
  return false;
}

describe('a category added in 大厅设置 reaches a real kiosk', () => {
  it('shows the new tile after the save, without a restart, and issues from it', async () => {
    const kiosk = rig.page;
    await kiosk.click('[data-testid=go-take]');
    expect(await findTile(kiosk, 'cat-x')).toBe(false);

    const admin = await rig.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await admin.goto(`${rig.center.httpUrl}/admin`);
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill('hallkit-admin');
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.getByTestId('tab-hall').click();
    await admin.getByTestId('hall-section-categories').click();
    await admin.getByTestId('category-new-prefix').fill('X');
    await admin.getByTestId('category-new-name').fill('新办事项试点');
    await admin.getByTestId('category-new-add').click();
    await admin.getByTestId('hall-section-windows').click();
    await admin.getByTestId('bulk-windows').fill('1');
    await admin.getByTestId('bulk-categories').fill('A、X');
    await admin.getByTestId('bulk-apply').click();
    await admin.getByTestId('hall-save').click();
    await expect.poll(() => admin.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain('已保存为版本');
    await admin.close();

    // The kiosk's renderer follows its host's state: the new tile appears on its own.
    await waitUntil(() => findTile(kiosk, 'cat-x'), 20_000, 'the kiosk shows the new tile');
    expect(await kiosk.locator('[data-testid=tile-cat-x]').textContent()).toContain('新办事项试点');
    await rig.shot('new-category-tile');
    await kiosk.click('[data-testid=tile-cat-x]');
    await kiosk.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
    expect((await kiosk.textContent('[data-testid=ticket-number]'))?.trim()).toMatch(/^X\d{3}$/);
  }, 120_000);
});
