import { describe, expect, it } from 'vitest';
import { Hall, estimateForNewTicket, hallFingerprint, type HallEvent } from '../src/index.ts';
import { refusalCode, smallHall, t } from './fixtures.ts';

const issue = (h: Hall, categoryId: string, at: string, priority: 'green' | 'normal' = 'normal') =>
  h.issueTicket({ categoryId, source: 'on-site', priority, issuerId: 'kiosk-1', at });

describe('调流: a window re-assigned for the rest of the day', () => {
  it('calls the new categories with the new rule; waiting tickets keep their place; the boards count them', () => {
    const h = new Hall(smallHall());
    h.openWindow('w4', { id: 's4', name: '赵四' }, t(0));
    const a = issue(h, 'social', t(1));
    const b = issue(h, 'social', t(2));
    expect(estimateForNewTicket(h.state, 'social', 'normal').minutes).toBeNull(); // nobody serves 社保 yet
    h.assignWindow('w4', { categoryIds: ['social', 'tax'], rule: { mode: 'strict' } }, t(3), 'supervisor:zb01');
    expect(estimateForNewTicket(h.state, 'social', 'normal').minutes).not.toBeNull();
    const g = issue(h, 'social', t(4), 'green');
    expect(h.callNext('w4', t(5)).called?.id).toBe(g.ticketId); // strict: the green ticket first
    expect(h.callNext('w4', t(6)).called?.id).toBe(a.ticketId);
    expect(h.callNext('w4', t(7)).called?.id).toBe(b.ticketId);
  });

  it('lapses at the first event of the next hall-day', () => {
    const h = new Hall(smallHall());
    h.assignWindow('w4', { categoryIds: ['general'], rule: { mode: 'strict' } }, '2026-11-23T23:50:00+08:00', 'admin:admin');
    expect(h.window('w4').assignment?.day).toBe('2026-11-23');
    h.openWindow('w4', { id: 's4', name: '赵四' }, '2026-11-23T23:59:00+08:00');
    expect(h.window('w4').assignment).toBeDefined();
    h.openWindow('w4', { id: 's4', name: '赵四' }, '2026-11-24T00:00:00+08:00');
    expect(h.window('w4').assignment).toBeUndefined();
  });

  it('refuses unknown windows and categories', () => {
    const h = new Hall(smallHall());
    expect(refusalCode(() => h.assignWindow('w9', { categoryIds: ['general'], rule: { mode: 'strict' } }, t(0), 'x'))).toBe('unknown-window');
    expect(refusalCode(() => h.assignWindow('w1', { categoryIds: ['nope'], rule: { mode: 'strict' } }, t(0), 'x'))).toBe('unknown-category');
    expect(refusalCode(() => h.assignWindow('w1', { categoryIds: [], rule: { mode: 'strict' } }, t(0), 'x'))).toBe('invalid-argument');
  });
});

describe('closing a window (下班)', () => {
  it('hands the citizen at the counter, held tickets and tickets sent here back to their lines, in place', () => {
    const h = new Hall(smallHall());
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    h.openWindow('w2', { id: 's2', name: '钱二' }, t(0));
    h.openWindow('w1', { id: 's1', name: '孙一' }, t(0));
    const first = issue(h, 'general', t(1));
    const second = issue(h, 'general', t(2));
    const third = issue(h, 'general', t(3));
    h.callNext('w2', t(4)); // first
    h.hold('w2', t(5));
    h.callNext('w2', t(6)); // second
    h.callNext('w1', t(7)); // third at w1 …
    h.transfer('w1', { kind: 'window', windowId: 'w2' }, t(8)); // … sent to w2 by name
    h.closeWindow('w2', t(9), { kind: 'hand-back' });
    for (const x of [first, second, third]) {
      const tk = h.ticket(x.ticketId);
      expect([tk.status, tk.targetWindowId, tk.queuedAt]).toEqual(['waiting', undefined, x.at]);
    }
    expect(h.window('w2').currentTicketId).toBeUndefined();
    expect(h.callNext('w1', t(10)).called?.id).toBe(first.ticketId);
    expect(hallFingerprint(Hall.replay(smallHall(), log).state)).toBe(hallFingerprint(h.state));
  });

  it('finishes the citizen at the counter with the outcome staff chose', () => {
    const h = new Hall(smallHall());
    h.openWindow('w2', { id: 's2', name: '钱二' }, t(0));
    const x = issue(h, 'general', t(1));
    h.callNext('w2', t(2));
    h.closeWindow('w2', t(3), { kind: 'finish', outcome: 'completed' });
    expect(h.ticket(x.ticketId).services.at(-1)?.outcome).toBe('completed');
    expect(h.window('w2').status).toBe('closed');
    expect(refusalCode(() => h.closeWindow('w2', t(4)))).toBe('invalid-transition');
  });
});
