import { describe, expect, it } from 'vitest';
import { Hall, priorityForAge, defaultGreenChannelPolicy, type HallEvent } from '../src/index.ts';
import { refusalCode, smallHall, t } from './fixtures.ts';

const staff = (n: number) => ({ id: `s${n}`, name: `员工${n}` });

function hallWith(...cats: string[]): Hall {
  const h = new Hall(smallHall());
  for (const [i, c] of cats.entries()) h.issueTicket({ categoryId: c, source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: t(0, i) });
  return h;
}

describe('transfer (转办)', () => {
  it('is refused to a closed or paused window and the ticket stays at the counter', () => {
    const h = hallWith('general');
    h.openWindow('w1', staff(1), t(1));
    const a = h.callNext('w1', t(2)).called!;
    expect(refusalCode(() => h.transfer('w1', { kind: 'window', windowId: 'w2' }, t(3)))).toBe('transfer-target-not-open');
    h.openWindow('w2', staff(2), t(3));
    h.pauseWindow('w2', t(3), '午休');
    expect(refusalCode(() => h.transfer('w1', { kind: 'window', windowId: 'w2' }, t(4)))).toBe('transfer-target-not-open');
    expect(h.ticket(a.id).status).toBe('called');
    expect(h.window('w1').currentTicketId).toBe(a.id);
    h.resumeWindow('w2', t(5));
    h.transfer('w1', { kind: 'window', windowId: 'w2' }, t(5));
    expect(h.callNext('w2', t(6)).called?.id).toBe(a.id);
  });

  it('a window closing lets go of tickets sent to it: they wait in their category line, place kept', () => {
    const h = hallWith('general', 'general');
    h.openWindow('w1', staff(1), t(1));
    h.openWindow('w4', staff(4), t(1));
    const a = h.callNext('w1', t(2)).called!;
    h.transfer('w1', { kind: 'window', windowId: 'w4' }, t(3));
    h.closeWindow('w4', t(4));
    expect(h.ticket(a.id)).toMatchObject({ status: 'waiting', targetWindowId: undefined });
    // a.queuedAt is earlier than the other general ticket: it is called first again
    expect(h.callNext('w1', t(5)).called?.id).toBe(a.id);
  });
});

describe('hold and call back (挂起 / 回呼)', () => {
  it('call-back never finishes the ticket at the counter silently; the pad is asked about the right service', () => {
    const h = hallWith('general', 'general');
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    h.openWindow('w1', staff(1), t(1));
    const a = h.callNext('w1', t(2)).called!;
    h.hold('w1', t(3));
    const b = h.callNext('w1', t(4)).called!;
    expect(refusalCode(() => h.callBack('w1', a.id, t(5)))).toBe('counter-occupied');
    expect(h.ticket(b.id).status).toBe('called');
    h.callBack('w1', a.id, t(5), { kind: 'hold' });
    expect(h.ticket(b.id).status).toBe('held');
    expect(log.filter((e) => e.type === 'TicketFinished')).toEqual([]);
    h.finish('w1', 'completed', t(6));
    // Only A's service waits for a rating: the citizen at the counter rates what they got.
    expect([...h.state.pendingRatings]).toEqual([`${a.id}#1`]);
    h.callBack('w1', b.id, t(7));
    expect(h.window('w1').currentTicketId).toBe(b.id);
  });

  it('call-back can finish the ticket at the counter with an outcome, or send it back to its place', () => {
    const h = hallWith('general', 'general', 'general');
    h.openWindow('w1', staff(1), t(1));
    const a = h.callNext('w1', t(2)).called!;
    h.hold('w1', t(3));
    const b = h.callNext('w1', t(4)).called!;
    h.callBack('w1', a.id, t(5), { kind: 'finish', outcome: 'needs-supplement' });
    expect(h.ticket(b.id).services[0]?.outcome).toBe('needs-supplement');
    h.hold('w1', t(6));
    const c = h.callNext('w1', t(7)).called!;
    h.callBack('w1', a.id, t(8), { kind: 'return' });
    expect(h.ticket(c.id)).toMatchObject({ status: 'waiting', services: [] });
    h.finish('w1', 'completed', t(9));
    expect(h.callNext('w1', t(10)).called?.id).toBe(c.id);
  });

  it('a window closing sends its held tickets back to their line', () => {
    const h = hallWith('general');
    h.openWindow('w1', staff(1), t(1));
    const a = h.callNext('w1', t(2)).called!;
    h.hold('w1', t(3));
    h.closeWindow('w1', t(4));
    h.openWindow('w2', staff(2), t(5));
    expect(h.callNext('w2', t(6)).called?.id).toBe(a.id);
  });
});

describe('call by number (按号呼叫)', () => {
  it('calls a waiting ticket of this window out of turn, refuses one that waits elsewhere', () => {
    const h = hallWith('general', 'general', 'tax');
    h.openWindow('w1', staff(1), t(1));
    const ids = [...h.state.tickets.keys()];
    expect(refusalCode(() => h.callByNumber('w1', ids[2]!, t(2)))).toBe('ticket-not-for-window');
    h.callByNumber('w1', ids[1]!, t(2));
    expect(h.window('w1').currentTicketId).toBe(ids[1]);
    expect(refusalCode(() => h.callByNumber('w1', ids[0]!, t(3)))).toBe('counter-occupied');
    h.callByNumber('w1', ids[0]!, t(3), { kind: 'finish', outcome: 'consulted' });
    expect(h.ticket(ids[1]!).services[0]?.outcome).toBe('consulted');
  });
});

describe('late re-queue (过号重排)', () => {
  it('puts a 过号 ticket back within the hall’s minutes, and not after', () => {
    const h = hallWith('general', 'general');
    h.openWindow('w1', staff(1), t(1));
    const a = h.callNext('w1', t(2)).called!;
    h.recall('w1', t(2, 20));
    h.recall('w1', t(2, 40));
    h.markNoShow('w1', t(3));
    expect(refusalCode(() => h.requeueLate(a.id, t(3 + 31)))).toBe('late-arrival-too-late');
    h.requeueLate(a.id, t(3 + 30));
    expect(h.ticket(a.id).status).toBe('waiting');
  });
});

describe('green channel (绿色通道)', () => {
  it('a green ticket is called first by a strict window', () => {
    const h = hallWith('general', 'general');
    const g = h.issueTicket({ categoryId: 'general', source: 'id-card', priority: 'green', issuerId: 'kiosk-1', at: t(1) });
    h.openWindow('w2', staff(2), t(2));
    expect(h.callNext('w2', t(3)).called?.id).toBe(g.ticketId);
  });

  it('the kiosk gives green by age only when the hall turned it on', () => {
    expect(priorityForAge(defaultGreenChannelPolicy, 90)).toBe('normal');
    const on = { byAge: { enabled: true, minAge: 70 } };
    expect(priorityForAge(on, 70)).toBe('green');
    expect(priorityForAge(on, 69)).toBe('normal');
    expect(priorityForAge(on, null)).toBe('normal');
  });
});
