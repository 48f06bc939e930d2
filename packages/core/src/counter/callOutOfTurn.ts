import { refuse } from '../DomainError.ts';
import type { HallEvent } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import { clearCounter, type CounterChoice } from './CounterChoice.ts';
import { servedCategories } from '../staffing/WindowAssignment.ts';

/** 回呼: call back a ticket this window held; the ticket at the counter goes where staff chose. */
export function callBackEvents(s: HallState, w: WindowState, ticketId: string, at: string, choice?: CounterChoice): HallEvent[] {
  const t = s.tickets.get(ticketId) ?? refuse('unknown-ticket', `no ticket ${ticketId}`);
  if (t.status !== 'held' || t.targetWindowId !== w.config.id) refuse('ticket-not-held', `${t.number} is not held at this window`);
  return [...clearCounter(s, w, at, choice), called(w, t.id, at, 'call-back')];
}

/**
 * Call a given waiting number (按号呼叫): any ticket this window could call — of a category it serves or
 * sent to it by name — whatever its class. The rule's round is not counted: staff chose, not the rule.
 */
export function callByNumberEvents(s: HallState, w: WindowState, ticketId: string, at: string, choice?: CounterChoice): HallEvent[] {
  const t = s.tickets.get(ticketId) ?? refuse('unknown-ticket', `no ticket ${ticketId}`);
  if (t.status !== 'waiting') refuse('ticket-not-waiting', `${t.number} is ${t.status}`);
  const mine = t.targetWindowId === w.config.id || (t.targetWindowId === undefined && servedCategories(w).includes(t.categoryId));
  if (!mine) refuse('ticket-not-for-window', `${t.number} does not wait for window ${w.config.number}`);
  return [...clearCounter(s, w, at, choice), called(w, t.id, at, 'by-number')];
}

function called(w: WindowState, ticketId: string, at: string, via: 'call-back' | 'by-number'): HallEvent {
  return { type: 'TicketCalled', v: 1, at, ticketId, windowId: w.config.id, staffId: w.staff?.id ?? '', via };
}
