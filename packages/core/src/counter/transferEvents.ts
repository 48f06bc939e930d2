import { refuse } from '../DomainError.ts';
import type { HallEvent, TransferTarget } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import { serviceIdFor } from './finishEvents.ts';

/**
 * 转办: the ticket at the counter goes to a category's line or to a named window that is open now.
 * A closed or paused window would keep the citizen waiting for a call that does not come.
 */
export function transferEvents(
  s: HallState,
  w: WindowState,
  t: Ticket,
  to: TransferTarget,
  at: string,
  opts: { returnHere?: boolean; itemId?: string },
): HallEvent[] {
  if (to.kind === 'category') {
    if (!s.categories.has(to.categoryId)) refuse('unknown-category', `no category ${to.categoryId}`);
  } else {
    if (to.windowId === w.config.id) refuse('invalid-argument', 'cannot transfer a ticket to its own window');
    const target = s.windows.get(to.windowId) ?? refuse('unknown-window', `no window ${to.windowId}`);
    if (target.status !== 'open')
      refuse('transfer-target-not-open', `window ${target.config.number} is ${target.status}: transfer to an open window or to a category`);
  }
  return [
    {
      type: 'TicketTransferred',
      v: 1,
      at,
      ticketId: t.id,
      fromWindowId: w.config.id,
      to,
      ...(opts.returnHere ? { returnToWindowId: w.config.id } : {}),
      serviceId: serviceIdFor(t),
      ...(opts.itemId !== undefined ? { itemId: opts.itemId } : {}),
    },
  ];
}

/** A closing window lets go of the tickets held at it or sent to it by name: back to their lines. */
export function releaseOnClose(s: HallState, windowId: string, at: string): HallEvent[] {
  const events: HallEvent[] = [];
  for (const t of s.tickets.values()) {
    if (t.targetWindowId !== windowId || (t.status !== 'held' && t.status !== 'waiting')) continue;
    events.push({ type: 'TicketReturnedToLine', v: 1, at, ticketId: t.id, windowId, reason: 'window-closed' });
  }
  return events;
}
