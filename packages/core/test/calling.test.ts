import { describe, expect, it } from 'vitest';
import { Hall } from '../src/index.ts';
import { refusalCode, smallHall, t } from './fixtures.ts';

function open(h: Hall, ...ids: string[]) {
  for (const id of ids) h.openWindow(id, { id: `s-${id}`, name: `员工${id}` }, t(0));
}

function issue(
  h: Hall,
  categoryId: string,
  at: string,
  priority: 'normal' | 'green' | 'appointment' = 'normal',
) {
  return h.issueTicket({ categoryId, source: 'on-site', priority, issuerId: 'kiosk-1', at });
}

describe('tickets and numbering', () => {
  it('numbers tickets prefix + daily sequence, unique per day, restarting the next day', () => {
    const h = new Hall(smallHall());
    expect(issue(h, 'general', t(1)).number).toBe('A001');
    expect(issue(h, 'general', t(2)).number).toBe('A002');
    expect(issue(h, 'social', t(3)).number).toBe('E001');
    // Next hall-day in Beijing time (16:00Z is 00:00 +08:00).
    const next = issue(h, 'general', '2026-11-23T16:00:01Z');
    expect(next.number).toBe('A001');
    expect(next.day).toBe('2026-11-24');
    expect(next.ticketId).toBe('2026-11-24/A001');
  });

  it('leases disjoint blocks to dispensers and accepts their offline tickets only inside their own blocks', () => {
    const h = new Hall(smallHall());
    issue(h, 'general', t(0)); // center takes A001–A005
    const lease = h.leaseBlock('kiosk-2', 'general', t(1));
    expect([lease.from, lease.to]).toEqual([6, 10]);
    const offline = {
      type: 'TicketIssued',
      v: 1,
      at: t(2),
      ticketId: '2026-11-23/A007',
      number: 'A007',
      seq: 7,
      day: '2026-11-23',
      categoryId: 'general',
      source: 'on-site',
      priority: 'normal',
      issuerId: 'kiosk-2',
      offline: true,
    } as const;
    h.ingest(offline);
    expect(refusalCode(() => h.ingest(offline))).toBe('number-already-used');
    expect(
      refusalCode(() =>
        h.ingest({ ...offline, issuerId: 'kiosk-3', seq: 8, number: 'A008', ticketId: '2026-11-23/A008' }),
      ),
    ).toBe('number-outside-lease');
    expect(refusalCode(() => h.ingest({ ...offline, seq: 2, number: 'A002', ticketId: '2026-11-23/A002' }))).toBe(
      'number-outside-lease',
    );
  });

  it('refuses tickets outside opening hours', () => {
    const cfg = smallHall();
    const h = new Hall({
      ...cfg,
      catalog: {
        ...cfg.catalog,
        categories: cfg.catalog.categories.map((c) => ({
          ...c,
          openingHours: [{ weekdays: [1, 2, 3, 4, 5], periods: [{ from: 540, to: 1020 }] }],
          openOnHolidays: false,
        })),
      },
    });
    expect(refusalCode(() => issue(h, 'general', '2026-11-23T00:30:00Z'))).toBe('category-closed'); // 08:30 Beijing
    expect(issue(h, 'general', '2026-11-23T01:30:00Z').number).toBe('A001');
    expect(refusalCode(() => issue(h, 'general', '2026-11-22T03:00:00Z'))).toBe('category-closed'); // Sunday
  });
});

