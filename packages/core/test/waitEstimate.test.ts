// The wait a kiosk prints and a phone shows: people ahead, and minutes from the live handling time
// over the windows that really serve the category right now.
import { describe, expect, it } from 'vitest';
import { estimateForNewTicket, estimateForTicket, effectiveWindows, Hall, HANDLING_WEIGHT, MAX_HANDLING_SECONDS, type Ticket } from '../src/index.ts';
import { smallHall, t } from './fixtures.ts';

function hall() {
  const h = new Hall(smallHall());
  const issue = (categoryId: string, priority: Ticket['priority'] = 'normal', at = t(0)) =>
    h.issueTicket({ categoryId, source: 'on-site', priority, issuerId: 'kiosk-1', at });
  return { h, issue };
}

describe('wait estimate', () => {
  it('counts the people ahead by class and place in line', () => {
    const { h, issue } = hall();
    h.openWindow('w2', { id: 's2', name: '员工2' }, t(0));
    const first = issue('general', 'normal', t(1));
    const second = issue('general', 'normal', t(2));
    issue('general', 'green', t(3));
    expect(estimateForNewTicket(h.state, 'general', 'normal').peopleAhead).toBe(3);
    expect(estimateForNewTicket(h.state, 'general', 'green').peopleAhead).toBe(1); // only the green one goes first
    expect(estimateForTicket(h.state, h.ticket(second.ticketId))?.peopleAhead).toBe(2); // the green ticket and `first`
    expect(estimateForTicket(h.state, h.ticket(first.ticketId))?.peopleAhead).toBe(1);
  });

  it('follows windows opening and closing, and shares a general window between busy categories', () => {
    const { h, issue } = hall();
    const avg = h.state.handlingSeconds.get('general') as number;
    for (let i = 0; i < 4; i++) issue('general');
    expect(estimateForNewTicket(h.state, 'general', 'normal').minutes).toBeNull(); // no window: no made-up number
    h.openWindow('w2', { id: 's2', name: '员工2' }, t(1));
    expect(estimateForNewTicket(h.state, 'general', 'normal').minutes).toBe(Math.ceil((4 * avg) / 60));
    h.openWindow('w1', { id: 's1', name: '员工1' }, t(2)); // general + social, nobody waiting for social
    expect(effectiveWindows(h.state, 'general')).toBe(2);
    expect(estimateForNewTicket(h.state, 'general', 'normal').minutes).toBe(Math.ceil((4 * avg) / 2 / 60));
    issue('social'); // now w1 splits its time between the two lines
    expect(effectiveWindows(h.state, 'general')).toBe(1.5);
    expect(estimateForNewTicket(h.state, 'general', 'normal').minutes).toBe(Math.ceil((4 * avg) / 1.5 / 60));
    h.pauseWindow('w1', t(3));
    expect(effectiveWindows(h.state, 'general')).toBe(1);
    h.closeWindow('w2', t(4));
    expect(effectiveWindows(h.state, 'general')).toBe(0);
    expect(estimateForNewTicket(h.state, 'general', 'normal').minutes).toBeNull();
  });

  it('learns the live handling time from finished services, and a ticket left open over lunch does not wreck it', () => {
    const { h, issue } = hall();
    h.openWindow('w2', { id: 's2', name: '员工2' }, t(0));
    for (let i = 0; i < 6; i++) issue('general');
    const avg0 = h.state.handlingSeconds.get('general') as number;
    const before = estimateForNewTicket(h.state, 'general', 'normal').minutes as number;
    h.callNext('w2', t(10));
    h.finish('w2', 'completed', t(12)); // 120 s
    const avg1 = h.state.handlingSeconds.get('general') as number;
    expect(avg1).toBeCloseTo(avg0 + HANDLING_WEIGHT * (120 - avg0));
    const after = estimateForNewTicket(h.state, 'general', 'normal').minutes as number;
    expect(after).toBeLessThan(before); // one fewer ahead, and quicker service
    h.callNext('w2', t(13));
    h.finish('w2', 'completed', t(13 + 5 * 60)); // five hours
    expect(h.state.handlingSeconds.get('general')).toBeCloseTo(avg1 + HANDLING_WEIGHT * (MAX_HANDLING_SECONDS - avg1));
    expect(h.state.handlingSeconds.get('social')).toBe(h.state.config.catalog.categories.find((c) => c.id === 'social')?.averageHandlingSeconds);
  });
});
