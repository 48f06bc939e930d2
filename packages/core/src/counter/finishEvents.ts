import { refuse } from '../DomainError.ts';
import type { HallEvent } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import type { ServiceOutcome, Ticket } from '../tickets/Ticket.ts';
import { servedCategories } from '../staffing/WindowAssignment.ts';

/** A ticket's n-th stretch of service: `2026-11-21/A012#1`. Deterministic, so replays agree. */
export function serviceIdFor(t: Ticket): string {
  return `${t.id}#${t.services.length + 1}`;
}

/**
 * 办结 at a window. A ticket sent here to come back (redirect-and-return) whose home window has
 * closed meanwhile goes to its category's line instead of waiting for a window that will not call it.
 */
export function finishEvents(
  s: HallState,
  w: WindowState,
  t: Ticket,
  outcome: ServiceOutcome,
  at: string,
  itemId?: string,
): HallEvent[] {
  if (itemId !== undefined) {
    const item = s.items.get(itemId) ?? refuse('invalid-argument', `no service item ${itemId}`);
    if (item.categoryId !== t.categoryId && !servedCategories(w).includes(item.categoryId))
      refuse('invalid-argument', `item ${item.name} is not served at window ${w.config.number}`);
  }
  const events: HallEvent[] = [
    {
      type: 'TicketFinished',
      v: 1,
      at,
      ticketId: t.id,
      windowId: w.config.id,
      staffId: w.staff?.id ?? '',
      serviceId: serviceIdFor(t),
      ...(itemId !== undefined ? { itemId } : {}),
      outcome,
    },
  ];
  const home = t.returnToWindowId;
  if (home !== undefined && home !== w.config.id && s.windows.get(home)?.status === 'closed') {
    events.push({ type: 'TicketReturnedToLine', v: 1, at, ticketId: t.id, windowId: home, reason: 'window-closed' });
  }
  return events;
}
