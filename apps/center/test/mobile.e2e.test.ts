// The citizen's phone pages in Chromium at 375×812 against the real center (SQLite, HTTP, SSE) and
// a real Mosquitto: follow a ticket while a window calls it, remote tickets in line with on-site
// ones, limits refused with a clear message, book → kiosk check-in → priority ticket, rate later
// once, progress look-up, link scraping stopped. Screenshots go to docs/screenshots/phone-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import { APPOINTMENT_REQUESTS, AppointmentCheckInResponseSchema, CaseLookupResponseSchema, hallLocalTime } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import { LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { idCheckCharacter } from '../src/mobile/identity/idNumber.ts';
import type { SlotPlan } from '../src/mobile/appointments/SlotPlan.ts';
import { DEMO_APPLICANTS } from '../src/mobile/cases/demoCases.ts';
import { codeCapturingLogger, PHONE } from './support/phone.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { lowContrast } from './support/contrast.ts';
import { logInByPhone } from './support/logIn.ts';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = screenshotDir();
const id = (first17: string) => first17 + idCheckCharacter(first17);
const FUND_WINDOW = 'w97'; // the first window dedicated to 住房公积金 in the Yantai layout

let mosquitto: Mosquitto;
let center: Center;
let browser: Browser;
let staff: ConsoleClient;
const dir = tempDir('hallkit-mobile-');
const { log, codes } = codeCapturingLogger();

/** A plan whose hour-long slots cover the whole day, every day: the test books the slot of "now". */
const allDay: SlotPlan = {
  v: 1,
  categoryId: 'fund',
  enabled: true,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  workingDaysOnly: false,
  slots: Array.from({ length: 24 }, (_, h) => ({ from: h * 60, to: h * 60 + 60, capacity: 3 })),
  daysAhead: 3,
  sameDay: true,
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
  perIdPerDay: 1,
};

