import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVALUATION_LEVELS,
  Hall,
  centerLapseDueAt,
  hallFingerprint,
  padRatingClosesAt,
  type EventOf,
  type HallEvent,
} from '../src/index.ts';
import { refusalCode, smallHall, t } from './fixtures.ts';

/**
 * 好差评 integrity: a rating belongs to the service as the hall recorded it; the center lapses
 * abandoned ratings itself, yet a pad's in-time rating delivered hours later still counts — once.
 * smallHall's ratingSeconds is 30: a pad rating closes 3 × 30 s + 60 s after the finish, the center
 * lapses 120 minutes after that.
 */

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

/** Serve one ticket at w2 (staff YT0201), finishing at `finishedAt`; returns the prompt the pad got. */
function serve(h: Hall, finishedAt: string, itemId?: string) {
  if (h.window('w2').status === 'closed') h.openWindow('w2', { id: 'YT0201', name: '王晓燕' }, finishedAt);
  const tk = h.issueTicket({
    categoryId: 'general',
    ...(itemId ? { itemId } : {}),
    source: 'on-site',
    priority: 'normal',
    issuerId: 'kiosk-1',
    at: finishedAt,
  });
  h.callNext('w2', finishedAt);
  const [fin] = h.finish('w2', 'completed', finishedAt);
  if (fin?.type !== 'TicketFinished') throw new Error('not finished');
  return { serviceId: fin.serviceId, ticketId: tk.ticketId, windowId: 'w2', staffId: 'YT0201', itemId, finishedAt };
}

/** What the pad's PromptBook appends for a touch at `at` (copying the prompt, as the pad does). */
function padRating(p: ReturnType<typeof serve>, at: string, o: Partial<EventOf<'EvaluationGiven'>> = {}): EventOf<'EvaluationGiven'> {
  return {
    type: 'EvaluationGiven',
    v: 1,
    at,
    evaluationId: `ev-${p.serviceId}`,
    serviceId: p.serviceId,
    ticketId: p.ticketId,
    level: 'satisfied',
    reasons: [],
    channel: 'hall-pad',
    windowId: p.windowId,
    staffId: p.staffId,
    ...(p.itemId ? { itemId: p.itemId } : {}),
    ...o,
  };
}

const padLapse = (p: ReturnType<typeof serve>, at: string): EventOf<'EvaluationLapsed'> => ({
  type: 'EvaluationLapsed',
  v: 1,
  at,
  serviceId: p.serviceId,
  ticketId: p.ticketId,
});

const lapsedCount = (h: Hall) => [...h.state.ratings.values()].filter((r) => r.state === 'lapsed').length;

describe('a rating matches the service it rates', () => {
  it('refuses a rating naming another ticket, window, staff member or item; accepts the true one', () => {
    const h = new Hall(smallHall());
    const other = serve(h, t(5));
    const p = serve(h, t(10), 'food-licence');
    const at = t(10, 20);
    expect(refusalCode(() => h.ingest(padRating(p, at, { staffId: 'YT9999' })))).toBe('evaluation-mismatch');
    expect(refusalCode(() => h.ingest(padRating(p, at, { windowId: 'w1' })))).toBe('evaluation-mismatch');
    expect(refusalCode(() => h.ingest(padRating(p, at, { ticketId: other.ticketId })))).toBe('evaluation-mismatch');
    expect(refusalCode(() => h.ingest(padRating(p, at, { itemId: 'some-other-item' })))).toBe('evaluation-mismatch');
    expect(refusalCode(() => h.ingest({ ...padLapse(p, at), ticketId: other.ticketId }))).toBe('evaluation-mismatch');
    expect(h.state.evaluations.size).toBe(0);
    expect(refusalCode(() => h.ingest(padRating(p, at)))).toBe('accepted');
    expect(h.state.evaluations.get(`ev-${p.serviceId}`)).toMatchObject({ windowId: 'w2', staffId: 'YT0201', itemId: 'food-licence' });
  });

  it('a rating without an item is the service’s rating all the same (older pads send none)', () => {
    const h = new Hall(smallHall());
    const p = serve(h, t(10), 'food-licence');
    const e = padRating(p, t(10, 20));
    delete e.itemId;
    expect(refusalCode(() => h.ingest(e))).toBe('accepted');
  });
});

