import { describe, expect, it } from 'vitest';
import { Hall, hallFingerprint, takeCheckpoint, type HallEvent } from '../src/index.ts';
import { refusalCode, smallHall } from './fixtures.ts';

/** Beijing time on a given day: `at('2026-11-23', '23:59')`. */
const at = (day: string, hm: string, s = 0) => new Date(Date.parse(`${day}T${hm}:00+08:00`) + s * 1000).toISOString();
const D1 = '2026-11-23';
const D2 = '2026-11-24';
const staff = { id: 'YT0201', name: '王晓燕' };

function issue(h: Hall, when: string, categoryId = 'general') {
  return h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: when });
}

/** A day-1 hall at 23:59: one served and rated, one served unrated, one at the counter, one held, two waiting, one 差评 open. */
function busyDay(h: Hall) {
  h.openWindow('w2', staff, at(D1, '09:00'));
  const rated = issue(h, at(D1, '09:01'));
  const unrated = issue(h, at(D1, '09:02'));
  const bad = issue(h, at(D1, '09:03'));
  const held = issue(h, at(D1, '09:04'));
  const atCounter = issue(h, at(D1, '09:05'));
  const waiting = [issue(h, at(D1, '09:06')), issue(h, at(D1, '09:07'))];
  const fin = (when: string) => {
    h.callNext('w2', when);
    const [e] = h.finish('w2', 'completed', when);
    if (e?.type !== 'TicketFinished') throw new Error('not finished');
    return e.serviceId;
  };
  const s1 = fin(at(D1, '09:10'));
  h.evaluate({ evaluationId: 'ev-1', serviceId: s1, level: 'very-satisfied', reasons: [], channel: 'hall-pad', at: at(D1, '09:10', 20) });
  const s2 = fin(at(D1, '09:20'));
  h.lapseRating(s2, at(D1, '09:21'));
  const s3 = fin(at(D1, '09:30'));
  h.evaluate({ evaluationId: 'ev-3', serviceId: s3, level: 'dissatisfied', reasons: ['attitude'], channel: 'hall-pad', at: at(D1, '09:30', 20) });
  h.callNext('w2', at(D1, '09:40'));
  h.hold('w2', at(D1, '09:41'));
  h.callNext('w2', at(D1, '23:50'));
  return { rated, unrated, bad, held, atCounter, waiting, s1, s2, s3 };
}

