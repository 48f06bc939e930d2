import type { HallState } from '../hall/HallState.ts';
import { centerLapseDueAt } from './ratingWindow.ts';

/**
 * Whether a channel other than the window's pad (the phone's 补充评价, the hall's rating point at the
 * kiosk) may rate a service now. The pad has the first say: `at-window` until it rated, recorded
 * "not rated", or the center gave up on it (`opensAt`); `closed` after the hall's `laterRatingDays`.
 */
export type LaterRatingState = 'open' | 'at-window' | 'given' | 'closed';

export interface LaterRating {
  serviceId: string;
  ticketId: string;
  windowId: string;
  windowNumber: number | undefined;
  staffId: string;
  categoryId: string;
  itemId: string | undefined;
  finishedAt: string;
  state: LaterRatingState;
  /** ms: when an `at-window` service opens to other channels at the latest. */
  opensAt: number;
  /** ms: the last moment any rating of it is taken. */
  until: number;
}

/** One entry per service of the ticket (a transferred ticket has one per window), oldest first. */
export function laterRatings(s: HallState, ticketId: string, now: number): LaterRating[] {
  const t = s.tickets.get(ticketId);
  if (!t) return [];
  const policy = s.config.evaluation;
  const out: LaterRating[] = [];
  for (const svc of t.services) {
    const r = s.ratings.get(svc.serviceId);
    // A service from before transfers were rated (an older log) has no rating record: nothing to rate.
    if (!r) continue;
    const until = Date.parse(r.finishedAt) + policy.laterRatingDays * 86_400_000;
    const opensAt = centerLapseDueAt(policy, r.finishedAt);
    const state: LaterRatingState =
      r.state === 'given' ? 'given' : now > until ? 'closed' : r.state === 'pending' && now < opensAt ? 'at-window' : 'open';
    out.push({
      serviceId: svc.serviceId,
      ticketId: t.id,
      windowId: svc.windowId,
      windowNumber: s.windows.get(svc.windowId)?.config.number,
      staffId: svc.staffId,
      categoryId: svc.categoryId,
      itemId: svc.itemId,
      finishedAt: svc.finishedAt,
      state,
      opensAt,
      until,
    });
  }
  return out;
}
