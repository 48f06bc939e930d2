// What the ticket's QR link shows (`/m/t/{token}`): number, category, place in line, window —
// nothing personal, since anyone may hold the link. Also 补充评价 (rate later) from the same link.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError, EvaluationLevelSchema, centerLapseDueAt, estimateForTicket, hallLocalTime, type Ticket, type TicketStatus } from '@hallkit/core';
import { fail } from '../access/MobileError.ts';
import { MOBILE_ISSUER, type HallAccess } from '../HallAccess.ts';
import { lateArrivalView, type LateArrivalView } from './lateArrival.ts';

export interface FollowView {
  v: 1;
  number: string;
  categoryId: string;
  categoryName: string;
  status: TicketStatus;
  peopleAhead: number | null;
  /** null while no open window serves the category. */
  estimatedWaitMinutes: number | null;
  /** The window calling (or holding) the ticket. */
  window: { number: number } | null;
  calledAt: string | null;
  recalls: number;
  /**
   * 补充评价. `at-window`: the window's pad may still be rating this service — the phone opens once
   * the window's rating has closed, at the latest at `opensAt` (`opensAtTime`: hall-local HH:mm).
   */
  /** For a 过号 ticket: whether and until when it may be re-queued (what the page tells the citizen). */
  lateArrival: LateArrivalView | null;
  rating: { state: 'none' | 'at-window' | 'open' | 'given' | 'closed'; windowNumber?: number; until?: string; opensAt?: string; opensAtTime?: string };
  /** The hall's event count this view was made at: the page ignores anything older than it shows. */
  revision: number;
}

export const RateLaterSchema = z.object({
  v: z.literal(1),
  level: EvaluationLevelSchema,
  reasons: z.array(z.string().max(40)).max(10).default([]),
  comment: z.string().max(300).optional(),
});
export type RateLater = z.infer<typeof RateLaterSchema>;

export class TicketFollow {
  constructor(private readonly hall: HallAccess) {}

  view(ticketId: string, now: number): FollowView {
    const s = this.hall.state;
    const t = s.tickets.get(ticketId);
    if (!t) fail('not-found');
    const est = estimateForTicket(s, t);
    const windowId = t.status === 'called' || t.status === 'held' || t.status === 'no-show' ? t.windowId : undefined;
    const w = windowId !== undefined ? s.windows.get(windowId) : undefined;
    return {
      v: 1,
      number: t.number,
      categoryId: t.categoryId,
      categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
      status: t.status,
      peopleAhead: est?.peopleAhead ?? null,
      estimatedWaitMinutes: est?.minutes ?? null,
      window: w ? { number: w.config.number } : null,
      calledAt: t.calledAt ?? null,
      recalls: t.recalls,
      lateArrival: lateArrivalView(s, t, now),
      rating: this.ratingState(t, now),
      revision: s.eventCount,
    };
  }

  /** The service a later rating applies to: the ticket's last finished one. */
  private lastService(t: Ticket) {
    return t.services.at(-1);
  }

  private ratingState(t: Ticket, now: number): FollowView['rating'] {
    const svc = this.lastService(t);
    if (!svc) return { state: 'none' };
    const r = this.hall.state.ratings.get(svc.serviceId);
    const windowNumber = this.hall.state.windows.get(svc.windowId)?.config.number;
    const extra = windowNumber !== undefined ? { windowNumber } : {};
    if (!r) return { state: 'none' };
    if (r.state === 'given') return { state: 'given', ...extra };
    const policy = this.hall.state.config.evaluation;
    const until = Date.parse(r.finishedAt) + policy.laterRatingDays * 86_400_000;
    if (now > until) return { state: 'closed', ...extra };
    // The pad has the first say (core validateEvent): rated there → given; lapsed there or by the
    // center's sweep → open here; still pending → wait, so a phone rating never beats the pad's 谢谢.
    const opensAt = centerLapseDueAt(policy, r.finishedAt);
    if (r.state === 'pending' && now < opensAt) {
      const minute = hallLocalTime(opensAt, this.hall.state.config.catalog.hall.timeZone).minuteOfDay;
      const opensAtTime = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      return { state: 'at-window', opensAt: new Date(opensAt).toISOString(), opensAtTime, until: new Date(until).toISOString(), ...extra };
    }
    return { state: 'open', until: new Date(until).toISOString(), ...extra };
  }

  rate(ticketId: string, body: RateLater, now: number): void {
    const t = this.hall.state.tickets.get(ticketId);
    if (!t) fail('not-found');
    const svc = this.lastService(t);
    if (!svc) fail('nothing-to-rate');
    try {
      this.hall.run(MOBILE_ISSUER, (h) =>
        h.evaluate({
          evaluationId: randomUUID(),
          serviceId: svc.serviceId,
          level: body.level,
          reasons: body.reasons,
          ...(body.comment ? { comment: body.comment } : {}),
          channel: 'mobile',
          at: new Date(now).toISOString(),
        }),
      );
    } catch (e) {
      if (e instanceof DomainError) {
        if (e.code === 'already-evaluated' || e.code === 'evaluation-closed' || e.code === 'evaluation-needs-reason' || e.code === 'evaluation-pending-at-window') fail(e.code);
        if (e.code === 'unknown-reason') fail('bad-request', e.message);
      }
      throw e;
    }
  }
}
