import type { HallEvent } from '../events/HallEvent.ts';
import type { HallState } from '../hall/HallState.ts';
import { checkDayClosable, dayClosedEvent } from './closeDay.ts';

/**
 * Close a hall-day: a ticket still at a counter is finished (outcome unrecorded), every window
 * closes as staff closing it would (tickets held there let go), then the day's still-open tickets end
 * by the hall's day-end rule in one HallDayClosed. `closeWindow` and `commit` apply as they go: the
 * closing event is decided on the state the window closes left.
 */
export function closeDayEvents(
  s: HallState,
  day: string,
  at: string,
  closeWindow: (windowId: string) => HallEvent[],
  commit: (events: HallEvent[]) => HallEvent[],
): HallEvent[] {
  checkDayClosable(s, day);
  const events: HallEvent[] = [];
  for (const w of s.windows.values())
    if (w.status !== 'closed' || w.currentTicketId !== undefined) events.push(...closeWindow(w.config.id));
  events.push(...commit([dayClosedEvent(s, day, at)]));
  return events;
}
