// 省好差评 in the admin console, in Chromium against the real center and the receiver stand-in: the
// backlog while the province is down (waiting count, the last error in words), a record the province
// refused shown with its reason, and 重新上报 sending it once the province takes it — then nothing waits.
// Screenshot: center-admin-province.png (and -refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import type { Center } from '../../src/server/Center.ts';
import { provinceFeedModule } from '../../src/server/province/ProvinceFeedModule.ts';
import { ProvinceFeedSettingsSchema } from '../../src/server/province/ProvinceFeedSettings.ts';
import { ProvinceReceiverStandIn } from '../../src/server/province/standin/ProvinceReceiverStandIn.ts';
import { seedDemoHistory } from '../../src/server/reports/demoHistory.ts';
import { startCenter, tempDir } from '../support/centerHarness.ts';
import { ensureWebBuilt } from '../support/webBuild.ts';

const SHOTS = screenshotDir();
const TOKEN = 'province-token-e2e-0123456789abc';
let center: Center;
let browser: Browser;
let receiver: ProvinceReceiverStandIn;
let refusing = true;

beforeAll(async () => {
  ensureWebBuilt();
  receiver = new ProvinceReceiverStandIn(TOKEN);
  receiver.judge = (r) => (refusing && r.kind === 'evaluation' && r.badReview && r.evaLevel === '非常不满意' ? '事项编码未在省事项库登记（taskCode）' : undefined);
  const endpoint = await receiver.listen();
  receiver.outage = 'unavailable';
  const settings = ProvinceFeedSettingsSchema.parse({ v: 1, transport: 'http-json', endpoint, regionCode: '370602000000', retryBaseSeconds: 0.2, retryMaxSeconds: 1, timeoutSeconds: 2 });
  center = await startCenter({ dataDir: tempDir('hallkit-province-e2e-'), modules: [provinceFeedModule({ config: { settings, secrets: { token: TOKEN } }, pollMs: 100 })] });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  seedDemoHistory(center.hall, new Date(), new Map(), 2);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await receiver?.close();
});

describe('省好差评 backlog in the admin console', () => {
  it('shows what waits and why, a refused record with its reason, and sends it again on 重新上报', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${center.httpUrl}/admin#province`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-province').click();
    const total = center.hall.log.countOf(['EvaluationGiven', 'EvaluationLapsed', 'FollowUpOpened', 'FollowUpAdvanced']);
    await expect.poll(() => page.getByTestId('province-pending').textContent(), { timeout: 15_000 }).toBe(`待上报 ${total}`);
    await expect.poll(() => page.getByTestId('province-last-error').textContent(), { timeout: 15_000 }).toContain('HTTP 503');
    expect(await page.getByTestId('province-last-success').textContent()).toBe('尚未成功');
    await page.screenshot({ path: join(SHOTS, 'center-admin-province.png'), fullPage: true });

    // The province is back but refuses the 非常不满意 records: they are shown with the reason.
    receiver.outage = 'none';
    await page.getByTestId('province-refused').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('province-refused').textContent(), { timeout: 15_000 }).toContain('事项编码未在省事项库登记');
    await page.screenshot({ path: join(SHOTS, 'center-admin-province-refused.png'), fullPage: true });

    refusing = false;
    await page.getByTestId('province-retry').click();
    await expect.poll(() => page.getByTestId('province-delivered').textContent(), { timeout: 30_000 }).toBe(`已上报 ${total}`);
    expect(await page.getByTestId('province-pending').textContent()).toBe('待上报 0');
    expect(await page.getByTestId('province-refused').count()).toBe(0);
    expect(receiver.records.size).toBe(total);
    expect(center.ctx.audit.recent(200).some((a) => a.action === 'province.retry-failed' && a.actor === 'admin:admin')).toBe(true);

    // The period's records as an Excel workbook (the default) or CSV, from the export card.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('province-export-range').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-province-export.png') });
    for (const [format, ext] of [['xlsx', 'xlsx'], ['csv', 'csv']] as const) {
      await page.getByTestId('province-export-format').selectOption(format);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('province-export-range').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^haochaping-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
    }
    expect(center.ctx.audit.recent(200).filter((a) => a.action === 'province.exported').length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
