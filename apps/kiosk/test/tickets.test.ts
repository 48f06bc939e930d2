import { checkInDecision } from '@hallkit/core';
// The kiosk's own ticket logic on a real SQLite file: offline numbers from leased blocks (checked by
// the center's domain rules through core's Hall), kept across restarts, recorded in the outbox.
import { shippedHall } from '@hallkit/testkit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hall, NumbersLeaseResponseSchema, parseHallEvent, type HallConfig } from '@hallkit/core';
import { DeviceStore, type RequestOutcome } from '@hallkit/sync';
import type { z } from 'zod';
import { TicketCounter, TicketRefusedError, type CenterRequester } from '../src/host/tickets/TicketCounter.ts';
import { KIOSK_MIGRATIONS } from '../src/host/tickets/migrations.ts';
import { ageOn, CardSessions } from '../src/host/CardSessions.ts';
import { appointmentCode } from '../src/host/scannedCodes.ts';
import { checkInOutcome } from '../src/host/checkInOutcome.ts';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const config: HallConfig = shippedHall('yantai', { allDay: true });

/** The center's domain answering leases; ticket-issue goes unanswered (the center is away). */
class AwayCenter implements CenterRequester {
  constructor(readonly hall: Hall) {}
  async request<S extends z.ZodType>(name: string, body: unknown, opts: { schema?: S }): Promise<RequestOutcome<z.infer<S>>> {
    if (name !== 'numbers-lease') return { ok: false, reason: 'timeout', error: 'no answer' };
    const e = this.hall.leaseBlock('kiosk-1', (body as { categoryId: string }).categoryId, new Date().toISOString(), 5);
    const res = NumbersLeaseResponseSchema.parse({ v: 1, ok: true, block: { blockId: e.blockId, categoryId: e.categoryId, day: e.day, issuerId: e.issuerId, from: e.from, to: e.to } });
    return { ok: true, body: (opts.schema ? opts.schema.parse(res) : res) as z.infer<S> };
  }
}

describe('offline ticket numbers', () => {
  let dir: string;
  let store: DeviceStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-tickets-'));
    store = DeviceStore.open({ path: join(dir, 'kiosk-1.db'), migrations: KIOSK_MIGRATIONS, logger: quiet });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counterOn = (s: DeviceStore, center: CenterRequester) =>
    new TicketCounter({ store: s, center, deviceId: 'kiosk-1', catalog: () => config.catalog, publicUrl: 'http://center.test', lowWater: 2, log: () => undefined });

  it('issues from the leased block when the center does not answer; the center domain accepts every one; nothing is reused after a restart', async () => {
    const hall = new Hall(config);
    const center = new AwayCenter(hall);
    let counter = counterOn(store, center);
    await counter.topUp();
    expect(counter.remaining('social')).toBe(5);

    const first = await counter.issue({ categoryId: 'social', source: 'on-site', priority: 'normal' });
    expect(first).toMatchObject({ number: 'E001', offline: true });
    expect(first.followUrl).toMatch(/^http:\/\/center\.test\/m\/t\/[\w-]{16,}$/);

    // A restart: the counter comes back from the file and carries on after E001.
    counter = counterOn(store, center);
    const second = await counter.issue({ categoryId: 'social', source: 'id-card', priority: 'normal', maskedId: '3706**********1230' });
    expect(second.number).toBe('E002');

    // Each offline ticket is one TicketIssued event in the outbox, which the center's domain accepts.
    const events = store.outbox.read(0, 100).map((r) => JSON.parse(r.json) as unknown);
    expect(events).toHaveLength(2);
    for (const body of events) {
      const parsed = parseHallEvent(body);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) hall.ingest(parsed.event);
    }
    expect(hall.state.lines.categoryCount('social')).toBe(2);
  });

  it('runs dry without a block, tops up below the low-water mark, refuses unknown categories', async () => {
    const hall = new Hall(config);
    const counter = counterOn(store, new AwayCenter(hall));
    await expect(counter.issue({ categoryId: 'tax', source: 'on-site', priority: 'normal' })).rejects.toMatchObject({ code: 'no-offline-numbers' });
    await expect(counter.issue({ categoryId: 'nope', source: 'on-site', priority: 'normal' })).rejects.toBeInstanceOf(TicketRefusedError);
    await counter.topUp();
    const numbers = [];
    for (let i = 0; i < 4; i++) numbers.push((await counter.issue({ categoryId: 'tax', source: 'on-site', priority: 'normal' })).number);
    expect(numbers).toEqual(['G001', 'G002', 'G003', 'G004']);
    // Issuing tops up in the background once fewer than 2 are left: 1 + the next block of 5.
    await new Promise((r) => setTimeout(r, 20));
    expect(counter.remaining('tax')).toBe(6);
  });
});

describe('card sessions and codes', () => {
  it('works out age on a hall day and keeps only masked data outside the session', () => {
    expect(ageOn('1948-02-03', '2026-02-02')).toBe(77);
    expect(ageOn('1948-02-03', '2026-02-03')).toBe(78);
    expect(ageOn('garbled', '2026-02-03')).toBeNull();
    let now = 1_000;
    const sessions = new CardSessions(60_000, () => now);
    const s = sessions.open({ kind: 'resident', name: '欧阳秀英', gender: '女', nation: '满', birthDate: '1948-02-03', address: '', idNumber: '370602194802030023', authority: '', validFrom: '', validTo: null, photo: { format: 'wlt', bytes: new Uint8Array() } }, 'Asia/Shanghai');
    expect(s.maskedNumber).toBe('3706**********0023');
    expect(s.greetingName).toBe('欧***');
    expect(sessions.get(s.session)?.idNumber).toBe('370602194802030023');
    now += 61_000;
    expect(sessions.get(s.session)).toBeUndefined();
  });

  it('reads a booking code from a scanned link or plain text, and maps refusals to what the screen says', () => {
    expect(appointmentCode(' AB12CD34 ')).toBe('AB12CD34');
    expect(appointmentCode('https://hall.example/m/a/AB12CD34')).toBe('AB12CD34');
    expect(appointmentCode('https://hall.example/m/a?code=XY99')).toBe('XY99');
    expect(checkInOutcome({ v: 1, ok: false, code: 'too-early', message: '', opensAtMinute: 8 * 60 + 30 })).toEqual({ ok: false, reason: 'too-early', opensAt: '08:30' });
    // A booking for a later day (issue 16: 「您来早了， 起可以签到」 had no time): the day and the time.
    expect(checkInOutcome({ v: 1, ok: false, code: 'too-early', message: '', opensAtMinute: 8 * 60 + 30, opensAtDay: '2026-12-07' })).toEqual({ ok: false, reason: 'too-early', opensAt: '2026-12-07 08:30' });
    const later = checkInDecision(
      { status: 'booked', hallId: 'h', day: '2026-12-07', slotFrom: 9 * 60, slotTo: 10 * 60 } as Parameters<typeof checkInDecision>[0],
      { hallId: 'h', day: '2026-12-05', minuteOfDay: 600 },
    );
    expect(later).toEqual({ ok: false, reason: 'too-early', opensAtDay: '2026-12-07', opensAtMinute: 8 * 60 + 30 });
    expect(checkInOutcome({ v: 1, ok: false, code: 'rate-limited', message: '' })).toEqual({ ok: false, reason: 'error' });
  });
});