describe('the center lapses abandoned ratings; a pad’s in-time rating still counts, once', () => {
  it('lapses only after the window’s time plus the grace, once, and never a rated service', () => {
    const h = new Hall(smallHall());
    const a = serve(h, t(10));
    const b = serve(h, t(11));
    h.ingest(padRating(b, t(11, 10)));
    const due = centerLapseDueAt(h.state.config.evaluation, a.finishedAt);
    expect(due - ms(a.finishedAt)).toBe((3 * 30 + 60 + 120 * 60) * 1000);
    expect(h.lapseAbandonedRatings(iso(due - 1))).toEqual([]);
    const swept = h.lapseAbandonedRatings(iso(due));
    expect(swept).toEqual([{ type: 'EvaluationLapsed', v: 1, at: iso(due), serviceId: a.serviceId, ticketId: a.ticketId, by: 'center' }]);
    expect(h.lapseAbandonedRatings(iso(due + 3_600_000))).toEqual([]);
    expect(h.state.ratings.get(a.serviceId)).toMatchObject({ state: 'lapsed', lapsedBy: 'center' });
    expect(h.state.ratings.get(b.serviceId)?.state).toBe('given');
    expect(h.state.pendingRatings.size).toBe(0);
  });

  it('a pad offline for hours delivers a rating made in time: it replaces the center’s lapse, counted once', () => {
    const h = new Hall(smallHall());
    const p = serve(h, t(10));
    h.lapseAbandonedRatings(t(10 + 180));
    expect([lapsedCount(h), h.state.evaluations.size]).toEqual([1, 0]);
    const late = padRating(p, t(10, 25), { level: 'very-dissatisfied', reasons: ['long-wait'] });
    expect(refusalCode(() => h.ingest(late))).toBe('accepted');
    expect([lapsedCount(h), h.state.evaluations.size]).toEqual([0, 1]);
    expect(h.state.ratings.get(p.serviceId)).toMatchObject({ state: 'given', evaluationId: late.evaluationId });
    expect(h.state.ratings.get(p.serviceId)?.lapsedBy).toBeUndefined();
    // Delivered again (the ack was lost), or a second rating: refused, still one.
    expect(refusalCode(() => h.ingest(late))).toBe('already-evaluated');
    expect(refusalCode(() => h.ingest(padRating(p, t(10, 30), { evaluationId: 'ev-other' })))).toBe('already-evaluated');
    expect(refusalCode(() => h.ingest(padLapse(p, t(10, 40))))).toBe('evaluation-closed');
    expect([lapsedCount(h), h.state.evaluations.size]).toEqual([0, 1]);
  });

  it('refuses a pad rating made after the window’s time — before or after the center’s lapse', () => {
    const h = new Hall(smallHall());
    const p = serve(h, t(10));
    const closes = padRatingClosesAt(h.state.config.evaluation, p.finishedAt);
    expect(refusalCode(() => h.ingest(padRating(p, iso(closes + 1))))).toBe('evaluation-closed');
    h.lapseAbandonedRatings(t(10 + 180));
    expect(refusalCode(() => h.ingest(padRating(p, iso(closes + 1))))).toBe('evaluation-closed');
    expect(refusalCode(() => h.ingest(padRating(p, iso(closes))))).toBe('accepted');
  });

  it('the pad’s own lapse is final for the pad; delivered after the center’s lapse it confirms it, not a second count', () => {
    const h = new Hall(smallHall());
    const a = serve(h, t(10));
    h.ingest(padLapse(a, t(10, 30)));
    expect(refusalCode(() => h.ingest(padRating(a, t(10, 31))))).toBe('evaluation-closed');
    const b = serve(h, t(20));
    h.lapseAbandonedRatings(t(20 + 180));
    expect(refusalCode(() => h.ingest(padLapse(b, t(20, 30))))).toBe('accepted');
    expect(h.state.ratings.get(b.serviceId)).toMatchObject({ state: 'lapsed', lapsedBy: 'pad' });
    expect(refusalCode(() => h.ingest(padLapse(b, t(20, 30))))).toBe('evaluation-closed');
    expect(refusalCode(() => h.ingest(padRating(b, t(20, 10))))).toBe('evaluation-closed');
    expect(lapsedCount(h)).toBe(2);
    // Only the center's sweep may say `by: 'center'`; a second one for the same service is refused.
    expect(refusalCode(() => h.ingest({ ...padLapse(b, t(20 + 181)), by: 'center' }))).toBe('evaluation-closed');
  });

  it('the phone waits for the window: refused while the pad may still rate, open once the window closed', () => {
    const h = new Hall(smallHall());
    const phone = (serviceId: string, at: string) => () =>
      h.evaluate({ evaluationId: `m-${serviceId}`, serviceId, level: 'satisfied', reasons: [], channel: 'mobile', at });
    const a = serve(h, t(10));
    expect(refusalCode(phone(a.serviceId, t(10, 5)))).toBe('evaluation-pending-at-window');
    expect(refusalCode(phone(a.serviceId, t(60)))).toBe('evaluation-pending-at-window');
    h.ingest(padLapse(a, t(10, 30)));
    expect(refusalCode(phone(a.serviceId, t(60)))).toBe('accepted');

    // The pad never answered: open after the center's lapse (or at its due time, sweep or not).
    const b = serve(h, t(20));
    const due = centerLapseDueAt(h.state.config.evaluation, b.finishedAt);
    expect(refusalCode(phone(b.serviceId, iso(due - 1)))).toBe('evaluation-pending-at-window');
    h.lapseAbandonedRatings(iso(due));
    expect(refusalCode(phone(b.serviceId, iso(due + 60_000)))).toBe('accepted');
    // The citizen rated on the phone first: the pad's late rating is refused, the service counted once.
    expect(refusalCode(() => h.ingest(padRating(b, t(20, 10))))).toBe('already-evaluated');
    expect([...h.state.evaluations.values()].filter((e) => e.serviceId === b.serviceId)).toHaveLength(1);
  });
});

