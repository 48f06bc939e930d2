import { z } from 'zod';
import { refuse } from '../DomainError.ts';
import type { HallEvent } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import { ServiceOutcomeSchema } from '../tickets/Ticket.ts';
import { finishEvents } from './finishEvents.ts';

/**
 * What staff want done with the ticket at the counter before they call someone else out of turn
 * (回呼 a held ticket, call a given number): never decided for them, because a silent 办结 makes the
 * pad ask the citizen now at the counter to rate somebody else's service.
 * - hold: set it aside here (挂起), to be called back;
 * - finish: 办结 with an outcome (the pad then asks for that service's rating);
 * - return: back to its line in its old place (e.g. a citizen who must fetch a document).
 */
export const CounterChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hold') }),
  z.object({ kind: z.literal('finish'), outcome: ServiceOutcomeSchema.exclude(['unrecorded', 'referred']), itemId: z.string().optional() }),
  z.object({ kind: z.literal('return') }),
]);
export type CounterChoice = z.infer<typeof CounterChoiceSchema>;

/** The events that clear the counter as chosen; refused when someone is there and nothing was chosen. */
export function clearCounter(s: HallState, w: WindowState, at: string, choice: CounterChoice | undefined): HallEvent[] {
  if (w.currentTicketId === undefined) return [];
  const t = s.tickets.get(w.currentTicketId);
  if (!t) return [];
  if (!choice) refuse('counter-occupied', `${t.number} is at the counter of window ${w.config.number}: hold, finish or return it first`);
  switch (choice.kind) {
    case 'hold':
      return [{ type: 'TicketHeld', v: 1, at, ticketId: t.id, windowId: w.config.id }];
    case 'return':
      return [{ type: 'TicketReturnedToLine', v: 1, at, ticketId: t.id, windowId: w.config.id, reason: 'sent-back' }];
    case 'finish':
      return finishEvents(s, w, t, choice.outcome, at, choice.itemId);
  }
}