describe('calling rules', () => {
  it('strict: every priority ticket before any normal one, each class in issue order', () => {
    const h = new Hall(smallHall());
    open(h, 'w2');
    issue(h, 'general', t(1));
    issue(h, 'general', t(2), 'appointment');
    issue(h, 'general', t(3), 'green');
    issue(h, 'general', t(4), 'green');
    const order = [5, 6, 7, 8].map((m) => h.callNext('w2', t(m)).called?.number);
    expect(order).toEqual(['A003', 'A004', 'A002', 'A001']);
  });

  it('interleave 1:2 — normal tickets never starve behind a stream of priority tickets', () => {
    const h = new Hall(smallHall());
    open(h, 'w1');
    for (let i = 0; i < 4; i++) issue(h, 'general', t(i));
    for (let i = 0; i < 4; i++) issue(h, 'general', t(10 + i), 'green');
    const classes = Array.from({ length: 8 }, (_, i) => h.callNext('w1', t(20 + i)).called?.priority);
    expect(classes).toEqual(['green', 'normal', 'normal', 'green', 'normal', 'normal', 'green', 'green']);
  });

  it('a general window calls across the categories it serves by issue time', () => {
    const h = new Hall(smallHall());
    open(h, 'w1');
    issue(h, 'social', t(1));
    issue(h, 'general', t(2));
    issue(h, 'social', t(3));
    expect([4, 5, 6].map((m) => h.callNext('w1', t(m)).called?.number)).toEqual(['E001', 'A001', 'E002']);
  });

  it('calling next finishes the ticket staff forgot to finish', () => {
    const h = new Hall(smallHall());
    open(h, 'w2');
    const a = issue(h, 'general', t(1));
    issue(h, 'general', t(2));
    h.callNext('w2', t(3));
    const { events } = h.callNext('w2', t(10));
    expect(events[0]).toMatchObject({ type: 'TicketFinished', ticketId: a.ticketId, outcome: 'unrecorded' });
    expect(h.ticket(a.ticketId).status).toBe('done');
  });

  it('recall keeps the ticket; no-show only after the configured recalls; a late arrival re-queues at the end', () => {
    const h = new Hall(smallHall());
    open(h, 'w2');
    const a = issue(h, 'general', t(1));
    issue(h, 'general', t(2));
    h.callNext('w2', t(3));
    expect(refusalCode(() => h.markNoShow('w2', t(4)))).toBe('recalls-not-exhausted');
    h.recall('w2', t(4));
    h.recall('w2', t(5));
    expect(h.ticket(a.ticketId).status).toBe('called');
    expect(h.state.recentCalls.slice(0, 2).map((c) => c.recall)).toEqual([true, true]);
    h.markNoShow('w2', t(6));
    expect(h.ticket(a.ticketId).status).toBe('no-show');
    issue(h, 'general', t(7));
    h.requeueLate(a.ticketId, t(20));
    expect([21, 22, 23].map((m) => h.callNext('w2', t(m)).called?.number)).toEqual(['A002', 'A003', 'A001']);
    expect(refusalCode(() => h.requeueLate(a.ticketId, t(24)))).toBe('ticket-not-no-show');
  });

  it('a late arrival past the allowed minutes is refused', () => {
    const h = new Hall(
      smallHall({
        noShow: {
          recallsBeforeNoShow: 0,
          lateArrival: { allowed: true, withinMinutes: 10, placement: 'keep' },
        },
      }),
    );
    open(h, 'w2');
    const a = issue(h, 'general', t(1));
    h.callNext('w2', t(2));
    h.markNoShow('w2', t(3));
    expect(refusalCode(() => h.requeueLate(a.ticketId, t(30)))).toBe('late-arrival-too-late');
  });

  it('hold and call back', () => {
    const h = new Hall(smallHall());
    open(h, 'w2');
    const a = issue(h, 'general', t(1));
    const b = issue(h, 'general', t(2));
    h.callNext('w2', t(3));
    h.hold('w2', t(4));
    expect(h.callNext('w2', t(5)).called?.id).toBe(b.ticketId); // the held ticket is not called by next
    h.callBack('w2', a.ticketId, t(9), { kind: 'finish', outcome: 'completed' }); // staff chose 办结 for B
    expect(h.window('w2').currentTicketId).toBe(a.ticketId);
    expect(h.ticket(b.ticketId).status).toBe('done');
  });

  it('transfer to a category or a window keeps the citizen’s place; redirect-and-return comes back', () => {
    const h = new Hall(smallHall());
    open(h, 'w2', 'w3', 'w4');
    const a = issue(h, 'general', t(1));
    h.callNext('w2', t(2));
    issue(h, 'social', t(3));
    h.transfer('w2', { kind: 'category', categoryId: 'social' }, t(4));
    expect(h.callNext('w3', t(5)).called?.id).toBe(a.ticketId); // issued 09:01, ahead of E001 (09:03)
    h.transfer('w3', { kind: 'window', windowId: 'w4' }, t(6), { returnHere: true });
    issue(h, 'tax', t(6, 30));
    expect(h.callNext('w4', t(7)).called?.id).toBe(a.ticketId);
    h.finish('w4', 'completed', t(8));
    expect(h.ticket(a.ticketId)).toMatchObject({ status: 'waiting', targetWindowId: 'w3' });
    expect(h.callNext('w3', t(9)).called?.id).toBe(a.ticketId);
    h.finish('w3', 'completed', t(10));
    expect(h.ticket(a.ticketId).services.map((s) => [s.windowId, s.outcome])).toEqual([
      ['w2', 'referred'],
      ['w3', 'referred'],
      ['w4', 'completed'],
      ['w3', 'completed'],
    ]);
  });

  it('a paused or closed window cannot call', () => {
    const h = new Hall(smallHall());
    issue(h, 'general', t(1));
    expect(refusalCode(() => h.callNext('w2', t(2)))).toBe('window-not-open');
    open(h, 'w2');
    h.pauseWindow('w2', t(3), '午休');
    expect(refusalCode(() => h.callNext('w2', t(4)))).toBe('window-paused');
    h.resumeWindow('w2', t(5));
    expect(h.callNext('w2', t(6)).called?.number).toBe('A001');
  });
});
