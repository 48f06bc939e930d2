// 报表 in Chromium against the real center with generated past days and alarms: the admin picks a
// range and a breakdown; the figures on screen are those of the seeded history (tickets issued and
// served recounted from the raw log), the alarms of the range are shown by kind, zone and window, and
// the exported workbook opens in exceljs with the same totals and the same alarms.
// Screenshot: center-admin-reports-alarms.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { reportsModule } from '../src/server/reports/ReportsModule.ts';
import { alarmsModule } from '../src/server/alarms/AlarmsModule.ts';
import { AlarmLog } from '../src/server/alarms/AlarmLog.ts';
import { seedDemoHistory } from '../src/server/reports/demoHistory.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';

const SHOTS = screenshotDir();
let center: Center;
let browser: Browser;
let days: string[];

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: tempDir('hallkit-reports-e2e-'), modules: [reportsModule(), alarmsModule({ everyMs: 3_600_000 })] });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  seedDemoHistory(center.hall, new Date(), new Map(), 5);
  days = (center.ctx.db.prepare('SELECT day FROM hall_days ORDER BY day').all() as { day: string }[]).map((d) => d.day);
  // Alarms on two of the past days, as the live hall would have raised and cleared them.
  const log = new AlarmLog(center.ctx.db);
  const w = center.hall.config.windows[0]!;
  const cat = center.hall.config.catalog.categories[0]!;
  const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
  const unstaffed = { key: `unstaffed:${w.id}`, kind: 'unstaffed-window' as const, zoneId: w.zoneId, categoryId: null, windowId: w.id, detail: {} };
  const longWait = { key: `long-wait:${cat.id}`, kind: 'long-wait' as const, zoneId: cat.zoneId, categoryId: cat.id, windowId: null, detail: { minutes: 35 } };
  log.reconcile([unstaffed], at(days[1]!, '09:00'), days[1]!);
  log.reconcile([], at(days[1]!, '09:20'), days[1]!);
  log.reconcile([longWait], at(days[2]!, '10:00'), days[2]!);
  log.reconcile([], at(days[2]!, '10:45'), days[2]!);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('报表 in the admin console', () => {
  it('shows the seeded history and its alarms for a chosen range, and exports the same figures', async () => {
    const [from, to] = [days[1]!, days[3]!];
    // The seeded history, recounted from the raw log.
    let issued = 0;
    for (const e of center.hall.log.all()) if (e.type === 'TicketIssued' && e.day >= from && e.day <= to) issued += 1;
    expect(issued).toBeGreaterThan(500);

    const page = await browser.newPage({ viewport: { width: 1360, height: 1400 }, acceptDownloads: true });
    await page.goto(`${center.httpUrl}/admin#reports`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-from').fill(from);
    await page.getByTestId('report-to').fill(to);
    await page.getByTestId('report-dim').selectOption('window');
    const total = page.getByTestId('report-table').locator('tr.total td');
    await expect.poll(() => total.nth(1).textContent(), { timeout: 15_000 }).toBe(String(issued));

    // Alarms of the range: one unstaffed window (20 min), one long wait (45 min).
    const kinds = page.getByTestId('report-alarms-kind');
    await expect.poll(() => kinds.locator('tr.total td').allTextContents()).toEqual(['合计', '2', '65.0 分', '45.0 分', '']);
    expect(await kinds.textContent()).toContain('窗口无人');
    expect(await page.getByTestId('report-alarms-window').textContent()).toContain(`${center.hall.config.windows[0]!.number}号窗口`);
    await page.getByTestId('report-alarms').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'center-admin-reports-alarms.png'), fullPage: true });

    // The export opens in exceljs with the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const first = wb.worksheets[0]!;
    const rows = first.getSheetValues().filter(Boolean) as unknown[][];
    const totalRow = rows.find((r) => r[1] === '合计');
    expect(totalRow?.[2]).toBe(issued);
    const alarms = wb.getWorksheet('告警')!;
    const alarmTotal = (alarms.getSheetValues().filter(Boolean) as unknown[][]).find((r) => r[1] === '合计');
    expect(alarmTotal?.slice(1)).toEqual(['合计', 2, 65, 45, 0]);
  }, 120_000);
});
