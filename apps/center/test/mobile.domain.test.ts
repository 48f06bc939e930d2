// The mobile module's domain against the center's real parts: SQLite (in memory), the center's
// HallService (the authoritative hall with its event log) and its ticket tokens.
import { shippedHall } from '@hallkit/testkit';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HallConfig } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { HallService } from '../src/server/hall/HallService.ts';
import { TicketTokens } from '../src/server/requests/TicketTokens.ts';
import { MOBILE_MIGRATIONS } from '../src/mobile/store/mobileMigrations.ts';
import { MobileService } from '../src/mobile/MobileService.ts';
import { checkCodeSender, LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { idCheckCharacter, isValidIdNumber } from '../src/mobile/identity/idNumber.ts';
import { LoginError } from '../src/mobile/identity/PhoneLogin.ts';
import { MobileError } from '../src/mobile/access/MobileError.ts';
import { RateLimiter } from '../src/server/access/RateLimiter.ts';
import { secureToken } from '../src/mobile/access/secureToken.ts';
import type { SlotPlan } from '../src/mobile/appointments/SlotPlan.ts';
import { SmsOutbox } from '../src/mobile/sms/SmsOutbox.ts';
import { LogSmsGateway } from '../src/mobile/sms/LogSmsGateway.ts';
import { AuditLog } from '../src/server/auth/AuditLog.ts';
import { DEMO_APPLICANTS } from '../src/mobile/cases/demoCases.ts';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const ALICE = id('37060219900101123');
const BOB = id('37060219800202456');
const CAROL = id('37060219700303789');
/** Wednesday 2026-03-11, 10:00 in Yantai. */
const T0 = Date.parse('2026-03-11T02:00:00Z');

function capture(): Logger & { lines: { msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { msg: string; fields?: Record<string, unknown> }[] = [];
  const push = (msg: string, fields?: Record<string, unknown>) => void lines.push({ msg, ...(fields ? { fields } : {}) });
  return { lines, debug: push, info: push, warn: push, error: push };
}

function setup(opts: { config?: HallConfig } = {}) {
  let now = T0;
  const db = openCenterDb(join(mkdtempSync(join(tmpdir(), 'hallkit-mobile-')), 'center.sqlite'), [{ namespace: 'module:mobile', migrations: MOBILE_MIGRATIONS }]);
  const hall = new HallService(db, opts.config ?? shippedHall('yantai', { allDay: true }));
  const tokens = new TicketTokens(db);
  const logger = capture();
  const sms = new SmsOutbox(db, new LogSmsGateway(logger), new AuditLog(db), logger, () => now);
  const m = new MobileService({ db, hall, links: tokens, publicUrl: 'http://hall.test', codeSender: new LogCodeSender(logger), sms, logger, now: () => now, demoCases: true });
  return { db, hall, tokens, logger, m, at: (ms: number) => (now = ms), now: () => now };
}

const plan = (over: Partial<SlotPlan> = {}): SlotPlan => ({
  v: 1,
  categoryId: 'fund',
  enabled: true,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  workingDaysOnly: false,
  slots: [
    { from: 9 * 60, to: 10 * 60, capacity: 2 },
    { from: 10 * 60, to: 11 * 60, capacity: 1 },
    { from: 14 * 60, to: 15 * 60, capacity: 2 },
  ],
  daysAhead: 3,
  sameDay: true,
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
  perIdPerDay: 1,
  ...over,
});

function code(e: unknown): string {
  if (e instanceof MobileError || e instanceof LoginError) return e.code;
  throw e;
}
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return code(e);
  }
  return 'accepted';
}

