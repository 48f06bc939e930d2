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
import { logInAsAdmin } from './support/logIn.ts';

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
    await logInAsAdmin(page, center.httpUrl);
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

  it('edits hall info, zones and policies with field errors, offers to move a stranded line, and speaks three languages', async () => {
    const versionBefore = center.hall.config.version;
    const at = new Date().toISOString();
    const taxTicket = center.hall.run('center', (h) =>
      h.issueTicket({ categoryId: 'tax', source: 'on-site', priority: 'normal', issuerId: 'center', at, ignoreOpeningHours: true }),
    ).ticketId;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-hall').click();

    // Hall info: a misspelt time zone is named at the field and blocks saving.
    await page.getByTestId('hall-section-hall').click();
    await page.getByTestId('hall-info-timeZone').fill('Asia/Shangai');
    await expect.poll(() => page.getByTestId('hall-info').textContent()).toContain('时区 Asia/Shangai 不存在');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('hall-info-timeZone').fill('Asia/Shanghai');
    await page.getByTestId('hall-info-publicUrl').fill('hall.yantai.gov.cn');
    await expect.poll(() => page.getByTestId('hall-info').textContent()).toContain('网址格式不对');
    await page.getByTestId('hall-info-publicUrl').fill('https://zwfw.yantai.gov.cn/hall');
    await page.getByTestId('hall-info-address').fill('烟台市莱山区银海路46号（东门进）');
    // The region code the provincial 好差评 feed files records by: shown, checked at the field.
    expect(await page.getByTestId('hall-info-regionCode').inputValue()).toMatch(/^\d{12}$/);
    await page.getByTestId('hall-info-regionCode').fill('3706');
    await expect.poll(() => page.getByTestId('hall-info').textContent()).toContain('区划代码应为 12 位数字');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('hall-info-regionCode').fill('370602000000');
    // A new zone: unnamed, it is an error at its name; named, with its location and English name.
    await page.getByTestId('zone-new-id').fill('Lobby 2');
    await page.getByTestId('zone-add').click();
    await expect.poll(() => page.getByTestId('hall-zones').textContent()).toContain('编码为小写字母、数字和连字符');
    await page.getByTestId('zone-new-id').fill('lobby-2');
    await page.getByTestId('zone-add').click();
    await expect.poll(() => page.getByTestId('zone-lobby-2').textContent()).toContain('功能区名称不能为空');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('zone-lobby-2-name').fill('二楼咨询区');
    await page.getByTestId('zone-lobby-2-location').fill('二楼西厅');
    await page.getByTestId('zone-lobby-2-en').fill('Enquiries, 2F');
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-info-zones.png') });

    // Policies: an out-of-range value is named at the field; only a valid one reaches the draft.
    await page.getByTestId('hall-section-policies').click();
    await page.getByTestId('policy-follow-up-days').fill('400');
    await expect.poll(() => page.getByTestId('policy-follow-up-days-error').textContent()).toContain('1–60');
    expect(await page.getByTestId('hall-save').isDisabled()).toBe(true);
    await page.getByTestId('policy-follow-up-days').fill('10');
    await page.getByTestId('policy-rating-seconds').fill('45');
    await page.getByTestId('policy-late-placement').selectOption('keep');
    await expect.poll(() => page.getByTestId('hall-save').isDisabled()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-policies.png') });
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`已保存为版本 ${versionBefore + 1}`);
    const cfg = center.hall.config;
    expect(cfg.catalog.hall.publicUrl).toBe('https://zwfw.yantai.gov.cn/hall');
    expect(cfg.catalog.zones.find((z) => z.id === 'lobby-2')).toEqual({ id: 'lobby-2', name: '二楼咨询区', location: '二楼西厅', i18n: { en: 'Enquiries, 2F' } });
    expect(cfg.evaluation.followUpWorkingDays).toBe(10);
    expect(cfg.evaluation.ratingSeconds).toBe(45);
    expect(cfg.noShow.lateArrival).toEqual({ allowed: true, withinMinutes: 30, placement: 'keep' });
    const saved = center.ctx.definitions.list(1)[0];
    expect(saved?.savedBy).toBe('admin:admin');
    expect(saved?.diff.settings).toEqual(expect.arrayContaining(['hall', 'noShow', 'evaluation']));
    expect(saved?.diff.zones.added).toEqual(['lobby-2']);

    // No window serves 办税 any more while a citizen waits for it: refused, with the offer to move them.
    const taxWindows = cfg.windows.filter((w) => w.categoryIds.includes('tax')).map((w) => w.number);
    await page.getByTestId('hall-section-windows').click();
    await page.getByTestId('bulk-windows').fill(taxWindows.join('、'));
    await page.getByTestId('bulk-categories').fill('A');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('hall-save').click();
    await expect.poll(() => page.getByTestId('stranded-offer').textContent(), { timeout: 15_000 }).toContain('还有 1 人在等候');
    expect(center.hall.state.tickets.get(taxTicket)?.categoryId).toBe('tax');
    await page.getByTestId('stranded-tax-to').selectOption('general');
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-move-waiting.png') });
    await page.getByTestId('stranded-move').click();
    await expect.poll(() => page.getByTestId('hall-save-message').textContent(), { timeout: 15_000 }).toContain(`已保存为版本 ${versionBefore + 2}`);
    expect(center.hall.state.tickets.get(taxTicket)?.categoryId).toBe('general');
    expect(center.hall.state.tickets.get(taxTicket)?.status).toBe('waiting');

    // The editor in English and 繁體.
    await page.getByLabel('language').selectOption('en');
    await expect.poll(() => page.getByTestId('hall-section-policies').textContent()).toBe('Rating and no-show rules');
    await page.getByTestId('hall-section-policies').click();
    await expect.poll(() => page.getByTestId('hall-policies').textContent()).toContain('Recalls before a no-show');
    await page.screenshot({ path: join(SHOTS, 'center-admin-hall-policies-en.png') });
    await page.getByLabel('language').selectOption('zh-TW');
    await expect.poll(() => page.getByTestId('hall-save').textContent()).toBe('儲存為新版本');
    await page.close();
  }, 120_000);
});
