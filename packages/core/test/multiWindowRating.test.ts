import { describe, expect, it } from 'vitest';
import { Hall, centerLapseDueAt, laterRatings } from '../src/index.ts';
import { refusalCode, smallHall, t } from './fixtures.ts';

/**
 * 一次一评 for a ticket served at two windows: window 1 transfers it to window 2, which finishes it.
 * Each window's service is a rating record of its own — rated by its own pad, or later (phone, the
 * hall's rating point) once that pad's say is over — and rating one never closes the other.
 */
function transferred() {
  const h = new Hall(smallHall());
  h.openWindow('w1', { id: 'YT0101', name: '李明' }, t(0));
  h.openWindow('w2', { id: 'YT0201', name: '王晓燕' }, t(0));
  const tk = h.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: t(1) });
  h.callNext('w1', t(2));
  const [moved] = h.transfer('w1', { kind: 'window', windowId: 'w2' }, t(5));
  h.callNext('w2', t(6));
  const [fin] = h.finish('w2', 'completed', t(10));
  if (moved?.type !== 'TicketTransferred' || fin?.type !== 'TicketFinished') throw new Error('not served');
  return { h, ticketId: tk.ticketId, first: moved.serviceId, second: fin.serviceId };
}

const rate = (h: Hall, serviceId: string, at: string, channel: 'hall-pad' | 'hall-terminal' | 'mobile', level: 'satisfied' | 'dissatisfied' = 'satisfied') =>
  refusalCode(() => h.evaluate({ evaluationId: `ev-${serviceId}-${channel}`, serviceId, level, reasons: level === 'dissatisfied' ? ['long-wait'] : [], channel, at }));

describe('a transferred ticket is rated per window', () => {
  it('the transferring window’s service waits for its own rating, as the finishing one does', () => {
    const { h, first, second } = transferred();
    expect(h.state.ratings.get(first)).toMatchObject({ state: 'pending', finishedAt: t(5) });
    expect(h.state.ratings.get(second)).toMatchObject({ state: 'pending', finishedAt: t(10) });
    expect([...h.state.pendingRatings]).toEqual([first, second]);
  });

  it('each window’s pad rates its own service: two records, each with its window and staff', () => {
    const { h, ticketId, first, second } = transferred();
    expect(rate(h, first, t(5, 20), 'hall-pad', 'dissatisfied')).toBe('accepted');
    expect(rate(h, second, t(10, 20), 'hall-pad')).toBe('accepted');
    const given = [...h.state.evaluations.values()].filter((e) => e.ticketId === ticketId);
    expect(given.map((e) => [e.windowId, e.staffId, e.level])).toEqual([
      ['w1', 'YT0101', 'dissatisfied'],
      ['w2', 'YT0201', 'satisfied'],
    ]);
    expect(rate(h, first, t(5, 30), 'hall-pad')).toBe('already-evaluated');
  });

  it('a service the first pad let lapse is rated later at a hall terminal, the other one stays the second pad’s', () => {
    const { h, ticketId, first, second } = transferred();
    expect(rate(h, first, t(30), 'hall-terminal')).toBe('evaluation-pending-at-window');
    h.lapseRating(first, t(5, 40));
    expect(rate(h, first, t(30), 'hall-terminal')).toBe('accepted');
    expect(rate(h, first, t(31), 'mobile')).toBe('already-evaluated');
    expect(rate(h, second, t(30), 'hall-terminal')).toBe('evaluation-pending-at-window');
    const views = laterRatings(h.state, ticketId, Date.parse(t(30)));
    expect(views.map((v) => [v.windowNumber, v.staffId, v.state])).toEqual([
      [1, 'YT0101', 'given'],
      [2, 'YT0201', 'at-window'],
    ]);
    const due = centerLapseDueAt(h.state.config.evaluation, t(10));
    expect(laterRatings(h.state, ticketId, due).map((v) => v.state)).toEqual(['given', 'open']);
    const closes = Date.parse(t(10)) + 7 * 86_400_000;
    expect(laterRatings(h.state, ticketId, closes + 1).map((v) => v.state)).toEqual(['given', 'closed']);
  });
});