describe('identity', () => {
  it('checks ID numbers (GB 11643) and makes link tokens of 128 bits or more', () => {
    expect(isValidIdNumber(ALICE)).toBe(true);
    expect(isValidIdNumber(ALICE.slice(0, 17) + (ALICE.endsWith('1') ? '2' : '1'))).toBe(false);
    expect(isValidIdNumber('1234')).toBe(false);
    expect(Buffer.from(secureToken(), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(() => secureToken(8)).toThrow();
    expect(new Set(Array.from({ length: 200 }, () => secureToken())).size).toBe(200);
  });

  it('logs in with a one-time code from the log sender; wrong, reused and too-frequent codes are refused', async () => {
    const { m, logger, db, at } = setup();
    await m.login.requestCode('13800138000');
    const sent = logger.lines.find((l) => l.msg.startsWith('login code'));
    const theCode = String(sent?.fields?.code);
    expect(theCode).toMatch(/^[0-9]{6}$/);
    expect(sent?.fields?.phone).toBe('138****8000');
    // At rest only a hash: the code itself is nowhere in the database.
    expect(JSON.stringify(db.prepare('SELECT * FROM m_login_codes').all())).not.toContain(theCode);
    await expect(m.login.requestCode('13800138000')).rejects.toMatchObject({ code: 'resend-too-soon' });
    expect(refusal(() => m.login.verify('13800138000', theCode === '000000' ? '111111' : '000000'))).toBe('wrong-code');
    const s = m.login.verify('13800138000', theCode);
    expect(m.login.phoneFor(s.token)).toBe('13800138000');
    expect(refusal(() => m.login.verify('13800138000', theCode))).toBe('no-code');
    await expect(m.login.requestCode('12345')).rejects.toMatchObject({ code: 'bad-phone' });
    at(T0 + 13 * 3_600_000);
    expect(m.login.phoneFor(s.token)).toBeUndefined();
  });

  it('locks a code after too many wrong tries', async () => {
    const { m, logger } = setup();
    await m.login.requestCode('13900000000');
    const right = String(logger.lines.at(-1)?.fields?.code);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++) expect(refusal(() => m.login.verify('13900000000', wrong))).toBe('wrong-code');
    expect(refusal(() => m.login.verify('13900000000', wrong))).toBe('too-many-attempts');
    expect(refusal(() => m.login.verify('13900000000', right))).toBe('too-many-attempts');
  });

  it('a production build refuses a sender that only logs', () => {
    const s = new LogCodeSender(capture());
    expect(() => checkCodeSender(s, true)).toThrow(/production/);
    expect(checkCodeSender(s, false)).toBe(s);
    expect(() => checkCodeSender(undefined, false)).toThrow();
  });
});

describe('rate limiter', () => {
  it('allows a burst, refuses after it, refills with time', () => {
    let t = 0;
    const r = new RateLimiter(() => t);
    const rule = { burst: 3, perMinute: 6 };
    expect([1, 2, 3, 4].map(() => r.take('ip:1', rule))).toEqual([true, true, true, false]);
    expect(r.take('ip:2', rule)).toBe(true);
    expect(r.retryAfterSeconds('ip:1', rule)).toBeGreaterThan(0);
    t += 10_000;
    expect(r.take('ip:1', rule)).toBe(true);
    expect(r.take('ip:1', rule)).toBe(false);
  });
});

describe('remote tickets', () => {
  it('join the same line as on-site tickets by time, and are called in that order', () => {
    const { m, hall, at } = setup();
    const onsite1 = hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'fund', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: new Date(T0).toISOString() }));
    at(T0 + 60_000);
    const remote = m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund' }, T0 + 60_000);
    const onsite2 = hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'fund', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: new Date(T0 + 120_000).toISOString() }));
    expect(remote.source).toBe('remote');
    expect(m.follow.view(remote.id, T0).peopleAhead).toBe(1);
    const w = [...hall.state.windows.values()].find((x) => x.config.categoryIds.includes('fund') && x.config.categoryIds.length === 1);
    if (!w) throw new Error('no fund window');
    hall.run('center', (h) => h.openWindow(w.config.id, { id: 's1', name: '王芳' }, new Date(T0).toISOString()));
    const order = [1, 2, 3].map(() => hall.run('center', (h) => h.callNext(w.config.id, new Date(T0 + 200_000).toISOString()).called?.id));
    expect(order).toEqual([onsite1.ticketId, remote.id, onsite2.ticketId]);
  });

  it('refuse past the per-ID limit, the phone limit and the daily quota; cancelled tickets still count', () => {
    const config = shippedHall('yantai', { allDay: true });
    config.catalog.categories = config.catalog.categories.map((c) => (c.id === 'tax' ? { ...c, remoteDailyQuota: 2 } : c.id === 'traffic' ? { ...c, remoteDailyQuota: 0 } : c));
    const { m, hall } = setup({ config });
    const t1 = m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'tax' }, T0);
    expect(refusal(() => m.remote.take({ phone: '13800138001', idNumber: ALICE, categoryId: 'tax' }, T0))).toBe('id-limit');
    m.remote.cancel(t1.id, '13800138000', T0);
    expect(hall.state.tickets.get(t1.id)?.status).toBe('cancelled');
    expect(refusal(() => m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'tax' }, T0))).toBe('id-limit');
    m.remote.take({ phone: '13800138001', idNumber: BOB, categoryId: 'tax' }, T0);
    expect(m.remote.remaining('tax', T0)).toEqual({ quota: 2, left: 0 });
    expect(refusal(() => m.remote.take({ phone: '13800138002', idNumber: CAROL, categoryId: 'tax' }, T0))).toBe('quota-exhausted');
    expect(refusal(() => m.remote.take({ phone: '13800138002', idNumber: CAROL, categoryId: 'traffic' }, T0))).toBe('remote-disabled');
    expect(refusal(() => m.remote.take({ phone: '13800138002', idNumber: ALICE.slice(0, 17) + (ALICE.endsWith('1') ? '2' : '1'), categoryId: 'fund' }, T0))).toBe('bad-id-number');
    for (const c of ['fund', 'social', 'medical']) m.remote.take({ phone: '13700000000', idNumber: CAROL, categoryId: c }, T0);
    expect(refusal(() => m.remote.take({ phone: '13700000000', idNumber: CAROL, categoryId: 'police' }, T0))).toBe('phone-limit');
    // The next day the limits start again.
    expect(m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'tax' }, T0 + 86_400_000).source).toBe('remote');
    expect(refusal(() => m.remote.cancel(t1.id, '13999999999', T0))).toBe('not-yours');
  });

  it('outside opening hours the hall refuses', () => {
    const { m } = setup({ config: shippedHall('yantai') });
    // Wednesday 20:00 local.
    expect(refusal(() => m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund' }, Date.parse('2026-03-11T12:00:00Z')))).toBe('category-closed');
  });
});

