import { refuse } from '../DomainError.ts';
import type { HallEvent } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import type { ServiceOutcome } from '../tickets/Ticket.ts';
import { finishEvents } from '../counter/finishEvents.ts';
import { releaseOnClose } from '../counter/transferEvents.ts';

/**
 * What happens to the citizen at the counter when a window closes (下班, a supervisor's close, a
 * session that timed out): `finish` records the service with an outcome; `hand-back` puts the
 * ticket back in its category's line at its old place (it was not served).
 */
export type AtCounter = { kind: 'finish'; outcome: ServiceOutcome; itemId?: string } | { kind: 'hand-back' };

/**
 * The events that close a window without stranding anyone: the ticket at the counter is finished
 * or handed back; tickets held at this window (挂起) and tickets sent to it by name go back to their
 * category's line, keeping their place — a closed window would never call them.
 */
export function decideLeaveWindow(s: HallState, w: WindowState, at: string, atCounter: AtCounter): HallEvent[] {
  const windowId = w.config.id;
  const release = releaseOnClose(s, windowId, at);
  if (w.status === 'closed' && w.currentTicketId === undefined && release.length === 0) {
    refuse('invalid-transition', `window ${w.config.number} is already closed`);
  }
  const events: HallEvent[] = [];
  const current = w.currentTicketId === undefined ? undefined : s.tickets.get(w.currentTicketId);
  if (current) {
    if (atCounter.kind === 'finish') events.push(...finishEvents(s, w, current, atCounter.outcome, at, atCounter.itemId));
    else events.push({ type: 'TicketReturnedToLine', v: 1, at, ticketId: current.id, windowId, reason: 'sent-back' });
  }
  events.push({ type: 'WindowClosed', v: 1, at, windowId }, ...release);
  return events;
}
