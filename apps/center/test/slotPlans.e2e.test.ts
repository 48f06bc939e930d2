// 预约号源 in the admin console, in Chromium against the real center (SQLite, HTTP): an admin sets a
// category's appointment plan; an overlapping one is refused by the server with the reason shown
// and nothing stored; the citizen's booking page then offers exactly the configured days and slots.
// Screenshot: center-admin-slot-plans.png (docs/screenshots with HALLKIT_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import { LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { defaultSlotPlan, type SlotPlan } from '../src/mobile/appointments/SlotPlan.ts';
import { codeCapturingLogger, PHONE } from './support/phone.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { logInAsAdmin, logInByPhone } from './support/logIn.ts';

const SHOTS = screenshotDir();

let center: Center;
let browser: Browser;
const dir = tempDir('hallkit-slot-plans-');
const { log, codes } = codeCapturingLogger();
// 住房公积金 keeps the suggested plan, so the list shows a set-up category next to unset ones.
const mobile = mobileModule({ codeSender: () => new LogCodeSender(log), seedSlotPlans: [defaultSlotPlan('fund')], login: { resendAfterMs: 0 } });

/** What the admin types for 办税服务 below, as the server must store it. */
const TAX_PLAN: SlotPlan = {
  v: 1,
  categoryId: 'tax',
  enabled: true,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  workingDaysOnly: false,
  slots: [
    { from: 8 * 60 + 30, to: 9 * 60 + 30, capacity: 2 },
    { from: 10 * 60, to: 11 * 60, capacity: 3 },
    { from: 14 * 60, to: 15 * 60 + 30, capacity: 5 },
  ],
  daysAhead: 2,
  sameDay: true,
  checkIn: { earlyMinutes: 20, lateMinutes: 10 },
  perIdPerDay: 2,
};

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: dir, hallConfig: shippedHall('yantai', { allDay: true }), logger: log, modules: [mobile] });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const putsFor = (categoryId: string) => center.ctx.audit.recent(50).filter((a) => a.action === 'mobile.slot-plan.put' && a.target === categoryId);

async function setSlot(page: Page, n: number, from: string, to: string, capacity: number): Promise<void> {
  await page.getByLabel(`第 ${n} 个时段 开始`).fill(from);
  await page.getByLabel(`第 ${n} 个时段 结束`).fill(to);
  await page.getByLabel(`第 ${n} 个时段 名额`).fill(String(capacity));
}

describe('预约号源 (appointment slot plans) in the admin console', () => {
  it('an admin sets a plan; an overlapping one is refused with the reason; the phone offers exactly those slots', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1100 } });
    await logInAsAdmin(page, center.httpUrl);
    await page.getByTestId('tab-slots').click();
    await expect.poll(() => page.getByTestId('plan-tax').textContent()).toContain('未设置');
    expect(await page.getByTestId('plan-fund').textContent()).toContain('开放预约');

    // 办税服务 has no plan yet: the editor starts from the suggestion and says so.
    await page.getByTestId('edit-tax').click();
    await page.getByText('该业务尚未设置预约方案').waitFor();
    await page.getByLabel('只在工作日（按节假日和调休安排）').uncheck();
    for (const d of ['周六', '周日']) await page.getByLabel(d, { exact: true }).check();
    const rows = page.getByTestId('slot-row');
    while ((await rows.count()) > 0) await page.getByRole('button', { name: /^删除 第 \d+ 个时段$/ }).first().click();
    for (let i = 0; i < 3; i++) await page.getByTestId('add-slot').click();
    await setSlot(page, 1, '08:30', '09:30', 2);
    await setSlot(page, 2, '10:00', '11:00', 3);
    await setSlot(page, 3, '14:00', '15:30', 5);
    await page.locator('input[name=daysAhead]').fill('2');
    await page.locator('input[name=earlyMinutes]').fill('20');
    await page.locator('input[name=lateMinutes]').fill('10');
    await page.locator('input[name=perIdPerDay]').fill('2');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('plan-saved').waitFor({ timeout: 5000 });
    expect(mobile.service().plans.get('tax')).toEqual(TAX_PLAN);
    // Saved plans show in the list; the change is in the audit log under the admin's name.
    await expect.poll(() => page.getByTestId('plan-tax').textContent()).toContain('开放预约');
    const row = (await page.getByTestId('plan-tax').textContent()) ?? '';
    for (const part of ['每天', '3 个（08:30–15:30）', '10', '2 天', '是']) expect(row).toContain(part);
    expect(putsFor('tax').map((a) => a.actor)).toEqual(['admin:admin']);

    // A fourth slot overlapping the second: marked while typing, refused by the server on saving.
    await page.getByTestId('add-slot').click();
    await setSlot(page, 4, '10:30', '11:30', 2);
    expect(await page.getByTestId('slot-issue').allTextContents()).toEqual(['', '与第 4 个时段重叠', '', '与第 2 个时段重叠']);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-refused').textContent({ timeout: 1000 }), { timeout: 5000 }).toBe('未保存，服务器拒绝了这个方案：时段与名额：时段不能重叠');
    expect(await page.getByRole('alert').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'center-admin-slot-plans-refused.png'), fullPage: true });
    expect(mobile.service().plans.get('tax')).toEqual(TAX_PLAN);
    expect(putsFor('tax')).toHaveLength(1);

    // Other mistakes are named field by field, in the server's terms.
    await page.locator('input[name=daysAhead]').fill('61');
    await page.getByLabel('第 1 个时段 结束').fill('8:00');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-refused').textContent({ timeout: 1000 }), { timeout: 5000 }).toContain('第 1 个时段：结束时间须晚于开始时间');
    expect(await page.getByTestId('plan-refused').textContent()).toContain('提前可约天数：应为 0–60 的整数');

    await page.getByRole('button', { name: '还原' }).click();
    await expect.poll(() => page.getByTestId('slot-row').count()).toBe(3);
    await page.getByTestId('plan-tax').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-slot-plans.png'), fullPage: true });
    await page.close();

    // The citizen's booking page: the three days (today and two ahead), exactly those slots.
    const context = await browser.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(`${center.httpUrl}/m/book`);
    await logInByPhone(phone, '13700137000', { codes });
    await phone.locator('select[name=category]').selectOption('tax');
    await expect.poll(() => phone.locator('.m-day').count()).toBe(3);
    await phone.locator('.m-day').nth(1).click(); // tomorrow: nothing is past yet
    expect(await phone.locator('button[data-slot]').evaluateAll((bs) => bs.map((b) => b.textContent))).toEqual(['08:30–09:30余 2', '10:00–11:00余 3', '14:00–15:30余 5']);
    expect(await lowContrast(phone)).toEqual([]);
    await phone.screenshot({ path: join(SCREENSHOTS, 'phone-booking-configured-slots.png') });
    await context.close();
  }, 60_000);
});