beforeAll(async () => {
  const web = join(dir, 'web');
  const build = spawnSync(join(APP_DIR, '../../node_modules/.bin/vite'), ['build', '--config', 'vite.config.ts', '--outDir', web, '--emptyOutDir'], { cwd: APP_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  mkdirSync(SHOTS, { recursive: true });
  mosquitto = await Mosquitto.start();
  const config = shippedHall('yantai', { allDay: true });
  config.catalog.categories = config.catalog.categories.map((c) => (c.id === 'tax' ? { ...c, remoteDailyQuota: 1 } : c));
  center = await startCenter({
    dataDir: dir,
    hallConfig: config,
    mqttUrl: mosquitto.url,
    webDir: web,
    logger: log,
    modules: [mobileModule({ codeSender: () => new LogCodeSender(log), seedSlotPlans: [allDay], login: { resendAfterMs: 0 } })],
  });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0971', name: '刘静', windowId: FUND_WINDOW }, '0971');
  staff = new ConsoleClient(center.httpUrl);
  await staff.login('staff', { staffNo: 'YT0971', pin: '0971' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
  await mosquitto?.stop();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

const atWindow = async (action: string, body: unknown = {}) => {
  const r = await staff.post<{ result: unknown }>(`/api/windows/${FUND_WINDOW}/${action}`, body);
  if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.result;
};
const onsite = () => {
  const r = center.ctx.desk.issue({ categoryId: 'fund', source: 'on-site', priority: 'normal' }, 'kiosk-1');
  if (!r.ok) throw new Error(r.code);
  return r;
};
/** Drain the fund line so each test starts from an empty counter. */
async function drain(): Promise<void> {
  while ((await atWindow('call-next')) !== null) await atWindow('finish', { outcome: 'completed' });
}

/**
 * WCAG AA (4.5:1, large text 3:1) for every text, button and link on the page in the state it is in
 * now, measured in Chromium: the console's white button text once made the phone buttons blank.
 */
async function expectReadable(page: Page, where: string): Promise<void> {
  expect(await lowContrast(page), `contrast on ${where}`).toEqual([]);
}

async function login(page: Page, phoneNo: string): Promise<void> {
  await logInByPhone(page, phoneNo, { codes, check: (stage) => expectReadable(page, `log-in: ${stage}`) });
  await page.getByText(`已登录 ${phoneNo.slice(0, 3)}****${phoneNo.slice(7)}`).waitFor();
}

describe('phone pages', () => {
  it('follow my ticket: live while the window calls, recalls and marks no-show; back after a network blip', async () => {
    await drain();
    const first = onsite();
    const mine = onsite();
    const { context, page } = await phone();
    await page.goto(mine.followUrl);
    await expect.poll(() => page.getByTestId('number').textContent()).toBe(mine.number);
    await expect.poll(() => page.getByTestId('ahead').textContent()).toBe('前面还有 1 人');
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toMatch(/3706|\*\*\*\*/); // nothing personal on a ticket link
    await expectReadable(page, 'follow, waiting');
    await page.screenshot({ path: join(SHOTS, 'phone-follow.png') });
    await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));

    expect(await atWindow('call-next')).toBe(first.number);
    await expect.poll(() => page.getByTestId('ahead').textContent()).toBe('前面还有 0 人');
    await atWindow('finish', { outcome: 'completed' });
    expect(await atWindow('call-next')).toBe(mine.number);
    await expect.poll(() => page.getByTestId('called').textContent()).toBe('请到 97 号窗口办理');
    expect(await page.evaluate(() => (window as unknown as { __hkAlerts?: number }).__hkAlerts ?? 0)).toBeGreaterThanOrEqual(1);
    await expectReadable(page, 'follow, called');
    await page.screenshot({ path: join(SHOTS, 'phone-called.png') });

    // A network blip: the page says so, then catches up without a reload.
    await context.setOffline(true);
    await atWindow('recall');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('called').textContent(), { timeout: 10_000 }).toBe('第 1 次重呼：请尽快到 97 号窗口');
    await atWindow('recall');
    await expect.poll(() => page.getByTestId('called').textContent()).toContain('第 2 次重呼');
    await atWindow('no-show');
    await expect.poll(() => page.getByTestId('no-show').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);
    await context.close();
  });

  it('remote ticket: taken on the phone, called in order with on-site tickets; limits refuse with a clear message', async () => {
    await drain();
    const before = onsite();
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/take`);
    await login(page, '13800138000');
    await page.locator('select[name=category]').selectOption('fund');
    await page.locator('select[name=item]').selectOption('fund-withdrawal');
    const alice = id('37060219900101123');
    await page.locator('input[name=idNumber]').fill(alice);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await page.getByTestId('remote-got').waitFor();
    const remoteNumber = (await page.locator('[data-testid=remote-got] .m-number').textContent()) ?? '';
    expect(remoteNumber).toMatch(/^C\d{3}$/);
    await expectReadable(page, 'remote ticket taken');
    await page.screenshot({ path: join(SHOTS, 'phone-remote-ticket.png') });
    const after = onsite();

    // The same ID again in the same category today: refused, said plainly.
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('select[name=category]').selectOption('fund');
    await page.locator('input[name=idNumber]').fill(alice);
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('同一身份证号每天每项业务限取 1 个线上号');
    // 办税服务 has a daily remote quota of 1: the second person is told to take one in the hall.
    await page.locator('select[name=category]').selectOption('tax');
    await page.locator('input[name=idNumber]').fill(id('37060219800202456'));
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await expect.poll(() => page.getByTestId('error').isVisible()).toBe(false);
    await page.getByTestId('remote-got').waitFor();
    await page.getByRole('button', { name: '返回' }).click();
    await page.locator('select[name=category]').selectOption('tax');
    await page.locator('input[name=idNumber]').fill(id('37060219700303789'));
    await page.getByRole('button', { name: '取号', exact: true }).click();
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('今日该业务线上号已取完（每日 1 个），请到现场取号');
    await expectReadable(page, 'remote ticket refused, my tickets listed');

    // The window calls by issue time, whatever the source.
    expect([await atWindow('call-next'), await atWindow('call-next'), await atWindow('call-next')]).toEqual([before.number, remoteNumber, after.number]);
    const remote = [...center.hall.state.tickets.values()].find((t) => t.number === remoteNumber && t.categoryId === 'fund');
    expect(remote?.source).toBe('remote');
    await atWindow('finish', { outcome: 'completed' });
    await context.close();
  });

  it('appointment: book the slot of now, check in through the kiosk request, get a priority ticket called first; kiosk case look-up', async () => {
    await drain();
    const waiting = onsite();
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/book`);
    await login(page, '13900139000');
    await page.locator('select[name=category]').selectOption('fund');
    await page.locator('select[name=item]').selectOption('fund-loan');
    const local = hallLocalTime(Date.now(), 'Asia/Shanghai');
    const hour = `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0')}:00`;
    await expectReadable(page, 'booking: days and slots (earlier ones past)');
    await page.locator(`button[data-slot="${hour}"]`).click();
    await expectReadable(page, 'booking: a slot chosen');
    await page.locator('input[name=idNumber]').fill(id('37061319920707456'));
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByTestId('booking').waitFor();
    const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    expect(await page.locator('.m-qr svg').count()).toBe(1);
    expect(await page.textContent('[data-testid=booking]')).toContain('3706**********');
    await expectReadable(page, 'one booking');
    await page.screenshot({ path: join(SHOTS, 'phone-appointment.png') });
    await page.getByRole('button', { name: '改约' }).click();
    await page.locator('.m-slot').first().waitFor();
    await expectReadable(page, 'one booking, moving it');
    await page.getByRole('button', { name: '取消', exact: true }).click();

    // The kiosk's request over MQTT (what apps/kiosk's host sends), from a provisioned device identity.
    await center.provisionKnown({ deviceId: 'kiosk-e2e', role: 'kiosk', name: '一楼东厅取号机' }, 'kiosk-secret');
    const kiosk = openDevice(dir, mosquitto.url, 'yantai', 'kiosk-e2e', 'kiosk-secret');
    kiosk.link.start();
    try {
      await waitUntil('kiosk online', () => kiosk.link.status().connected);
      const r = await kiosk.link.request(APPOINTMENT_REQUESTS.checkIn, { v: 1, code: code.toLowerCase() }, { timeoutMs: 5000, schema: AppointmentCheckInResponseSchema });
      if (!r.ok || !r.body.ok) throw new Error(JSON.stringify(r));
      expect(r.body.ticket.priority).toBe('appointment');
      // The slip's QR code: the follow link with the center's QR mark (ratings from it are 二维码).
      expect(r.body.ticket.followUrl).toMatch(/\/m\/t\/[A-Za-z0-9_-]{22}\?q=[A-Za-z0-9_-]{16}$/);
      const again = await kiosk.link.request(APPOINTMENT_REQUESTS.checkIn, { v: 1, code }, { timeoutMs: 5000, schema: AppointmentCheckInResponseSchema });
      expect(again.ok && again.body).toMatchObject({ ok: false, code: 'already-used' });
      // The kiosk's progress look-up by ID card answers from the same case book as the phone page.
      const cases = await kiosk.link.request(APPOINTMENT_REQUESTS.caseLookup, { v: 1, idNumber: DEMO_APPLICANTS.li }, { timeoutMs: 5000, schema: CaseLookupResponseSchema });
      expect(cases.ok && cases.body.ok && cases.body.cases.map((c) => c.receiptCode).sort()).toEqual(['YT20260003', 'YT20260004']);
      // Priority: called before the normal ticket that was waiting already.
      expect(await atWindow('call-next')).toBe(r.body.ticket.number);
      expect(await atWindow('call-next')).toBe(waiting.number);
      await page.reload();
      await expect.poll(() => page.getByTestId('booking').getAttribute('data-status')).toBe('checked-in');
      expect(await page.textContent('[data-testid=booking]')).toContain(r.body.ticket.number);
    } finally {
      await kiosk.close();
    }
    await atWindow('finish', { outcome: 'completed' });
    await context.close();
  });

  it('rate later: only once the window’s rating has closed, once from the ticket link, a second try refused', async () => {
    await drain();
    const t = onsite();
    expect(await atWindow('call-next')).toBe(t.number);
    await atWindow('finish', { outcome: 'completed' });
    const { context, page } = await phone();
    await page.goto(t.followUrl);
    // The window's pad has the first say: a phone rating now could beat the pad after it said 谢谢.
    await expect.poll(() => page.getByTestId('rate-at-window').textContent()).toMatch(/^请先在 97 号窗口的评价器上评价；窗口评价结束后可在此补充评价（最迟 \d\d:\d\d 开放）$/);
    expect(await page.getByTestId('rate').count()).toBe(0);
    // The pad of window 97 records "not rated" when its time is up; the page opens the form by itself.
    await center.provisionKnown({ deviceId: 'pad-w97', role: 'evaluator', name: '97号窗口评价器', windowId: FUND_WINDOW }, 'pad-secret');
    const pad = openDevice(dir, mosquitto.url, 'yantai', 'pad-w97', 'pad-secret');
    pad.link.start();
    const serviceId = center.hall.state.tickets.get(t.ticketId)?.services.at(-1)?.serviceId ?? '';
    pad.store.append({ type: 'EvaluationLapsed', v: 1, at: new Date().toISOString(), serviceId, ticketId: t.ticketId });
    await page.getByTestId('rate').waitFor();
    await pad.close();
    await expectReadable(page, 'rate later, no level chosen');
    await page.getByRole('button', { name: '不满意', exact: true }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('不满意的评价请至少选择一个原因');
    await expectReadable(page, 'rate later, dissatisfied without a reason');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    // The comment box, as the pad has: kept with the rating (the record's 200 characters at most).
    await page.getByPlaceholder('意见建议（选填）').fill('窗口人员讲解很耐心，谢谢');
    expect(await page.getByPlaceholder('意见建议（选填）').getAttribute('maxlength')).toBe('200');
    await expectReadable(page, 'rate later, satisfied chosen');
    await page.screenshot({ path: join(SHOTS, 'phone-rate.png') });
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('rate-thanks').waitFor();
    const given = [...center.hall.state.evaluations.values()].filter((e) => e.ticketId === t.ticketId);
    // The page was opened from the ticket's QR code (the kiosk's followUrl, with the center's mark): 二维码.
    expect(new URL(t.followUrl).searchParams.get('q')).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(given.map((e) => [e.level, e.channel, e.comment])).toEqual([['satisfied', 'qr-code', '窗口人员讲解很耐心，谢谢']]);

    const token = new URL(t.followUrl).pathname.split('/').at(-1) ?? '';
    const second = await fetch(`${center.httpUrl}/api/m/t/${token}/rate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'very-satisfied' }) });
    expect([second.status, ((await second.json()) as { error: string }).error]).toEqual([409, 'already-evaluated']);
    await page.reload();
    await expect.poll(() => page.getByTestId('rate-given').textContent()).toBe('本次服务已评价，感谢您的参与');
    await context.close();
  });

  it('rate later, a ticket served at two windows: one form per window, each service rated apart with its comment', async () => {
    await drain();
    const t = onsite();
    const at = () => new Date().toISOString();
    center.hall.run('center', (h) => (h.window('w98').status === 'closed' ? h.openWindow('w98', { id: 'YT0981', name: '赵敏' }, at()) : []));
    expect(await atWindow('call-next')).toBe(t.number);
    await atWindow('transfer', { to: { kind: 'window', windowId: 'w98' } });
    center.hall.run('center', (h) => (h.callNext('w98', at()), h.finish('w98', 'completed', at())));
    const [first, second] = center.hall.state.tickets.get(t.ticketId)?.services.map((x) => x.serviceId) ?? [];
    const { context, page } = await phone();
    await page.goto(t.followUrl);
    await expect.poll(() => page.getByTestId('rate-at-window').count(), { timeout: 15_000 }).toBe(2);
    // Both windows' pads record "not rated" (the citizen left without touching them): two forms.
    center.hall.run('center', (h) => (h.lapseRating(first ?? '', at()), h.lapseRating(second ?? '', at())));
    await expect.poll(() => page.getByTestId('rate').count()).toBe(2);
    const at97 = page.locator('[data-testid=rate][data-window="97"]');
    await at97.getByRole('button', { name: '不满意', exact: true }).click();
    await at97.locator('fieldset label').filter({ hasText: '等候时间长' }).locator('input').check();
    await at97.getByPlaceholder('意见建议（选填）').fill('转了两个窗口才办完');
    await expectReadable(page, 'rate later, two windows');
    await page.screenshot({ path: join(SHOTS, 'phone-rate-two-windows.png') });
    await at97.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('rate-thanks').waitFor();
    const at98 = page.locator('[data-testid=rate][data-window="98"]');
    await at98.getByRole('button', { name: '非常满意', exact: true }).click();
    await at98.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.getByTestId('rate-thanks').count()).toBe(2);
    const given = [...center.hall.state.evaluations.values()].filter((e) => e.ticketId === t.ticketId);
    expect(given.map((e) => [e.windowId, e.staffId, e.level, e.reasons, e.comment, e.channel])).toEqual([
      ['w97', 'YT0971', 'dissatisfied', ['long-wait'], '转了两个窗口才办完', 'qr-code'],
      ['w98', 'YT0981', 'very-satisfied', [], undefined, 'qr-code'],
    ]);
    await context.close();
  });

  it('progress look-up by receipt code, like a parcel tracker', async () => {
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/progress`);
    await page.locator('input[name=receiptCode]').waitFor();
    await expectReadable(page, 'progress, nothing typed');
    await page.locator('input[name=receiptCode]').fill('YT20260001');
    await page.locator('input[name=idLast4]').fill(DEMO_APPLICANTS.zhang.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('case').waitFor();
    expect(await page.locator('[data-step-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-status')))).toEqual(['done', 'done', 'current', 'pending', 'pending']);
    expect(await page.textContent('[data-testid=case]')).toContain('企业开办');
    await expectReadable(page, 'progress, a case found');
    await page.screenshot({ path: join(SHOTS, 'phone-progress.png') });
    await page.locator('input[name=receiptCode]').fill('NOPE1234');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('受理编号与身份证号后4位对不上，请对照受理回执和身份证核对后再查');
    await expectReadable(page, 'progress, nothing found');
    await context.close();
  });

  it('the phone home page and the call alert switched on read at WCAG AA too', async () => {
    await drain();
    const mine = onsite();
    const { context, page } = await phone();
    await page.goto(`${center.httpUrl}/m/`);
    await page.locator('.m-home').waitFor();
    await expectReadable(page, 'the phone home page');
    await page.goto(mine.followUrl);
    await page.getByRole('button', { name: '开启声音和振动提醒' }).click();
    await page.getByRole('button', { name: '提醒已开启' }).waitFor();
    await expectReadable(page, 'follow, alerts on');
    await context.close();
  });

  it('slot plans belong to the admin: refused without the admin login, validated, audited', async () => {
    const anon = await fetch(`${center.httpUrl}/api/m/admin/slot-plans`);
    expect(anon.status).toBe(401);
    center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw-admin' });
    const list = await admin.get<{ categories: { id: string; plan: SlotPlan | null }[] }>('/api/m/admin/slot-plans');
    expect(list.json.categories.find((c) => c.id === 'fund')?.plan?.slots).toHaveLength(24);
    const overlapping = { ...allDay, categoryId: 'tax', slots: [{ from: 540, to: 600, capacity: 2 }, { from: 570, to: 630, capacity: 2 }] };
    expect((await admin.post('/api/m/admin/slot-plans', overlapping)).status).toBe(400);
    const ok = await admin.post('/api/m/admin/slot-plans', { ...allDay, categoryId: 'tax' });
    expect(ok.status).toBe(200);
    const slots = await fetch(`${center.httpUrl}/api/m/appointments/slots?categoryId=tax`);
    expect(((await slots.json()) as { days: unknown[] }).days).toHaveLength(4);
    expect(center.ctx.audit.recent(5).some((a) => a.action === 'mobile.slot-plan.put' && a.target === 'tax')).toBe(true);
  });

  it('guessing ticket links is stopped by the per-IP rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await fetch(`${center.httpUrl}/api/m/t/guess${i}aaaaaaaaaaaaaaaaa`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
