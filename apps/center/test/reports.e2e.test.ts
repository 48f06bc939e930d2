// 报表 in Chromium against the real center with generated past days and alarms: the admin picks a
// range and a breakdown; the figures on screen are those of the seeded history (tickets issued and
// served recounted from the raw log), the alarms of the range are shown by kind, zone and window, and
// the exported workbook opens in exceljs with the same totals and the same alarms.
// The chart speaks the console's language and, off the plot, shows the latest period's figures
// (never uPlot's "--"); in English or 繁體 the rows, the total and the export are named in it too. Screenshots: center-admin-reports.png, center-admin-reports-alarms.png,
// center-admin-reports-en.png, center-admin-report-print.png, center-report-workbook.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
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

/** The admin logs in and shows the report for a range, by window. */
async function showReport(page: Page, from: string, to: string): Promise<void> {
  await page.goto(`${center.httpUrl}/admin#reports`);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('pw-admin');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('tab-reports').click();
  await page.getByTestId('report-from').fill(from);
  await page.getByTestId('report-to').fill(to);
  await page.getByTestId('report-dim').selectOption('window');
}

describe('报表 in the admin console', () => {
  it('shows the seeded history and its alarms for a chosen range, and exports the same figures', async () => {
    const [from, to] = [days[1]!, days[3]!];
    // The seeded history, recounted from the raw log.
    let issued = 0;
    for (const e of center.hall.log.all()) if (e.type === 'TicketIssued' && e.day >= from && e.day <= to) issued += 1;
    expect(issued).toBeGreaterThan(500);

    const page = await browser.newPage({ viewport: { width: 1360, height: 1400 }, acceptDownloads: true });
    await showReport(page, from, to);
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
  it("draws the chart in the console's language with the latest period's figures in its legend", async () => {
    const [from, to] = [days[0]!, days.at(-1)!];
    const page = await browser.newPage({ viewport: { width: 1600, height: 1100 }, locale: 'zh-CN' });
    await showReport(page, from, to);
    const legend = page.getByTestId('report-chart').locator('.u-legend');
    await expect.poll(() => legend.textContent(), { timeout: 15_000 }).toContain(to);
    const lastDay = center.ctx.db.prepare("SELECT sum(issued) AS n FROM report_day_figures WHERE dim = 'hall' AND day = ?").get(to) as { n: number };
    const zh = (await legend.textContent()) ?? '';
    expect(zh).not.toContain('--');
    expect(zh).toContain('取号');
    expect(zh).toContain(String(lastDay.n));
    await page.screenshot({ path: join(SHOTS, 'center-admin-reports.png') });

    // The printed monthly report: A4 landscape print CSS, no controls, no language switch.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint'))); // what Chrome fires on 打印
    await expect.poll(() => page.locator('.topbar select').isVisible()).toBe(false);
    expect(await page.locator('.report-controls').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'center-admin-report-print.png'), fullPage: true });
    const chartWidth = await page.getByTestId('report-chart').locator('canvas').first().evaluate((c) => c.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(1123 - 2 * 45); // inside the A4 landscape page's 12 mm margins
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1600, height: 1100 });

    // The exported workbook's first sheet, drawn as a spreadsheet shows it (for the README).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const tds: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return; // drawn by its merged master
        let span = 1;
        if (cell.isMerged) row.eachCell({ includeEmpty: true }, (c) => void (c !== cell && c.isMerged && c.master.address === cell.address && span++));
        const v = cell.value;
        tds.push(`<td${span > 1 ? ` colspan="${span}" style="text-align:left"` : ''}>${typeof v !== 'number' ? String(v ?? '') : cell.numFmt?.includes('%') ? `${(v * 100).toFixed(1)}%` : Number.isInteger(v) ? v : v.toFixed(1)}</td>`);
      });
      cells.push(`<tr class="${n === 1 ? 'title' : n === 2 ? 'head' : ''}"><th>${n}</th>${tds.join('')}</tr>`);
    });
    const sheetPage = await browser.newPage({ viewport: { width: 1500, height: 400 } });
    await sheetPage.setContent(`<html><head><style>body{font:13px "Noto Sans CJK SC",sans-serif;margin:8px}table{border-collapse:collapse}td,th{border:1px solid #c8ccd2;padding:2px 6px;text-align:right;white-space:nowrap}th{background:#f1f3f5;color:#666;font-weight:400}td:nth-child(2){text-align:left}tr.head td{background:#dde6f0;font-weight:700;text-align:center}tr.title td{background:#fff;font-size:16px;font-weight:700}</style></head><body><div>${wb.worksheets.map((w, i) => (i === 0 ? `<b>${w.name}</b>` : w.name)).join(' | ')}</div><table>${cells.join('')}</table></body></html>`);
    await sheetPage.screenshot({ path: join(SHOTS, 'center-report-workbook.png'), fullPage: true });
    await sheetPage.close();

    await page.locator('select').filter({ hasText: 'English' }).first().selectOption('en');
    await expect.poll(() => legend.textContent(), { timeout: 15_000 }).toContain('Tickets');
    const en = (await legend.textContent()) ?? '';
    expect(en).not.toMatch(/取号|办结|日期/);
    expect(en).toContain('Avg wait (min)');
    // The satisfaction-by-channel table: headed, and every channel named in English.
    const channels = page.getByTestId('report-channels');
    expect(await channels.locator('th').allTextContents()).toEqual(['Channel', 'Rated', 'Satisfied']);
    const names = await channels.locator('tbody td:first-child').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Window pad', 'Mobile']));
    for (const n of names) expect(n, 'a channel named in Chinese on the English screen').not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('report-chart').screenshot({ path: join(SHOTS, 'center-admin-reports-en.png') });
    // The rows and the total row are named in English too (Window 5, not 5号窗口; 合计 is Total).
    const table = page.getByTestId('report-table');
    await expect.poll(() => table.locator('tr.total td').first().textContent(), { timeout: 15_000 }).toBe('Total');
    const windows = await table.locator('tbody tr:not(.total) td:first-child').allTextContents();
    expect(windows.length).toBeGreaterThan(3);
    for (const w of windows) expect(w).toMatch(/^Window \d+$|^\(not called\)$/);
    expect(await page.getByTestId('report-alarms-window').textContent()).toContain(`Window ${center.hall.config.windows[0]!.number}`);
    await page.getByTestId('report-dim').selectOption('zone');
    await expect.poll(() => table.locator('tbody td:first-child').allTextContents(), { timeout: 15_000 }).toContain('General Government Services');
    for (const z of await table.locator('tbody td:first-child').allTextContents()) expect(z, 'a zone named in Chinese on the English screen').not.toMatch(/[\u4e00-\u9fff]/);
    // The export follows the console's language: English sheets, headings, rows and total.
    const [enDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(readFileSync((await enDownload.path())!) as unknown as ArrayBuffer);
    expect(enBook.worksheets[0]!.name).toBe('By zone');
    const enRows = enBook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(enRows.find((r) => r[1] === 'Total')?.[2]).toBe(Number(await table.locator('tr.total td').nth(1).textContent()));
    expect(enRows.map((r) => r[1])).toContain('General Government Services');
    // And in 繁體.
    await page.locator('select').filter({ hasText: 'English' }).first().selectOption('zh-TW');
    await expect.poll(() => table.locator('tr.total td').first().textContent(), { timeout: 15_000 }).toBe('合計');
    await expect.poll(() => table.locator('tbody td:first-child').allTextContents()).toContain('綜合政務區');
    // The 评价 tab names windows and items in the console's language too (the ratings its 差评 keep).
    await page.getByTestId('tab-evaluations').click();
    const rateWindows = page.getByTestId('rates-window').locator('tbody td:first-child');
    await expect.poll(() => rateWindows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const w of await rateWindows.allTextContents()) expect(w).toMatch(/^\d+號窗口$/);
    await page.locator('select').filter({ hasText: 'English' }).first().selectOption('en');
    await expect.poll(() => rateWindows.first().textContent()).toMatch(/^Window \d+$/);
    for (const i of await page.getByTestId('rates-item').locator('tbody td:first-child').allTextContents()) expect(i, 'an item named in Chinese on the English screen').not.toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  }, 120_000);
});
