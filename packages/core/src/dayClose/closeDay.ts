import { refuse } from '../DomainError.ts';
import type { EventOf } from '../events/HallEvent.ts';
import type { HallState } from '../hall/HallState.ts';
import { DEFAULT_DAY_END } from '../history/DayEndPolicy.ts';

/**
 * Whether `day` may be closed now: days close in order, once each. Throws a DomainError otherwise.
 */
export function checkDayClosable(s: HallState, day: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) refuse('invalid-argument', `not a day: ${day}`);
  if (s.closedThrough !== undefined && day <= s.closedThrough)
    refuse('day-closed', `hall-day ${day} is already closed (closed through ${s.closedThrough})`);
}

/**
 * The closing event of a hall-day, decided after the windows were closed (a ticket at a counter is
 * finished first, and a redirect-and-return may have put it back in line): every ticket of that day
 * or earlier still waiting or held ends as the hall's day-end rule says.
 */
export function dayClosedEvent(s: HallState, day: string, at: string): EventOf<'HallDayClosed'> {
  const ended: string[] = [];
  for (const t of s.tickets.values()) {
    if (t.day <= day && (t.status === 'waiting' || t.status === 'held')) ended.push(t.id);
  }
  const rule = s.config.dayEnd ?? DEFAULT_DAY_END;
  return { type: 'HallDayClosed', v: 1, at, day, ended, endedAs: rule.unservedTicketsEndAs };
}

/** A closing event never ends a ticket twice and names only open tickets of closed days. */
export function validateDayClosed(s: HallState, e: EventOf<'HallDayClosed'>): void {
  checkDayClosable(s, e.day);
  for (const id of e.ended) {
    const t = s.tickets.get(id) ?? refuse('unknown-ticket', `no ticket ${id}`);
    if (t.day > e.day) refuse('invalid-argument', `${t.number} belongs to ${t.day}, after ${e.day}`);
    if (t.status !== 'waiting' && t.status !== 'held') refuse('ticket-not-waiting', `${t.number} is ${t.status}`);
  }
}
