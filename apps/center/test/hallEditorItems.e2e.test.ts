// 大厅设置 → 事项 in Chromium at 1366×768: a new 事项 added in the editor (no workbook), its 事项编码
// (the province's 实施清单编码) and a department's 部门编码 edited in the table — checked at the field
// (a code used twice, a code too long, a blank name) in zh-CN and English, nothing half-valid added or
// saved — then saved, and the new item is offered in the window console's item picker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';
import { logInAsAdmin, logInAtWindow } from './support/logIn.ts';

const SHOTS = screenshotDir();
const VIEW = { width: 1366, height: 768 };
const APPROVAL = '市行政审批服务局';
let broker: Mosquitto;
let center: Center;
let browser: Browser;

async function admin(lang: 'zh-CN' | 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEW });
  await page.addInitScript((l) => localStorage.setItem('hallkit.lang', l), lang);
  await logInAsAdmin(page, center.httpUrl);
  await page.getByTestId('tab-hall').click();
  await page.getByTestId('hall-section-items').click();
  return page;
}

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);

beforeAll(async () => {
  ensureWebBuilt();
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url, hallConfig: shippedHall('yantai', { allDay: true }) });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0101', name: '张静', windowId: 'w1' }, '0101');
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await broker?.stop();
});

describe('大厅设置: adding a 事项 and editing its codes', () => {
  it('in zh-CN: codes edited and checked at the field, a new item refused while half-valid, then added with a new department and saved', async () => {
    const version = center.hall.config.version;
    const first = center.hall.config.catalog.items[0]!;
    const page = await admin('zh-CN');

    // 事项编码 in the table: too long, then a real one; the save waits while it is wrong.
    const code = page.getByTestId(`item-${first.id}-code`);
    await code.fill('3'.repeat(65));
    await expect.poll(() => page.getByTestId(`item-${first.id}`).getByRole('alert').allTextContents()).toEqual(['编码不能超过 64 个字符']);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await code.fill('11370600MB2855203L3370111009000');
    await expect.poll(() => page.getByTestId(`item-${first.id}`).getByRole('alert').count()).toBe(0);

    // A department's code, once for all its items.
    const departments = page.getByTestId('hall-departments');
    const approvalRow = departments.locator('tr', { hasText: APPROVAL });
    await approvalRow.locator('input.department-code').fill('X'.repeat(65));
    await expect.poll(() => approvalRow.getByRole('alert').allTextContents()).toEqual(['编码不能超过 64 个字符']);
    await approvalRow.locator('input.department-code').fill('11370600MB2855203L');
    await expect.poll(() => approvalRow.getByRole('alert').count()).toBe(0);

    // A new item with the code already used and no name: both said at their fields, nothing added.
    const items = center.hall.config.catalog.items.length;
    await page.getByTestId('item-new-code').fill('11370600MB2855203L3370111009000');
    await page.getByTestId('item-new-add').click();
    const form = page.getByTestId('item-add');
    await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual([
      `事项编码 11370600MB2855203L3370111009000 重复（「${first.name}」已使用）`,
      '事项名称不能为空',
    ]);
    expect(await page.getByTestId('item-new-code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('item-new-added').count()).toBe(0);
    expect(await page.getByTestId('items-search').inputValue()).toBe('');

    // Corrected: added with a department the hall does not have yet, and its code.
    await page.getByTestId('item-new-code').fill('11370600MB2855203L3370111009777');
    await page.getByTestId('item-new-name').fill('不动产登记资料查询');
    await page.getByTestId('item-new-category').selectOption('general');
    await page.getByTestId('item-new-department').fill('市自然资源和规划局');
    await page.getByTestId('item-new-departmentCode').fill('11370600MB1234567Q');
    await page.getByTestId('item-new-add').click();
    await expect.poll(() => page.getByTestId('item-new-added').textContent()).toBe('已添加「不动产登记资料查询」（保存后生效）');
    const id = '11370600mb2855203l3370111009777';
    // Found at once in the list (searched for), its code editable like any other.
    expect(await page.getByTestId(`item-${id}-name`).inputValue()).toBe('不动产登记资料查询');
    expect(await page.getByTestId(`item-${id}-code`).inputValue()).toBe('11370600MB2855203L3370111009777');
    expect(await departments.locator('tr', { hasText: '市自然资源和规划局' }).locator('input.department-code').inputValue()).toBe('11370600MB1234567Q');
    await noSidewaysScroll(page);
    await page.getByTestId('items-search').fill('');
    await noSidewaysScroll(page);
    await page.getByTestId('item-add').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-items-add.png') });

    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`已保存为版本 ${version + 1}`);
    const saved = center.hall.config.catalog.items;
    expect(saved).toHaveLength(items + 1);
    expect(saved.find((i) => i.id === first.id)?.code).toBe('11370600MB2855203L3370111009000');
    expect(saved.filter((i) => i.department === APPROVAL).every((i) => i.departmentCode === '11370600MB2855203L')).toBe(true);
    expect(saved.find((i) => i.id === id)).toEqual({ id, name: '不动产登记资料查询', categoryId: 'general', code: '11370600MB2855203L3370111009777', department: '市自然资源和规划局', departmentCode: '11370600MB1234567Q' });
    await page.close();
  }, 120_000);

  it('in English: a code used twice is named with the item’s English name; an item of an existing department takes its code and translations, and the window console offers it', async () => {
    const version = center.hall.config.version;
    const first = center.hall.config.catalog.items[0]!;
    expect(first.code).toBeTruthy();
    const page = await admin('en');
    await page.getByTestId('item-new-code').fill(first.code!);
    await page.getByTestId('item-new-name').fill('企业名称变更登记');
    await page.getByTestId('item-new-add').click();
    await expect.poll(() => page.getByTestId('item-add').getByRole('alert').allTextContents()).toEqual([`Item code ${first.code} is already used by “${first.i18n?.en}”`]);
    expect(await page.getByTestId('item-new-added').count()).toBe(0);

    // Two items given one code in the table: the second is wrong at its field, in English.
    const second = center.hall.config.catalog.items[1]!;
    await page.getByTestId(`item-${second.id}-code`).fill(first.code!);
    await expect.poll(() => page.getByTestId(`item-${second.id}`).getByRole('alert').allTextContents()).toEqual([`Item code ${first.code} is already used by “${first.i18n?.en}”`]);
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId(`item-${second.id}-code`).fill('');
    await expect.poll(() => page.getByTestId(`item-${second.id}`).getByRole('alert').count()).toBe(0);

    await page.getByTestId('item-new-code').fill('370600-000201-XK-0002');
    await page.getByTestId('item-new-department').fill(APPROVAL);
    await page.getByTestId('item-new-add').click();
    await expect.poll(() => page.getByTestId('item-new-added').textContent()).toBe('“企业名称变更登记” added (after saving)');
    const id = '370600-000201-xk-0002';
    await page.getByTestId(`item-${id}-en`).fill('Company name change');
    await noSidewaysScroll(page);
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-items-add-en.png') });
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`Saved as version ${version + 1}`);
    const added = center.hall.config.catalog.items.find((i) => i.id === id);
    expect(added).toMatchObject({ name: '企业名称变更登记', code: '370600-000201-XK-0002', department: APPROVAL, departmentCode: '11370600MB2855203L', i18n: { en: 'Company name change' }, departmentI18n: first.departmentI18n });
    await page.close();

    // The window console (English) offers both new items for the citizen at the counter.
    center.hall.run('center', (h) => h.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'center', at: new Date().toISOString(), ignoreOpeningHours: true }));
    const counter = await browser.newPage({ viewport: VIEW });
    await counter.addInitScript(() => localStorage.setItem('hallkit.lang', 'en'));
    await logInAtWindow(counter, center.httpUrl, 'w1', 'YT0101', '0101');
    await counter.getByTestId('call-next').click();
    const options = counter.getByTestId('item-select').locator('option');
    await expect.poll(() => options.allTextContents()).toEqual(
      expect.arrayContaining([`Company name change · ${first.departmentI18n?.en}`, '不动产登记资料查询 · 市自然资源和规划局']),
    );
    await counter.close();
  }, 120_000);
});
