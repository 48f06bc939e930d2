// Running the hall's day (issue 14) in Chromium against the real center and its embedded MQTT broker:
// an empty center gets its first admin from `admin create --link`; the admin creates a supervisor and
// a staff member in 人员; the staff member works at window 5 one day and window 7 the next (下班 in
// between, the center restarted overnight); the supervisor opens a window for a stranded category and
// the alarm clears; the service desk issues a green ticket that a strict window calls first; a 过号
// citizen follows the phone page's words to the desk and is back in line. Screenshots at real sizes:
// artifacts/screenshots/center-setup.png, center-desk*.png, center-supervisor-alarm*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import type { HallEvent } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { adminCommand } from '../src/cli/admin.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';
import { PHONE } from './support/phone.ts';

const DESK = { width: 1366, height: 768 };
const dataDir = tempDir();
// The hall's clock: real time (the CLI's setup link is dated by it), moved a day on after the night.
let shiftDays = 0;
const now = () => new Date(Date.now() + shiftDays * 86_400_000);

let center: Center;
let browser: Browser;
const pins: Record<string, string> = {};
const ADMIN_PASSWORD = 'Yantai-hall-2026';

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir, now });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const ticket = (number: string) => [...center.hall.state.tickets.values()].find((t) => t.number === number && t.day === center.hall.hall.day(now().toISOString()));
const events = (type: HallEvent['type']) => [...center.hall.log.all()].filter((e) => e.type === type);

async function staffLogin(page: Page, staffNo: string, pin: string): Promise<void> {
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('密码（PIN）').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
}

