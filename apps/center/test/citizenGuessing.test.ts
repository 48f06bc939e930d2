// Guessing from a phone (issue 15, item 8), against a running center over HTTP: a booking attempt with
// someone else's ID number must not tell whether that person booked; the progress look-up must not
// let a stranger walk the sequential receipt codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedHall } from '@hallkit/testkit';
import { hallLocalTime } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import { LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { idCheckCharacter } from '../src/mobile/identity/idNumber.ts';
import type { SlotPlan } from '../src/mobile/appointments/SlotPlan.ts';
import { demoCases } from '../src/mobile/cases/demoCases.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { codeCapturingLogger } from './support/phone.ts';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const ALICE = id('37060219900101123');
const CAROL = id('37060219700303789');
const { log, codes } = codeCapturingLogger();
let center: Center;

const allDay: SlotPlan = {
  v: 1,
  categoryId: 'fund',
  enabled: true,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  workingDaysOnly: false,
  slots: Array.from({ length: 24 }, (_, h) => ({ from: h * 60, to: h * 60 + 60, capacity: 5 })),
  daysAhead: 3,
  sameDay: true,
  checkIn: { earlyMinutes: 30, lateMinutes: 15 },
  perIdPerDay: 1,
};

beforeAll(async () => {
  center = await startCenter({
    dataDir: tempDir('hallkit-guessing-'),
    hallConfig: shippedHall('yantai', { allDay: true }),
    logger: log,
    modules: [mobileModule({ sms: false, codeSender: () => new LogCodeSender(log), seedSlotPlans: [allDay], login: { resendAfterMs: 0 } })],
  });
}, 60_000);
afterAll(async () => {
  await center?.stop();
});

const post = (path: string, body: unknown, cookie = '') =>
  fetch(`${center.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

async function loggedIn(phone: string): Promise<string> {
  await post('/api/m/login/code', { phone });
  const code = codes.at(-1)?.code ?? '';
  const v = await post('/api/m/login/verify', { phone, code });
  expect(v.status).toBe(200);
  return (v.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Tomorrow 10:00 in the hall: always bookable with the all-day plan. */
function slot(): { day: string; slotFrom: number } {
  const days = center.ctx.hall.state.config.catalog.hall.timeZone;
  const day = hallLocalTime(Date.now() + 86_400_000, days).day;
  return { day, slotFrom: 600 };
}

describe('booking with someone else’s ID number', () => {
  it('answers a stranger the same whether or not that ID has a booking; the owner still hears already-booked', async () => {
    const owner = await loggedIn('13800138000');
    const stranger = await loggedIn('13900139000');
    const at = slot();
    const first = await post('/api/m/appointments', { categoryId: 'fund', idNumber: ALICE, ...at }, owner);
    expect(first.status).toBe(200);

    // The stranger tries the booked ID and an unbooked one: same status, same kind of answer.
    const booked = await post('/api/m/appointments', { categoryId: 'fund', idNumber: ALICE, ...at }, stranger);
    const unbooked = await post('/api/m/appointments', { categoryId: 'fund', idNumber: CAROL, ...at }, stranger);
    expect(booked.status).toBe(unbooked.status);
    const a = (await booked.json()) as Record<string, unknown>;
    const b = (await unbooked.json()) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.error).toBeUndefined();
    expect(a.status).toBe(b.status);
    // Nothing of the owner's booking reaches the stranger.
    const ownerCode = ((await first.json()) as { code: string }).code;
    expect(JSON.stringify(a)).not.toContain(ownerCode);

    // The owner's own second try is told plainly.
    const again = await post('/api/m/appointments', { categoryId: 'fund', idNumber: ALICE, ...at }, owner);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('already-booked');
  });
});

describe('progress look-up by receipt code', () => {
  const [first] = demoCases();
  const code = first!.case.receiptCode;
  const last4 = first!.idNumber.slice(-4);
  const wrong = last4 === '0000' ? '0001' : '0000';
  const lookup = (body: unknown) => post('/api/m/cases/lookup', body);

  it('needs the last 4 of the applicant’s ID number: the code alone, or with a wrong pair, shows nothing', async () => {
    expect((await lookup({ receiptCode: code })).status).toBe(400);
    const ok = await lookup({ receiptCode: code.toLowerCase(), idLast4: last4.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { cases: { receiptCode: string }[] }).cases.map((c) => c.receiptCode)).toEqual([code]);

    // A wrong pair on a real code and any pair on a code that does not exist answer alike.
    const known = await lookup({ receiptCode: code, idLast4: wrong });
    const unknown = await lookup({ receiptCode: 'YT20269999', idLast4: wrong });
    expect([known.status, unknown.status]).toEqual([404, 404]);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it('a stranger cannot ask for mailing with the receipt code alone: a wrong pair answers as an unknown code', async () => {
    const stranger = await loggedIn('13700137000');
    const address = { recipient: '王五', phone: '13700137000', address: '山东省烟台市芝罘区某某路1号' };
    const mailing = (c: string, extra: object) => post(`/api/m/cases/${c}/mailing`, { ...address, ...extra }, stranger);
    expect((await mailing(code, {})).status).toBe(400);
    const wrongPair = await mailing(code, { idLast4: wrong });
    const noSuchCode = await mailing('YT20269998', { idLast4: wrong });
    expect([wrongPair.status, noSuchCode.status]).toEqual([404, 404]);
    expect(await wrongPair.json()).toEqual(await noSuchCode.json());
    // With the right pair the case itself answers (the demo cases do not offer mailing).
    expect(((await (await mailing(code, { idLast4: last4 })).json()) as { error: string }).error).toBe('mailing-not-offered');
  });

  it('walking the codes from one source runs into the miss limit; then even the right pair waits, so a hit cannot stand out', async () => {
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 40) status = (await lookup({ receiptCode: `YT2026${String(++tries + 100).padStart(4, '0')}`, idLast4: wrong })).status;
    expect(status).toBe(429);
    expect(tries).toBeLessThanOrEqual(21);
    expect((await lookup({ receiptCode: code, idLast4: last4 })).status).toBe(429);
  });
});
