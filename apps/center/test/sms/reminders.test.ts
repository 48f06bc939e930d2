// SMS reminders through the Tencent Cloud stand-in in a running center: a remote ticket whose holder
// asked for them gets 「前面还有 N 人」 once and the call once — across a center restart during a
// provider outage; a kiosk's opt-in is checked; an appointment's reminder goes the day before, once.
import { afterEach, describe, expect, it } from 'vitest';
import { REMINDER_REQUESTS } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import { mobileModule } from '../../src/mobile/MobileModule.ts';
import type { Center } from '../../src/server/Center.ts';
import type { TencentSmsStandIn } from '../../src/mobile/sms/standin/TencentSmsStandIn.ts';
import { ConsoleClient, startCenter, tempDir, waitUntil } from '../support/centerHarness.ts';
import { SMS_TEMPLATE_IDS, startSmsStandIn, writeSmsFiles } from '../support/smsStandIn.ts';
import { idCheckCharacter } from '../../src/mobile/identity/idNumber.ts';

const PHONE = '13700137000';
const ID = '37060219900101123' + idCheckCharacter('37060219900101123');
const FUND_WINDOW = 'w97';
let center: Center | undefined;
let standIn: TencentSmsStandIn | undefined;
afterEach(async () => {
  await center?.stop();
  center = undefined;
  await standIn?.close();
  standIn = undefined;
});

const fast = { retryBaseMs: 100, retryMaxMs: 200, pollMs: 50 };

async function boot(dataDir: string, files: ReturnType<typeof writeSmsFiles>, now?: () => Date) {
  const mod = mobileModule({ sms: files, smsLimits: fast, login: { resendAfterMs: 0 } });
  const c = await startCenter({ dataDir, hallConfig: shippedHall('yantai', { allDay: true }), modules: [mod], ...(now ? { now } : {}) });
  c.ctx.accounts.upsertStaff({ staffNo: 'YT0971', name: '刘静', windowId: FUND_WINDOW }, '0971');
  const staff = new ConsoleClient(c.httpUrl);
  await staff.login('staff', { staffNo: 'YT0971', pin: '0971' });
  return { c, mod, staff };
}

const of = (s: TencentSmsStandIn, purpose: keyof typeof SMS_TEMPLATE_IDS) => s.delivered.filter((d) => d.templateId === SMS_TEMPLATE_IDS[purpose]);