describe('closing a hall-day', () => {
  it('ends the day across midnight: the counter ticket is finished, windows close, waiting and held tickets end once by the rule', () => {
    const h = new Hall(smallHall());
    const d = busyDay(h);
    const events = h.closeDay(D1, at(D2, '00:00', 5));
    // The held ticket is let go by its closing window (as staff closing it would), then ends with the day.
    expect(events.map((e) => e.type)).toEqual(['TicketFinished', 'WindowClosed', 'TicketReturnedToLine', 'HallDayClosed']);
    const closed = events.at(-1) as Extract<HallEvent, { type: 'HallDayClosed' }>;
    expect(closed.ended.sort()).toEqual([d.held.ticketId, ...d.waiting.map((w) => w.ticketId)].sort());
    expect(closed.endedAs).toBe('cancelled');
    expect(h.state.lines.categoryCount('general')).toBe(0);
    expect([...h.state.windows.values()].every((w) => w.status === 'closed')).toBe(true);
    // Counted once: the day cannot be closed again, nor an earlier one.
    expect(refusalCode(() => h.closeDay(D1, at(D2, '00:01')))).toBe('day-closed');
    expect(refusalCode(() => h.closeDay('2026-11-20', at(D2, '00:01')))).toBe('day-closed');
  });

  it('ends unserved tickets as no-shows where the hall counts them so', () => {
    const h = new Hall(smallHall({ dayEnd: { unservedTicketsEndAs: 'no-show' } }));
    const d = busyDay(h);
    const closed = h.closeDay(D1, at(D2, '00:00')).at(-1);
    expect(closed?.type === 'HallDayClosed' && closed.endedAs).toBe('no-show');
    expect(refusalCode(() => h.requeueLate(d.waiting[0]?.ticketId ?? '', at(D2, '08:00')))).toBe('unknown-ticket');
  });

  it('forgets the day but keeps what outlives it: ratings still possible, open 差评 follow-ups', () => {
    const h = new Hall(smallHall());
    const d = busyDay(h);
    h.closeDay(D1, at(D2, '00:00'));
    const s = h.state;
    // Rated and ended tickets are history; the unrated service (and the one finished at midnight) may still be rated.
    expect(s.tickets.has(d.rated.ticketId)).toBe(false);
    expect(s.tickets.has(d.waiting[0]?.ticketId ?? '')).toBe(false);
    expect(s.tickets.has(d.unrated.ticketId)).toBe(true);
    expect(s.tickets.has(d.atCounter.ticketId)).toBe(true);
    expect([...s.followUps.values()].map((c) => c.evaluationId)).toEqual(['ev-3']);
    expect([...s.evaluations.keys()]).toEqual(['ev-3']);
    expect(s.numbering.size).toBe(0);
    expect(s.recentCalls).toEqual([]);

    // 补充评价 the next day on the phone, the follow-up still advances, and a second rating of a forgotten one is refused plainly.
    h.evaluate({ evaluationId: 'ev-2', serviceId: d.s2, level: 'satisfied', reasons: [], channel: 'mobile', at: at(D2, '10:00') });
    h.advanceFollowUp('fu/ev-3', 'contacted', 'admin', at(D2, '10:05'));
    expect(refusalCode(() => h.evaluate({ evaluationId: 'ev-x', serviceId: d.s1, level: 'satisfied', reasons: [], channel: 'mobile', at: at(D2, '10:00') }))).toBe('evaluation-closed');

    // New day, numbers restart; a dispenser's offline ticket of the closed day is refused as such.
    expect(issue(h, at(D2, '08:30')).number).toMatch(/001$/);
    const late: HallEvent = { ...d.waiting[0]!, ticketId: `${D1}/A099`, number: 'A099', seq: 99, offline: true };
    expect(refusalCode(() => h.ingest(late))).toBe('day-closed');
  });

  it('lets a carried rating go once its 补充评价 days are over, and a closed follow-up at the next close', () => {
    const h = new Hall(smallHall());
    const d = busyDay(h);
    h.closeDay(D1, at(D2, '00:00'));
    h.advanceFollowUp('fu/ev-3', 'closed', 'admin', at(D2, '10:00'), '核实为误评');
    h.closeDay(D2, at('2026-11-25', '00:00'));
    expect(h.state.followUps.size).toBe(0);
    expect(h.state.tickets.has(d.unrated.ticketId)).toBe(true);
    const eighth = '2026-12-01';
    h.closeDay('2026-11-30', at(eighth, '00:00'));
    expect(h.state.tickets.has(d.unrated.ticketId)).toBe(false);
    expect(h.state.ratings.size).toBe(0);
  });

  it('a hall restored from the close checkpoint and replaying only the next day equals the live hall', () => {
    const live = new Hall(smallHall());
    const log: HallEvent[] = [];
    live.onEvent((e) => log.push(e));
    busyDay(live);
    live.closeDay(D1, at(D2, '00:00'));
    const cp = JSON.parse(JSON.stringify(takeCheckpoint(live.state))) as ReturnType<typeof takeCheckpoint>;
    const fromClose = log.length;
    live.openWindow('w2', staff, at(D2, '09:00'));
    issue(live, at(D2, '09:01'));
    issue(live, at(D2, '09:02'));
    live.callNext('w2', at(D2, '09:03'));
    live.finish('w2', 'completed', at(D2, '09:10'));
    const fullReplay = Hall.replay(smallHall(), log);
    const restored = Hall.fromCheckpoint(smallHall(), cp);
    for (const e of log.slice(fromClose)) restored.ingest(e);
    expect(hallFingerprint(restored.state)).toBe(hallFingerprint(live.state));
    expect(hallFingerprint(fullReplay.state)).toBe(hallFingerprint(live.state));
    expect(restored.state.eventCount).toBe(log.length);
  });
});