// Each step drives several browser pages on 2 shared cores.
describe('a first morning in a new hall', { timeout: 120_000 }, () => {
  it('bootstrap: admin create prints a one-time link, the page sets the password and lands in the admin console', async () => {
    expect(center.ctx.accounts.adminNames()).toEqual([]);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await adminCommand(['create', 'zhangwei', `--data=${dataDir}`, `--public-url=${center.httpUrl}`], io)).toBe(0);
    const link = out.join('\n').match(/(http\S+\/setup#token=[\w-]+)/)?.[1];
    expect(link, out.join('\n')).toBeTruthy();
    const page = await browser.newPage({ viewport: DESK });
    await page.goto(link as string);
    await page.getByText('为管理员 zhangwei 设置密码').waitFor();
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.getByLabel('新密码').fill('short');
    await page.getByLabel('再输入一次').fill('short');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('密码至少 10 位');
    await page.getByLabel('新密码').fill(ADMIN_PASSWORD);
    await page.getByLabel('再输入一次').fill(ADMIN_PASSWORD);
    await page.screenshot({ path: join(SCREENSHOTS, 'center-setup.png') });
    await page.getByTestId('setup-submit').click();
    await page.waitForURL(/\/admin$/);
    await page.getByTestId('tab-staff').click();

    // 人员: a supervisor for the 公积金 zone and a staff member who may use windows 5 and 7.
    const form = page.getByTestId('staff-form');
    await form.getByLabel('工号').fill('YTZB09');
    await form.getByLabel('姓名').fill('陈值班');
    await form.getByLabel('角色').selectOption('supervisor');
    await form.getByLabel('管理区域').selectOption(['gjj']);
    await form.getByRole('button', { name: '保存' }).click();
    pins.YTZB09 = (await page.getByTestId('staff-saved').textContent())?.match(/PIN：(\d+)/)?.[1] ?? '';
    expect(pins.YTZB09).toMatch(/^\d{6,}$/);
    await form.getByLabel('工号').fill('YT0909');
    await form.getByLabel('姓名').fill('李新');
    await form.getByLabel('角色').selectOption('staff');
    await form.getByLabel(/可登录窗口/).fill('5,7');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await page.getByTestId('staff-saved').textContent()) ?? '').toContain('李新');
    pins.YT0909 = (await page.getByTestId('staff-saved').textContent())?.match(/PIN：(\d+)/)?.[1] ?? '';
    expect(pins.YT0909).toMatch(/^\d{4,}$/);
    expect(center.ctx.accounts.staff('YTZB09')).toMatchObject({ role: 'supervisor', zones: ['gjj'] });
    expect(center.ctx.accounts.staff('YT0909')).toMatchObject({ role: 'staff', windows: '5,7' });
    expect(center.ctx.audit.recent(50).filter((a) => a.actor === 'admin:zhangwei').length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('one staff member at window 5 one day (下班 closes it) and at window 7 the next', async () => {
    const day1 = center.hall.hall.day(now().toISOString());
    const t1 = center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    const page = await browser.newPage({ viewport: DESK });
    await page.goto(`${center.httpUrl}/console/w5`);
    await staffLogin(page, 'YT0909', pins.YT0909 as string);
    await page.getByTestId('call-next').waitFor();
    await expect.poll(() => center.hall.state.windows.get('w5')?.staff?.id).toBe('YT0909');
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(t1.ok ? t1.number : '?');
    await page.keyboard.press('F4');
    await expect.poll(() => ticket(t1.ok ? t1.number : '?')?.status).toBe('done');
    // 下班: the window closes under them and the log-in form is back.
    await page.getByTestId('off-duty').click();
    await page.getByTestId('off-duty-confirm').click();
    await page.getByLabel('工号').waitFor();
    expect(center.hall.state.windows.get('w5')?.status).toBe('closed');
    await page.close();

    // The night: the center is off, the next morning it starts and closes Monday.
    await center.stop();
    shiftDays = 1;
    center = await startCenter({ dataDir, now });
    const day2 = center.hall.hall.day(now().toISOString());
    expect(day2 > day1).toBe(true);
    const tue = await browser.newPage({ viewport: DESK });
    await tue.goto(`${center.httpUrl}/console/w7`);
    await staffLogin(tue, 'YT0909', pins.YT0909 as string);
    await tue.getByTestId('call-next').waitFor();
    await expect.poll(() => center.hall.state.windows.get('w7')?.staff?.id).toBe('YT0909');
    // Both mornings are in the log: window 5 opened under YT0909 on Monday, window 7 on Tuesday.
    const opened = events('WindowOpened').flatMap((e) => (e.type === 'WindowOpened' && e.staff.id === 'YT0909' ? [[e.windowId, center.hall.hall.day(e.at)]] : []));
    expect(opened).toEqual([
      ['w5', day1],
      ['w7', day2],
    ]);
    expect(events('HallDayClosed').length).toBeGreaterThanOrEqual(1);
    // Window 5 stays closed on Tuesday.
    expect(center.hall.state.windows.get('w5')?.status).toBe('closed');
    await tue.close();
  });

  it('a supervisor sees the stranded 公积金 queue at once, opens a window for it, and the alarm clears', async () => {
    center.ctx.accounts.saveStaff({ staffNo: 'YT9701', name: '孙公积', windows: '97-101' }, '9701');
    const fund = center.ctx.desk.issue({ categoryId: 'fund', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    expect(fund.ok).toBe(true);
    const page = await browser.newPage({ viewport: DESK });
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByTestId('login-switch').click();
    await staffLogin(page, 'YTZB09', pins.YTZB09 as string);
    const alarm = page.getByTestId('alarm-stranded:fund');
    await expect.poll(() => alarm.textContent()).toContain('C 住房公积金：1 人等候，没有开放的窗口');
    // Only the supervisor's zone: 综合政务 alarms (none here) and windows are not on their map.
    expect(await page.getByTestId('win-w5').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'center-supervisor-alarm.png') });
    await page.getByTestId('win-w97').getByRole('button').first().click();
    await page.getByTestId('staff-select').selectOption('YT9701');
    await page.getByTestId('open-window').click();
    await expect.poll(() => alarm.count()).toBe(0);
    expect(center.hall.state.windows.get('w97')).toMatchObject({ status: 'open', staff: { id: 'YT9701' } });
    // Opened for 孙公积 but nobody at its console yet: that is the next alarm, until they log in there.
    await expect.poll(() => page.getByTestId('alarm-unstaffed:w97').count()).toBe(1);
    const counter = await browser.newPage({ viewport: DESK });
    await counter.goto(`${center.httpUrl}/console/w97`);
    await staffLogin(counter, 'YT9701', '9701');
    await counter.getByTestId('call-next').waitFor();
    await expect.poll(() => page.getByTestId('alarms').textContent()).toContain('没有告警');
    await counter.getByTestId('call-next').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe(fund.ok ? fund.number : '?');
    await counter.close();
    expect(center.ctx.audit.recent(30).some((a) => a.actor === 'supervisor:YTZB09' && a.target === 'w97')).toBe(true);
    await page.close();
  });

  it('the service desk issues a green ticket (ground: disabled) that a window with the strict rule calls before earlier tickets', async () => {
    center.ctx.accounts.saveStaff({ staffNo: 'YTDF09', name: '周导服', role: 'desk' }, '1357');
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'zhangwei', password: ADMIN_PASSWORD });
    // Window 7 (YT0909 is logged in there since this morning) calls priority tickets first for the rest of the day.
    const assign = await admin.post('/api/staffing/windows/w7/assign', { categoryIds: ['general', 'social'], rule: { mode: 'strict' } });
    expect(assign.status).toBe(200);
    for (let i = 0; i < 2; i++) center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority: 'normal' }, 'kiosk-1');

    const desk = await browser.newPage({ viewport: DESK });
    await desk.goto(`${center.httpUrl}/desk`);
    await staffLogin(desk, 'YTDF09', '1357');
    await desk.getByTestId('category-general').click();
    await desk.getByTestId('desk-green').check();
    await desk.getByTestId('ground-disabled').check();
    await desk.screenshot({ path: join(SCREENSHOTS, 'center-desk-green.png') });
    await desk.getByTestId('desk-issue').click();
    await desk.getByTestId('desk-slip').waitFor();
    const number = (await desk.locator('.slip-number').textContent()) ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    expect(await desk.getByTestId('slip-green').textContent()).toBe('绿色通道');
    expect(ticket(number)).toMatchObject({ priority: 'green', issuerId: 'desk:YTDF09' });
    await desk.screenshot({ path: join(SCREENSHOTS, 'center-desk.png') });
    // The next citizen is not green by leftover choice.
    expect(await desk.getByTestId('desk-green').isChecked()).toBe(false);
    await desk.close();

    const counter = await browser.newPage({ viewport: DESK });
    await counter.goto(`${center.httpUrl}/console/w7`);
    await staffLogin(counter, 'YT0909', pins.YT0909 as string);
    await counter.getByTestId('call-next').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe(number);
    await counter.getByTestId('finish').click();
    await counter.close();
  });

  it('a 过号 citizen reads on the phone to go to the service desk, and the desk puts them back in line', async () => {
    const t = center.ctx.desk.issue({ categoryId: 'social', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    if (!t.ok) throw new Error(t.message);
    const w = new ConsoleClient(center.httpUrl);
    await w.login('staff', { staffNo: 'YT0909', pin: pins.YT0909 as string, windowId: 'w7' });
    for (let i = 0; i < 10 && ticket(t.number)?.status === 'waiting'; i++) await w.post('/api/windows/w7/call-next');
    expect(ticket(t.number)?.status).toBe('called');
    await w.post('/api/windows/w7/recall');
    await w.post('/api/windows/w7/recall');
    expect((await w.post('/api/windows/w7/no-show')).status).toBe(200);

    const phone = await browser.newPage(PHONE);
    await phone.goto(t.followUrl);
    await expect.poll(() => phone.getByTestId('no-show').textContent()).toMatch(/请在 \d{2}:\d{2} 前.*到导服台出示本票/);
    await phone.screenshot({ path: join(SCREENSHOTS, 'center-phone-no-show.png') });

    const desk = await browser.newPage({ viewport: DESK });
    await desk.goto(`${center.httpUrl}/desk`);
    await staffLogin(desk, 'YTDF09', '1357');
    await desk.getByTestId('lookup-number').fill(t.number.toLowerCase());
    await desk.getByTestId('lookup').click();
    await expect.poll(() => desk.getByTestId(`found-${t.number}`).getByTestId('found-status').textContent()).toContain('过号');
    await desk.screenshot({ path: join(SCREENSHOTS, 'center-desk-lookup.png') });
    await desk.getByTestId(`requeue-${t.number}`).click();
    await expect.poll(() => desk.getByTestId('requeued').textContent()).toBe(`${t.number} 已重新排队`);
    expect(ticket(t.number)?.status).toBe('waiting');
    // The phone follows: waiting again, with the people ahead.
    await phone.getByTestId('ahead').waitFor();
    await phone.close();
    await desk.close();
  });

  it('the 好差评 auditor reads ratings, follow-ups, reports and the audit log at /admin, and can change nothing there', async () => {
    center.ctx.accounts.saveStaff({ staffNo: 'YTPJ09', name: '吴督查', role: 'auditor' }, '975310');
    const page = await browser.newPage({ viewport: DESK });
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByTestId('login-switch').click();
    await staffLogin(page, 'YTPJ09', '975310');
    await page.getByTestId('satisfaction').waitFor();
    expect(await page.locator('nav.tabs button').allTextContents()).toEqual(['评价', '差评跟进', '报表', '操作日志']);
    await page.getByTestId('tab-followUps').click();
    await page.getByTestId('follow-ups').waitFor();
    expect(await page.getByTestId('follow-ups').getByRole('button').count()).toBe(0);
    await page.getByTestId('tab-audit').click();
    // The desk's green ticket and its ground are in the log the auditor reads.
    await expect.poll(() => page.locator('table').first().textContent()).toContain('green-ticket-issued');
    await page.screenshot({ path: join(SCREENSHOTS, 'center-auditor.png') });
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-export').waitFor();
    await page.close();
  });

  it('人员, 调流 with its alarms, and the desk speak English and 繁體 too', async () => {
    center.ctx.desk.issue({ categoryId: 'police', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    const page = await browser.newPage({ viewport: DESK });
    await page.addInitScript(() => localStorage.setItem('hallkit.lang', 'en'));
    await page.goto(`${center.httpUrl}/admin#staffing`);
    await page.getByLabel('User name').fill('zhangwei');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Category and zone names from the hall file's English translations, not its Simplified names.
    await expect.poll(() => page.getByTestId('alarm-stranded:police').textContent()).toMatch(/^B Household Registration and Exit-Entry: 1 waiting, no window open \(since \d{2}:\d{2}\)$/);
    expect(await page.locator('details.zone summary strong').allTextContents()).toContain('Police Services');
    const chip = page.locator('.cat-chips .chip', { hasText: 'Household Registration and Exit-Entry' });
    expect(await chip.textContent()).toBe('B Household Registration and Exit-Entry · 1 waiting · 0 windows open');
    // One window open for the queue: singular.
    const policeWindow = [...center.hall.state.windows.values()].find((w) => w.status === 'closed' && w.config.categoryIds.includes('police'));
    if (!policeWindow) throw new Error('a closed police window');
    center.hall.run('center', (h) => h.openWindow(policeWindow.config.id, { id: 'YT9901', name: '赵警官' }, new Date().toISOString()));
    await expect.poll(() => chip.textContent()).toBe('B Household Registration and Exit-Entry · 1 waiting · 1 window open');
    center.hall.run('center', (h) => h.closeWindow(policeWindow.config.id, new Date().toISOString()));
    await page.getByTestId('win-w5').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('assign-window').textContent()).toBe('Re-assign');
    await page.screenshot({ path: join(SCREENSHOTS, 'center-admin-staffing-en.png') });
    await page.getByTestId('tab-staff').click();
    await expect.poll(() => page.getByTestId('staff-form').locator('h2').textContent()).toBe('Add / change staff');
    expect(await page.getByTestId('staff-table').locator('thead').textContent()).toBe('Staff no.NameRoleWindows / zonesState');
    expect(await page.getByTestId('staff-table').textContent()).toContain('Supervisor');
    await page.goto(`${center.httpUrl}/desk`);
    await page.addInitScript(() => localStorage.setItem('hallkit.lang', 'zh-TW'));
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toContain('導服台');
    await page.close();
  });
});

