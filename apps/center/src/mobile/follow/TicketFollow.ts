// What the ticket's QR link shows (`/m/t/{token}`): number, category, place in line, window —
// nothing personal, since anyone may hold the link. Also 补充评价 (rate later) from the same link.
import { z } from 'zod';
import { estimateForTicket, hallLocalTime, type LaterRating, type NameTranslations, type TicketStatus } from '@hallkit/core';
import { fail } from '../access/MobileError.ts';
import { MOBILE_ISSUER, type HallAccess } from '../HallAccess.ts';
import { lateArrivalView, type LateArrivalView } from './lateArrival.ts';
import { ServiceRatings, ServiceRatingInputSchema } from './ServiceRatings.ts';

/**
 * 补充评价 of one service. `at-window`: the window's pad may still be rating it — the phone opens once
 * the window's rating has closed, at the latest at `opensAt` (`opensAtTime`: hall-local HH:mm).
 */
export interface ServiceRatingView {
  serviceId?: string;
  state: 'none' | 'at-window' | 'open' | 'given' | 'closed';
  windowNumber?: number;
  until?: string;
  opensAt?: string;
  opensAtTime?: string;
}

export interface FollowView {
  v: 1;
  number: string;
  categoryId: string;
  categoryName: string;
  /** The category's 繁體/English name from the hall definition (the page names it in the citizen's language). */
  categoryI18n?: NameTranslations;
  status: TicketStatus;
  peopleAhead: number | null;
  /** null while no open window serves the category. */
  estimatedWaitMinutes: number | null;
  /** The window calling (or holding) the ticket. */
  window: { number: number } | null;
  calledAt: string | null;
  recalls: number;
  /** For a 过号 ticket: whether and until when it may be re-queued (what the page tells the citizen). */
  lateArrival: LateArrivalView | null;
  /** The ticket's last service (what the window's pad asked about last). */
  rating: ServiceRatingView;
  /** Every service of the ticket, oldest first: a transferred ticket has one per window, each rated apart. */
  services: ServiceRatingView[];
  /** The hall's event count this view was made at: the page ignores anything older than it shows. */
  revision: number;
}

/** `q`: the QR mark the page was opened with (TicketTokens), passed along; the center checks it. */
export const RateLaterSchema = ServiceRatingInputSchema.extend({ v: z.literal(1), q: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() });
export type RateLater = z.infer<typeof RateLaterSchema>;

export class TicketFollow {
  readonly ratings: ServiceRatings;

  constructor(private readonly hall: HallAccess) {
    this.ratings = new ServiceRatings(hall);
  }

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
      ...(s.categories.get(t.categoryId)?.i18n ? { categoryI18n: s.categories.get(t.categoryId)?.i18n } : {}),
      status: t.status,
      peopleAhead: est?.peopleAhead ?? null,
      estimatedWaitMinutes: est?.minutes ?? null,
      window: w ? { number: w.config.number } : null,
      calledAt: t.calledAt ?? null,
      recalls: t.recalls,
      lateArrival: lateArrivalView(s, t, now),
      ...this.serviceViews(t.id, now),
      revision: s.eventCount,
    };
  }

  private serviceViews(ticketId: string, now: number): Pick<FollowView, 'rating' | 'services'> {
    const services = this.ratings.list(ticketId, now).map((r) => this.ratingView(r));
    return { rating: services.at(-1) ?? { state: 'none' }, services };
  }

  private ratingView(r: LaterRating): ServiceRatingView {
    const extra = r.windowNumber !== undefined ? { windowNumber: r.windowNumber } : {};
    const base = { serviceId: r.serviceId, ...extra };
    if (r.state === 'given' || r.state === 'closed') return { ...base, state: r.state };
    const until = new Date(r.until).toISOString();
    if (r.state === 'at-window') {
      const minute = hallLocalTime(r.opensAt, this.hall.state.config.catalog.hall.timeZone).minuteOfDay;
      const opensAtTime = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      return { ...base, state: 'at-window', opensAt: new Date(r.opensAt).toISOString(), opensAtTime, until };
    }
    return { ...base, state: 'open', until };
  }

  /**
   * 补充评价 from the ticket's link: the service named, or the one open for rating. `channel`: 二维码
   * when the route found the QR code's mark valid, else 移动端 — never the page's say.
   */
  rate(ticketId: string, body: RateLater, now: number, channel: 'mobile' | 'qr-code' = 'mobile'): void {
    if (!this.hall.state.tickets.has(ticketId)) fail('not-found');
    const { q: _mark, v: _v, ...input } = body;
    this.ratings.rate(ticketId, input, channel, MOBILE_ISSUER, now);
  }
}