/**
 * Random days of one window: services finish, an honest pad rates in time or lapses (or stays silent,
 * broken), a dishonest sender posts out-of-time or misattributed ratings, the phone tries, the center
 * sweeps and the clock moves by up to hours. After every step: one state per service, one rating at
 * most, the lapse count is the services not rated; an honest in-time pad rating is never refused
 * unless the service was already rated or the pad itself gave up; replay gives the same hall.
 */
const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('serve' as const) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('advance' as const), minutes: fc.nat({ max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('sweep' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('padRates' as const),
      n: fc.nat(),
      delay: fc.nat({ max: 300 }),
      level: fc.nat({ max: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('padLapses' as const), n: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('phoneRates' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('forged' as const), n: fc.nat(), field: fc.nat({ max: 2 }) }) },
);

describe('rating integrity properties', () => {
  it('one state and at most one rating per service; in-time pad ratings never lost; replay gives the same hall', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 80 }), (actions) => {
        const config = smallHall();
        const h = new Hall(config);
        const log: HallEvent[] = [];
        h.onEvent((e) => log.push(e));
        let clock = ms(t(0));
        const served: ReturnType<typeof serve>[] = [];
        /** What the honest pad has already done per service: it rates or lapses each at most once. */
        const padDid = new Map<string, 'rated' | 'lapsed'>();
        const pick = (n: number) => (served.length ? served[n % served.length] : undefined);
        actions.forEach((a, step) => {
          switch (a.k) {
            case 'serve':
              clock += 1000;
              served.push(serve(h, iso(clock)));
              break;
            case 'advance':
              clock += a.minutes * 60_000;
              break;
            case 'sweep':
              h.lapseAbandonedRatings(iso(clock));
              break;
            case 'padRates': {
              const p = pick(a.n);
              if (!p || padDid.has(p.serviceId)) break;
              const at = ms(p.finishedAt) + a.delay * 1000;
              const level = EVALUATION_LEVELS[a.level] ?? 'satisfied';
              const e = padRating(p, iso(at), { level, reasons: level.includes('dissatisfied') ? ['attitude'] : [] });
              const inTime = at <= padRatingClosesAt(config.evaluation, p.finishedAt);
              const before = h.state.ratings.get(p.serviceId);
              const mayCount = before?.state === 'pending' || (before?.state === 'lapsed' && before.lapsedBy === 'center');
              const result = refusalCode(() => h.ingest(e));
              if (inTime && mayCount) expect(result, 'an in-time pad rating is never lost').toBe('accepted');
              if (!inTime) expect(result).not.toBe('accepted');
              if (inTime) padDid.set(p.serviceId, 'rated'); // the pad said 谢谢 either way
              break;
            }
            case 'padLapses': {
              const p = pick(a.n);
              if (!p || padDid.has(p.serviceId)) break;
              padDid.set(p.serviceId, 'lapsed');
              refusalCode(() => h.ingest(padLapse(p, iso(ms(p.finishedAt) + 30_000))));
              break;
            }
            case 'phoneRates': {
              const p = pick(a.n);
              if (!p) break;
              refusalCode(() =>
                h.evaluate({ evaluationId: `m${step}`, serviceId: p.serviceId, level: 'satisfied', reasons: [], channel: 'mobile', at: iso(clock) }),
              );
              break;
            }
            case 'forged': {
              const p = pick(a.n);
              if (!p) break;
              const wrong = [{ staffId: 'YT0999' }, { windowId: 'w1' }, { ticketId: 'nope' }][a.field];
              expect(refusalCode(() => h.ingest(padRating(p, p.finishedAt, { evaluationId: `f${step}`, ...wrong })))).not.toBe('accepted');
              break;
            }
          }
          // One state per service; a given one has exactly its one rating; the others have none.
          const perService = new Map<string, number>();
          for (const e of h.state.evaluations.values()) perService.set(e.serviceId, (perService.get(e.serviceId) ?? 0) + 1);
          let pending = 0;
          for (const r of h.state.ratings.values()) {
            expect(perService.get(r.serviceId) ?? 0).toBe(r.state === 'given' ? 1 : 0);
            if (r.state === 'pending') pending++;
            expect(h.state.pendingRatings.has(r.serviceId)).toBe(r.state === 'pending');
          }
          expect(h.state.pendingRatings.size).toBe(pending);
          for (const e of h.state.evaluations.values()) {
            const p = served.find((x) => x.serviceId === e.serviceId);
            expect([e.windowId, e.staffId, e.ticketId]).toEqual([p?.windowId, p?.staffId, p?.ticketId]);
          }
        });
        // After a final sweep far in the future, nothing stays pending.
        h.lapseAbandonedRatings(iso(clock + 86_400_000));
        expect(h.state.pendingRatings.size).toBe(0);
        expect([...h.state.ratings.values()].every((r) => r.state !== 'pending')).toBe(true);
        expect(hallFingerprint(Hall.replay(config, log).state)).toBe(hallFingerprint(h.state));
      }),
      { numRuns: 200 },
    );
  });
});