describe('appointments', () => {
  it('book within capacity, one per ID per day, move frees the old place, cancel', () => {
    const { m } = setup();
    m.plans.put(plan(), 'admin');
    const days = m.bookings.availability('fund', T0);
    expect(days.map((d) => d.day)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14']);
    expect(days[0]?.slots.map((s) => s.past)).toEqual([true, false, false]);
    expect(refusal(() => m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', day: '2026-03-11', slotFrom: 540 }, T0))).toBe('slot-past');
    const a = m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', itemId: 'fund-withdrawal', day: '2026-03-11', slotFrom: 600 }, T0);
    expect(a.code).toMatch(/^[0-9A-Z]{8}$/);
    expect(a.id_masked).toBe(`3706**********${ALICE.slice(-4)}`);
    expect(refusal(() => m.bookings.book({ phone: '13800138001', idNumber: BOB, categoryId: 'fund', day: '2026-03-11', slotFrom: 600 }, T0))).toBe('slot-full');
    expect(refusal(() => m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', day: '2026-03-11', slotFrom: 840 }, T0))).toBe('already-booked');
    expect(refusal(() => m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', day: '2026-03-20', slotFrom: 840 }, T0))).toBe('day-not-open');
    expect(refusal(() => m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', day: '2026-03-12', slotFrom: 555 }, T0))).toBe('no-such-slot');
    expect(refusal(() => m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'tax', day: '2026-03-12', slotFrom: 540 }, T0))).toBe('no-plan');
    expect(refusal(() => m.bookings.move(a.manage_token, '13800138001', { day: '2026-03-12', slotFrom: 540 }, T0))).toBe('not-yours');
    const moved = m.bookings.move(a.manage_token, '13800138000', { day: '2026-03-12', slotFrom: 540 }, T0);
    expect([moved.code, moved.day, moved.slot_from]).toEqual([a.code, '2026-03-12', 540]);
    // The old place is free again.
    const b = m.bookings.book({ phone: '13800138001', idNumber: BOB, categoryId: 'fund', day: '2026-03-11', slotFrom: 600 }, T0);
    m.bookings.cancel(b.manage_token, '13800138001', T0);
    expect(refusal(() => m.bookings.cancel(b.manage_token, '13800138001', T0))).toBe('not-changeable');
    expect(m.bookings.availability('fund', T0)[0]?.slots[1]?.free).toBe(1);
  });

  it('the plan follows the hall calendar when asked to: no bookings on holidays or weekends', () => {
    const { m } = setup();
    m.plans.put(plan({ workingDaysOnly: true, daysAhead: 4 }), 'admin');
    // Wed 11, Thu 12, Fri 13, (Sat 14, Sun 15 off).
    expect(m.bookings.availability('fund', T0).map((d) => d.day)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13']);
    expect(() => m.plans.put(plan({ slots: [{ from: 540, to: 600, capacity: 1 }, { from: 570, to: 630, capacity: 1 }] }), 'admin')).toThrow();
  });

  it('check in at a kiosk: too early, then a priority ticket, then already used; by ID card too', () => {
    const { m, hall, at } = setup();
    m.plans.put(plan(), 'admin');
    const a = m.bookings.book({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund', day: '2026-03-11', slotFrom: 840 }, T0);
    const early = m.checkIn.handle({ v: 1, code: a.code.toLowerCase() }, 'kiosk-1');
    expect(early).toMatchObject({ ok: false, code: 'too-early', opensAtMinute: 810 });
    at(T0 + 4 * 3_600_000 - 20 * 60_000); // 13:40 local
    hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'fund', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: new Date(T0).toISOString() }));
    const ok = m.checkIn.handle({ v: 1, code: a.code }, 'kiosk-1');
    if (!ok.ok) throw new Error(ok.code);
    expect(ok.ticket.priority).toBe('appointment');
    expect(ok.ticket.peopleAhead).toBe(0);
    expect(ok.ticket.followUrl).toMatch(/^http:\/\/hall\.test\/m\/t\/[A-Za-z0-9_-]{22}$/);
    expect(ok.appointment.holderIdMasked).toContain('**********');
    const t = hall.state.tickets.get(ok.ticket.ticketId);
    expect([t?.source, t?.appointmentId]).toEqual(['appointment', a.id]);
    expect(m.checkIn.handle({ v: 1, code: a.code }, 'kiosk-1')).toMatchObject({ ok: false, code: 'already-used' });
    const b = m.bookings.book({ phone: '13800138001', idNumber: BOB, categoryId: 'fund', day: '2026-03-11', slotFrom: 840 }, T0);
    expect(m.checkIn.handle({ v: 1, idNumber: BOB }, 'kiosk-2')).toMatchObject({ ok: true, appointment: { id: b.id } });
    expect(m.checkIn.handle({ v: 1, idNumber: CAROL }, 'kiosk-2')).toMatchObject({ ok: false, code: 'not-found' });
    expect(m.checkIn.handle({ v: 1, code: 'ZZZZZZZZ' }, 'kiosk-2')).toMatchObject({ ok: false, code: 'not-found' });
    at(T0 + 6 * 3_600_000);
    const c = m.bookings.book({ phone: '13800138002', idNumber: CAROL, categoryId: 'fund', day: '2026-03-12', slotFrom: 540 }, T0);
    m.bookings.cancel(c.manage_token, '13800138002', T0);
    expect(m.checkIn.handle({ v: 1, code: c.code }, 'kiosk-2')).toMatchObject({ ok: false, code: 'cancelled' });
  });
});

describe('progress cases', () => {
  it('look up the demo cases by receipt code or ID number, applicant masked, steps like a parcel', () => {
    const { m, db } = setup();
    const [c] = m.cases.byReceiptCode('yt20260002 ');
    expect(c?.steps.map((s) => s.name)).toEqual(['受理', '审核', '审批', '制证', '寄送']);
    expect(c?.applicantMasked).toBe(`3706**********${DEMO_APPLICANTS.zhang.slice(-4)}`);
    expect(m.cases.byIdNumber(DEMO_APPLICANTS.li).map((x) => x.itemName).sort()).toEqual(['住房公积金提取', '食品经营许可']);
    expect(m.cases.byIdNumber(ALICE)).toEqual([]);
    expect(m.cases.byReceiptCode('NOPE')).toEqual([]);
    const stored = JSON.stringify(db.prepare('SELECT * FROM m_cases').all());
    expect(stored).not.toContain(DEMO_APPLICANTS.zhang);
  });
});

describe('follow and rate later', () => {
  it('the follow view shows nothing personal; a finished service is rated once from the phone, within the configured days', () => {
    const { m, hall } = setup();
    const t = m.remote.take({ phone: '13800138000', idNumber: ALICE, categoryId: 'fund' }, T0);
    const view = m.follow.view(t.id, T0);
    expect(view).toMatchObject({ number: t.number, status: 'waiting', window: null, rating: { state: 'none' } });
    expect(JSON.stringify(view)).not.toMatch(/138|3706|phone|idNumber/);
    const w = [...hall.state.windows.values()].find((x) => x.config.categoryIds.includes('fund') && x.config.categoryIds.length === 1);
    if (!w) throw new Error('no fund window');
    const iso = (ms: number) => new Date(ms).toISOString();
    hall.run('center', (h) => h.openWindow(w.config.id, { id: 's1', name: '王芳' }, iso(T0)));
    hall.run('center', (h) => h.callNext(w.config.id, iso(T0 + 1000)));
    expect(m.follow.view(t.id, T0)).toMatchObject({ status: 'called', window: { number: w.config.number } });
    hall.run('center', (h) => h.recall(w.config.id, iso(T0 + 2000)));
    expect(m.follow.view(t.id, T0).recalls).toBe(1);
    hall.run('center', (h) => h.finish(w.config.id, 'completed', iso(T0 + 60_000)));
    // The window's pad has the first say: the phone waits until its rating has closed.
    expect(m.follow.view(t.id, T0 + 61_000).rating).toMatchObject({ state: 'at-window', windowNumber: w.config.number, opensAtTime: '12:03' });
    expect(refusal(() => m.follow.rate(t.id, { v: 1, level: 'satisfied', reasons: [] }, T0 + 61_000))).toBe('evaluation-pending-at-window');
    const serviceId = hall.state.tickets.get(t.id)?.services.at(-1)?.serviceId ?? '';
    hall.run('pad', (h) => h.lapseRating(serviceId, iso(T0 + 90_000))); // the pad's time ran out: not rated there
    expect(m.follow.view(t.id, T0 + 91_000).rating.state).toBe('open');
    expect(refusal(() => m.follow.rate(t.id, { v: 1, level: 'dissatisfied', reasons: [] }, T0 + 86_400_000))).toBe('evaluation-needs-reason');
    m.follow.rate(t.id, { v: 1, level: 'satisfied', reasons: [] }, T0 + 86_400_000);
    expect([...hall.state.evaluations.values()].map((e) => e.channel)).toEqual(['mobile']);
    expect(refusal(() => m.follow.rate(t.id, { v: 1, level: 'very-satisfied', reasons: [] }, T0 + 86_400_000))).toBe('already-evaluated');
    expect(m.follow.view(t.id, T0).rating.state).toBe('given');

    const late = m.remote.take({ phone: '13800138001', idNumber: BOB, categoryId: 'fund' }, T0);
    hall.run('center', (h) => h.callNext(w.config.id, iso(T0 + 70_000)));
    hall.run('center', (h) => h.finish(w.config.id, 'completed', iso(T0 + 80_000)));
    const eightDays = T0 + 8 * 86_400_000;
    expect(m.follow.view(late.id, eightDays).rating.state).toBe('closed');
    expect(refusal(() => m.follow.rate(late.id, { v: 1, level: 'satisfied', reasons: [] }, eightDays))).toBe('evaluation-closed');
  });
});