describe('SMS reminders', () => {
  it('a remote ticket: 「前面还有 3 人」 once, the call once, across a restart during an outage', async () => {
    const s = await startSmsStandIn();
    standIn = s.standIn;
    const dataDir = tempDir();
    const files = writeSmsFiles(dataDir, s.endpoint);
    let { c, staff } = await boot(dataDir, files);
    center = c;
    for (let i = 0; i < 5; i++) c.ctx.desk.issue({ categoryId: 'fund', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    // Log in on the phone with the code the stand-in received, take a remote ticket with reminders.
    const post = (path: string, body: unknown, cookie = '') => fetch(`${c.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    await post('/api/m/login/code', { phone: PHONE });
    await waitUntil('the log-in code', () => of(s.standIn, 'loginCode').length === 1);
    const verify = await post('/api/m/login/verify', { phone: PHONE, code: of(s.standIn, 'loginCode')[0]!.params[0] });
    const cookie = (verify.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const took = await post('/api/m/remote', { categoryId: 'fund', idNumber: ID, remind: true }, cookie);
    expect(took.status).toBe(200);
    const number = ((await took.json()) as { number: string }).number;
    const call = async () => {
      const r = await staff.post<{ result: unknown }>(`/api/windows/${FUND_WINDOW}/call-next`);
      expect(r.status).toBe(200);
      await staff.post(`/api/windows/${FUND_WINDOW}/finish`, { outcome: 'completed' });
    };
    await call(); // 4 ahead: nothing yet
    await new Promise((r) => setTimeout(r, 300));
    expect(of(s.standIn, 'queueAhead')).toHaveLength(0);
    await call(); // 3 ahead
    await waitUntil('the 「前面还有」 SMS', () => of(s.standIn, 'queueAhead').length === 1);
    expect(of(s.standIn, 'queueAhead')[0]!.text).toBe(`【烟台政务服务】您的住房公积金排队号${number}前面还有3人，请回到大厅留意叫号屏。`);
    // The provider goes down; the line moves on and the ticket is called.
    s.standIn.outage = 'unavailable';
    await call();
    await call();
    await call();
    const called = await staff.post<{ result: string | null }>(`/api/windows/${FUND_WINDOW}/call-next`);
    expect(called.json.result).toBe(number);
    await waitUntil('an attempt at the call SMS', () => s.standIn.requests >= 3);
    await c.stop();
    center = undefined;
    // The center starts again while the provider is still down, then the provider comes back.
    ({ c, staff } = await boot(dataDir, files));
    center = c;
    await new Promise((r) => setTimeout(r, 300));
    s.standIn.outage = 'none';
    await waitUntil('the call SMS', () => of(s.standIn, 'called').length === 1);
    expect(of(s.standIn, 'called')[0]!.text).toBe(`【烟台政务服务】请${number}号到97号窗口办理，过号需重新排队。`);
    await staff.post(`/api/windows/${FUND_WINDOW}/finish`, { outcome: 'completed' });
    await new Promise((r) => setTimeout(r, 500));
    expect(of(s.standIn, 'queueAhead')).toHaveLength(1);
    expect(of(s.standIn, 'called')).toHaveLength(1);
  }, 60_000);

  it('the kiosk that printed a ticket may add a phone for its reminders; another device may not', async () => {
    const s = await startSmsStandIn();
    standIn = s.standIn;
    const dataDir = tempDir();
    const { c } = await boot(dataDir, writeSmsFiles(dataDir, s.endpoint));
    center = c;
    const t = c.ctx.desk.issue({ categoryId: 'fund', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    if (!t.ok) throw new Error(t.code);
    // Through the same handler the MQTT request reaches (the module's registration).
    const handlers: Record<string, (body: unknown, rc: { deviceId: string }) => unknown> = {};
    const mod = mobileModule({ sms: false });
    mod.requests?.({ handle: (name: string, _schema: unknown, fn: (b: unknown, rc: { deviceId: string }) => unknown) => void (handlers[name] = fn) } as never, c.ctx);
    const subscribe = handlers[REMINDER_REQUESTS.subscribe]!;
    expect(subscribe({ v: 1, ticketId: t.ticketId, phone: PHONE }, { deviceId: 'kiosk-2' })).toMatchObject({ ok: false, code: 'not-this-kiosk' });
    expect(subscribe({ v: 1, ticketId: t.ticketId, phone: PHONE }, { deviceId: 'kiosk-1' })).toMatchObject({ ok: true, phoneMasked: '137****7000' });
    expect(subscribe({ v: 1, ticketId: 'nope', phone: PHONE }, { deviceId: 'kiosk-1' })).toMatchObject({ ok: false, code: 'unknown-ticket' });
  });

  it('an appointment: one reminder the day before at the hall time, only if asked for', async () => {
    const s = await startSmsStandIn();
    standIn = s.standIn;
    const dataDir = tempDir();
    // Wednesday 2026-03-11 08:00 in Yantai.
    let clock = Date.parse('2026-03-11T00:00:00Z');
    const { c, mod } = await boot(dataDir, writeSmsFiles(dataDir, s.endpoint), () => new Date(clock));
    center = c;
    const m = mod.service();
    m.plans.put({ v: 1, categoryId: 'fund', enabled: true, weekdays: [0, 1, 2, 3, 4, 5, 6], workingDaysOnly: false, slots: [{ from: 9 * 60, to: 10 * 60, capacity: 5 }], daysAhead: 3, sameDay: true, checkIn: { earlyMinutes: 30, lateMinutes: 15 }, perIdPerDay: 1 }, 'test', clock);
    const asked = m.bookings.book({ phone: PHONE, idNumber: ID, categoryId: 'fund', day: '2026-03-12', slotFrom: 9 * 60 }, clock);
    m.bookings.setRemind(asked.id, true);
    const other = '37060219800202456' + idCheckCharacter('37060219800202456');
    m.bookings.book({ phone: '13600136000', idNumber: other, categoryId: 'fund', day: '2026-03-12', slotFrom: 9 * 60 }, clock);
    expect(m.bookingReminders.check()).toBe(0); // 08:00: before the hall's reminder time (10:00)
    clock += 2.5 * 3_600_000; // 10:30
    expect(m.bookingReminders.check()).toBe(1);
    expect(m.bookingReminders.check()).toBe(0);
    await waitUntil('the reminder', () => of(s.standIn, 'bookingReminder').length === 1);
    expect(of(s.standIn, 'bookingReminder')[0]!.text).toBe(`【烟台政务服务】您预约了3月12日 09:00-10:00的住房公积金，请携带身份证按时到大厅取号机签到，预约码${asked.code}。`);
    expect(of(s.standIn, 'bookingReminder')[0]!.phone).toBe(PHONE);
  });
});
