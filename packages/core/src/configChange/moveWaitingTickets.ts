import { PRIORITY_CLASSES } from '../calling/CallingRule.ts';
import type { HallState } from '../hall/HallState.ts';
import type { WaitingMove, WaitingMoveRequest } from './WaitingMove.ts';

/** The moves with the ids of every ticket waiting in each `from` line now, in line order per class. */
export function waitingMoves(s: HallState, requests: readonly WaitingMoveRequest[]): WaitingMove[] {
  return requests.flatMap((r) => {
    const ticketIds = PRIORITY_CLASSES.flatMap((c) => s.lines.categoryLine(r.fromCategoryId, c).map((t) => t.id));
    return ticketIds.length ? [{ ...r, ticketIds }] : [];
  });
}

/**
 * Move waiting tickets to another category's line. Their place (queuedAt) and printed number stay, so
 * they merge into the new line by the time they were taken. Checked by checkConfigChange beforehand.
 */
export function moveWaitingTickets(s: HallState, moves: readonly WaitingMove[]): void {
  for (const m of moves)
    for (const id of m.ticketIds) {
      const t = s.tickets.get(id);
      if (!t || t.status !== 'waiting') continue;
      s.lines.remove(t);
      t.categoryId = m.toCategoryId;
      s.lines.add(t);
    }
}
