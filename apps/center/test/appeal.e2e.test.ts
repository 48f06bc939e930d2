// 申诉 of a 差评 in Chromium at the counter PC's 1366×768, on the demo's past (seedDemoHistory leaves
// some 差评 open): an admin files it from the 差评跟进 tab in an in-page dialog (the reason required,
// said at the field; 取消 records nothing), the case shows 申诉中 with who, when and why; the same admin
// is told in their language that another admin reviews it; a second admin upholds it with a note,
// the case shows 申诉成立, and the report of the rating's day counts it as 申诉成立 instead of a 差评.
// No browser prompt()/confirm() at any step. Screenshots: center-admin-appeal-dialog.png,
// center-admin-appeal-upheld.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hallDay } from '@hallkit/core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { reportsModule } from '../src/server/reports/ReportsModule.ts';
import { seedDemoHistory } from '../src/server/reports/demoHistory.ts';
import { ReportQuery, type Report } from '../src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../src/server/reports/ReportLabels.ts';
import { startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';
import { axeViolations, consoleScreenPage, smallTargets, CONSOLE_SCREEN } from './support/screenChecks.ts';
import { logInAsAdmin, submitConsoleLogin } from './support/logIn.ts';

const SHOTS = screenshotDir();
let center: Center;
let browser: Browser;
let caseId = '';
let ratedDay = '';

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: tempDir('hallkit-appeal-e2e-'), modules: [reportsModule()] });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  center.ctx.accounts.upsertAdmin('reviewer', 'pw-reviewer');
  seedDemoHistory(center.hall, new Date(), new Map(), 3);
  // The demo's past leaves 差评 open (not yet 回访): those can be appealed.
  const open = [...center.hall.state.followUps.values()].find((c) => c.state !== 'closed' && !c.appeal);
  expect(open, 'the demo has an open 差评 to appeal').toBeDefined();
  caseId = open!.caseId;
  ratedDay = hallDay(open!.openedAt, center.hall.config.catalog.hall.timeZone);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

async function followUpsAs(username: string, password: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const page = await consoleScreenPage(browser, lang);
  await logInAsAdmin(page, center.httpUrl, { username, password });
  await page.getByTestId('tab-followUps').click();
  return page;
}

const appeal = () => center.hall.state.followUps.get(caseId)?.appeal;

