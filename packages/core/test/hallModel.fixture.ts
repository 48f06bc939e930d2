// The hall property test's own model (hall.property.test.ts): every ticket and every window's
// interleave round kept from the events alone, the oracle for who is called next, and the
// invariants checked after every step.
import { expect } from 'vitest';
import { Hall, isPriority, type HallEvent, type PriorityClass, type Ticket } from '../src/index.ts';

/** The small hall's categories and windows (fixtures.ts smallHall). */
export const CATS = ['general', 'social', 'tax'];
export const WINDOWS = ['w1', 'w2', 'w3', 'w4'];

/**
 * The test's own model of every ticket and every window's interleave round, kept from the events
 * alone with the rules written out again here (not the implementation's state, line order or round
 * counters): what the hall must hold is checked against it after every step.
 */
export interface ModelTicket {
  id: string;
  status: Ticket['status'];
  categoryId: string;
  target: string | undefined;
  returnTo: string | undefined;
  /** Place in line, ms: issue time, or the re-queue's time. */
  place: number;
  seq: number;
  number: string;
  priority: PriorityClass;
}

export class HallModel {
  readonly tickets = new Map<string, ModelTicket>();
  private readonly rounds = new Map<string, { priority: number; normal: number }>();

  constructor(private readonly rule: (windowId: string) => Hall['state']['config']['windows'][number]['rule']) {}

  apply(e: HallEvent): void {
    const t = 'ticketId' in e ? this.tickets.get(e.ticketId) : undefined;
    switch (e.type) {
      case 'TicketIssued':
        this.tickets.set(e.ticketId, {
          id: e.ticketId, status: 'waiting', categoryId: e.categoryId, target: undefined, returnTo: undefined,
          place: Date.parse(e.at), seq: e.seq, number: e.number, priority: e.priority,
        });
        return;
      case 'TicketCancelled':
        t!.status = 'cancelled';
        return;
      case 'TicketCalled': {
        t!.status = 'called';
        t!.target = undefined;
        if (e.via !== 'next') return;
        const rule = this.rule(e.windowId);
        if (rule.mode !== 'interleave') return;
        // At most `priority` priority calls, then up to `normal` normal ones, then a new round.
        const r = this.rounds.get(e.windowId) ?? { priority: 0, normal: 0 };
        if (isPriority(t!.priority)) r.priority++;
        else r.normal++;
        this.rounds.set(e.windowId, r.priority >= rule.priority && r.normal >= rule.normal ? { priority: 0, normal: 0 } : r);
        return;
      }
      case 'TicketNoShow':
        t!.status = 'no-show';
        return;
      case 'TicketRequeued':
        t!.status = 'waiting';
        t!.place = Date.parse(e.queuedAt);
        return;
      case 'TicketHeld':
        // Held at a window (挂起): that window calls it back.
        t!.status = 'held';
        t!.target = e.windowId;
        return;
      case 'TicketReturnedToLine':
        // Back to the category's line (sent back, or its window closed), place kept.
        t!.status = 'waiting';
        t!.target = undefined;
        return;
      case 'TicketTransferred':
        // The citizen keeps their place in line.
        t!.status = 'waiting';
        if (e.to.kind === 'category') {
          t!.categoryId = e.to.categoryId;
          t!.target = undefined;
        } else t!.target = e.to.windowId;
        t!.returnTo = e.returnToWindowId;
        return;
      case 'TicketFinished':
        if (t!.returnTo !== undefined && t!.returnTo !== e.windowId) {
          t!.status = 'waiting';
          t!.target = t!.returnTo;
        } else t!.status = 'done';
        t!.returnTo = undefined;
        return;
      default:
        return;
    }
  }

  /** Who the window's rule should call. */
  next(h: Hall, windowId: string): string | undefined {
    const w = h.window(windowId);
    const inLine = (x: ModelTicket) =>
      x.status === 'waiting' && (x.target === windowId || (x.target === undefined && w.config.categoryIds.includes(x.categoryId)));
    // By place in line (as a time, not as text), then by number order.
    const first = (c: PriorityClass) =>
      [...this.tickets.values()]
        .filter((x) => inLine(x) && x.priority === c)
        .sort((a, b) => a.place - b.place || a.seq - b.seq || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))[0];
    const pri = first('green') ?? first('appointment');
    const nor = first('normal');
    if (!pri || !nor) return (pri ?? nor)?.id;
    const rule = w.config.rule;
    if (rule.mode === 'strict') return pri.id;
    return (this.rounds.get(windowId)?.priority ?? 0) < rule.priority ? pri.id : nor.id;
  }
}

export function checkInvariants(h: Hall, model: HallModel): void {
  const s = h.state;
  // Nothing lost: every ticket the events made is in the hall, in the state the events say, and a
  // waiting ticket stands in the line the events put it in.
  expect(s.tickets.size, 'tickets in the hall').toBe(model.tickets.size);
  for (const m of model.tickets.values()) {
    const x = s.tickets.get(m.id);
    expect(x, `${m.number} exists`).toBeDefined();
    expect([x!.status, x!.categoryId, x!.targetWindowId], `${m.number}: status, category, target window`).toEqual([m.status, m.categoryId, m.target]);
  }
  let waiting = 0;
  for (const x of s.tickets.values()) if (x.status === 'waiting') waiting++;
  let inLines = 0;
  for (const c of CATS) inLines += s.lines.categoryCount(c);
  for (const w of WINDOWS) inLines += s.lines.windowCount(w);
  expect(inLines, 'every waiting ticket is in exactly one line').toBe(waiting);
  const current = new Set<string>();
  for (const w of s.windows.values()) {
    if (w.currentTicketId === undefined) continue;
    expect(current.has(w.currentTicketId), 'a ticket is at one window at most').toBe(false);
    current.add(w.currentTicketId);
    expect(s.tickets.get(w.currentTicketId)?.status).toBe('called');
  }
  for (const x of s.tickets.values()) {
    if (x.status === 'called') expect(current.has(x.id), `${x.number} called but at no window`).toBe(true);
    // Not stranded: a ticket waiting for, or held at, a named window is never left to a closed one.
    if ((x.status === 'waiting' || x.status === 'held') && x.targetWindowId !== undefined)
      expect(s.windows.get(x.targetWindowId)?.status, `${x.number} waits for closed window ${x.targetWindowId}`).not.toBe('closed');
  }
}