describe('申诉 on the 差评跟进 tab', () => {
  it('files an appeal in a dialog, shows it pending, and a second admin upholds it; the report counts it as 申诉成立', { timeout: 120_000 }, async () => {
    const dayBefore = reportOf(ratedDay);
    expect(dayBefore.total.bad).toBeGreaterThan(0);

    const page = await followUpsAs('admin', 'pw-admin');
    let browserDialogs = 0;
    page.on('dialog', (d) => (browserDialogs++, void d.dismiss()));
    const row = page.getByTestId(`case-${caseId}`);
    const dialog = page.getByRole('dialog');
    // A case from a closed day still names its ticket (the day's tickets are gone from memory).
    const number = center.hall.state.followUps.get(caseId)?.ticketNumber;
    expect(number).toMatch(/^[A-Z]{1,2}\d{3}$/);
    expect(await row.locator('td').first().textContent()).toContain(number);

    // 取消 records nothing; neither does Escape.
    await row.getByRole('button', { name: '申诉' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await row.getByRole('button', { name: '申诉' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The reason is required: said at the field, nothing sent.
    await row.getByRole('button', { name: '申诉' }).click();
    await dialog.getByRole('button', { name: '提交申诉' }).click();
    const problem = dialog.getByTestId('appeal-reason-error');
    expect(await problem.textContent()).toBe('请填写申诉理由');
    expect(await dialog.getByTestId('appeal-reason').getAttribute('aria-invalid')).toBe('true');
    // Too long: said at the field too.
    await dialog.getByTestId('appeal-reason').fill('长'.repeat(501));
    expect(await problem.textContent()).toContain('最多 500 字');
    await dialog.getByTestId('appeal-reason').fill('市民误按了不满意，当场已说明，录像可查');
    expect(await problem.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page, CONSOLE_SCREEN.minTargetPx)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'center-admin-appeal-dialog.png') });
    await new Promise((r) => setTimeout(r, 300));
    expect(appeal()).toBeUndefined();

    await dialog.getByRole('button', { name: '提交申诉' }).click();
    await waitUntil('the appeal filed', () => appeal()?.state === 'filed');
    const state = row.getByTestId('appeal-state');
    await expect.poll(() => state.textContent()).toContain('申诉中');
    expect(await state.textContent()).toContain('admin:admin');
    expect(await state.textContent()).toContain('市民误按了不满意，当场已说明，录像可查');
    expect(await row.getByRole('button', { name: '申诉', exact: true }).count()).toBe(0);

    // The admin who filed it cannot review it: told so in their language, nothing recorded.
    await row.getByRole('button', { name: '申诉成立' }).click();
    await dialog.getByRole('button', { name: '申诉成立' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('另一位管理员复核');
    expect(appeal()?.state).toBe('filed');
    await page.context().close();

    // A second admin upholds it, with a note.
    const second = await followUpsAs('reviewer', 'pw-reviewer');
    second.on('dialog', (d) => (browserDialogs++, void d.dismiss()));
    const row2 = second.getByTestId(`case-${caseId}`);
    await row2.getByRole('button', { name: '申诉成立' }).click();
    const d2 = second.getByRole('dialog');
    await d2.locator('textarea[name=note]').fill('调取录像核实为误评');
    await d2.getByRole('button', { name: '申诉成立' }).click();
    await waitUntil('the appeal upheld', () => appeal()?.state === 'upheld');
    const state2 = row2.getByTestId('appeal-state');
    await expect.poll(() => state2.textContent()).toContain('申诉成立');
    expect(await state2.textContent()).toContain('admin:reviewer');
    expect(await state2.textContent()).toContain('调取录像核实为误评');
    expect(await row2.getByRole('button', { name: '申诉成立' }).count()).toBe(0);
    // The 差评 is void: no 回访/整改 is offered or taken, no deadline runs.
    await expect.poll(() => row2.locator('td').nth(6).textContent()).toContain('无需回访整改');
    expect(await row2.getByRole('button', { name: '记录回访' }).count()).toBe(0);
    expect(await row2.getByRole('button', { name: '办结' }).count()).toBe(0);
    expect(await row2.getByTestId('deadline').textContent()).not.toContain('已超期');
    expect(() => center.hall.run('admin:reviewer', (h) => h.advanceFollowUp(caseId, 'contacted', 'admin:reviewer', new Date().toISOString()))).toThrow(/upheld/);
    await second.screenshot({ path: join(SHOTS, 'center-admin-appeal-upheld.png') });
    expect(browserDialogs).toBe(0);

    // Every step in the audit log.
    const audit = center.ctx.audit.recent(50).filter((e) => e.target === caseId).map((e) => [e.actor, e.action]);
    expect(audit).toEqual([
      ['admin:reviewer', 'follow-up-appeal-upheld'],
      ['admin:admin', 'follow-up-appealed'],
    ]);

    // The rating's day (closed before the decision): one 差评 fewer, one 申诉成立, on screen too.
    const after = reportOf(ratedDay);
    expect([after.total.bad, after.total.appealUpheld, after.total.rated]).toEqual([dayBefore.total.bad - 1, 1, dayBefore.total.rated - 1]);
    await second.getByTestId('tab-reports').click();
    await second.getByTestId('report-from').fill(ratedDay);
    await second.getByTestId('report-to').fill(ratedDay);
    const heads = await second.getByTestId('report-table').locator('thead th').allTextContents();
    const total = second.getByTestId('report-table').locator('tr.total td');
    await expect.poll(() => total.nth(heads.indexOf('申诉成立')).textContent(), { timeout: 15_000 }).toBe('1');
    expect(await total.nth(heads.indexOf('差评')).textContent()).toBe(String(after.total.bad));
    await second.context().close();
  });

  it('a 值班长 sees the 差评 of their zones only and files a 申诉 there; the 复核 is not offered to them', { timeout: 60_000 }, async () => {
    const open = [...center.hall.state.followUps.values()].filter((c) => c.state !== 'closed' && !c.appeal);
    const mine = open[0];
    if (!mine) throw new Error('the demo past has no second open 差评');
    const zoneOf = (c: { windowId: string }) => center.hall.state.windows.get(c.windowId)!.config.zoneId;
    center.ctx.accounts.saveStaff({ staffNo: 'ZB-E2E', name: '值班长', role: 'supervisor', zones: [zoneOf(mine)] }, '246813');
    const page = await consoleScreenPage(browser, 'zh-CN');
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByTestId('login-switch').click();
    await submitConsoleLogin(page, 'ZB-E2E', '246813');
    await page.getByTestId('tab-followUps').click();
    const rows = page.getByTestId('follow-ups').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe([...center.hall.state.followUps.values()].filter((c) => zoneOf(c) === zoneOf(mine)).length);
    const row = page.getByTestId(`case-${mine.caseId}`);
    expect(await row.getByRole('button', { name: '记录回访' }).count()).toBe(0);
    await row.getByRole('button', { name: '申诉' }).click();
    await page.getByRole('dialog').getByTestId('appeal-reason').fill('评价器故障，按键失灵');
    await page.getByRole('dialog').getByRole('button', { name: '提交申诉' }).click();
    await waitUntil('filed by the 值班长', () => center.hall.state.followUps.get(mine.caseId)?.appeal?.by === 'supervisor:ZB-E2E');
    await expect.poll(() => row.getByTestId('appeal-state').textContent()).toContain('申诉中');
    expect(await row.getByRole('button', { name: '申诉成立' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('in English, the appeal dialog and its field error speak English', async () => {
    const other = [...center.hall.state.followUps.values()].find((c) => c.state !== 'closed' && !c.appeal);
    if (!other) return; // the demo's past left only one open 差评
    const page = await followUpsAs('admin', 'pw-admin', 'en');
    await page.getByTestId(`case-${other.caseId}`).getByRole('button', { name: 'Appeal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'File appeal' }).click();
    expect(await dialog.getByTestId('appeal-reason-error').textContent()).toBe('Please give the reason for the appeal');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(center.hall.state.followUps.get(other.caseId)?.appeal).toBeUndefined();
    await page.context().close();
  });
});

/** The report of one day as the admin's 报表, Excel and print get it. */
function reportOf(day: string): Report {
  return new ReportQuery(center.ctx.db, center.hall, new ReportLabels(center.hall, () => undefined), () => new Date()).report(day, day, 'hall');
}
