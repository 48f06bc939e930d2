// The hall's rating point (大厅评价机) on the center's side: a kiosk scanned a ticket's QR code and
// asks which services of it may be rated (`ticket-rating`), then rates one (`ticket-rate`). Only a
// kiosk may ask (REQUEST_ROLES); the token, never a number, names the ticket; the rating is made at
// the center's clock with channel `hall-terminal` — a hall terminal, not the window's pad.
import {
  BAD_REVIEW_REASONS,
  TICKET_RATE_REFUSALS,
  TICKET_RATING_REQUESTS,
  TicketRateRequestSchema,
  TicketRatingRequestSchema,
  type TicketRateRefusal,
  type TicketRateResponse,
  type TicketRatingResponse,
} from '@hallkit/core';
import type { RequestResponder } from '@hallkit/sync';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { RateRule } from '../../server/access/RateLimiter.ts';
import { MobileError } from '../access/MobileError.ts';
import type { MobileService } from '../MobileService.ts';

/** The issuer a kiosk's rating is logged under (`kiosk-1` → `rating-point:kiosk-1`). */
export const ratingPointSource = (deviceId: string) => `rating-point:${deviceId}`;

export function ratingPointRequests(responder: RequestResponder, ctx: CenterContext, m: MobileService, deviceRule: RateRule): void {
  const kioskOnly = (deviceId: string) => ctx.registry.get(deviceId)?.role === 'kiosk';
  responder.handle(TICKET_RATING_REQUESTS.services, TicketRatingRequestSchema, (body, rc): TicketRatingResponse => {
    if (!kioskOnly(rc.deviceId)) return { v: 1, ok: false, code: 'forbidden', message: 'only a kiosk is a rating point' };
    if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many look-ups from this device' };
    const ticketId = ctx.tokens.ticketFor(body.token);
    const t = ticketId ? ctx.hall.state.tickets.get(ticketId) : undefined;
    if (!t) return { v: 1, ok: false, code: 'not-found', message: 'no ticket for this code' };
    const s = ctx.hall.state;
    const now = m.now();
    return {
      v: 1,
      ok: true,
      number: t.number,
      status: t.status,
      services: m.follow.ratings.list(t.id, now).map((r) => {
        const itemId = r.itemId;
        return {
          serviceId: r.serviceId,
          windowNumber: r.windowNumber ?? null,
          categoryId: r.categoryId,
          itemId: itemId ?? null,
          categoryName: s.categories.get(r.categoryId)?.name ?? r.categoryId,
          itemName: itemId ? (s.items.get(itemId)?.name ?? null) : null,
          finishedAt: r.finishedAt,
          state: r.state,
          opensAt: new Date(r.opensAt).toISOString(),
          until: new Date(r.until).toISOString(),
        };
      }),
      reasons: m.follow.ratings.reasons().filter((r) => r in BAD_REVIEW_REASONS),
    };
  });
  responder.handle(TICKET_RATING_REQUESTS.rate, TicketRateRequestSchema, (body, rc): TicketRateResponse => {
    if (!kioskOnly(rc.deviceId)) return { v: 1, ok: false, code: 'forbidden', message: 'only a kiosk is a rating point' };
    if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many ratings from this device' };
    const ticketId = ctx.tokens.ticketFor(body.token);
    if (!ticketId || !ctx.hall.state.tickets.has(ticketId)) return { v: 1, ok: false, code: 'not-found', message: 'no ticket for this code' };
    try {
      const r = m.follow.ratings.rate(ticketId, { serviceId: body.serviceId, level: body.level, reasons: body.reasons, ...(body.comment ? { comment: body.comment } : {}) }, 'hall-terminal', ratingPointSource(rc.deviceId), m.now());
      ctx.logger.info('rated at the hall rating point', { deviceId: rc.deviceId, ticketId, serviceId: body.serviceId, level: body.level });
      return { v: 1, ok: true, ...r };
    } catch (e) {
      if (!(e instanceof MobileError)) throw e;
      const code: TicketRateRefusal = e.code === 'nothing-to-rate' ? 'unknown-service' : e.code === 'bad-request' ? 'unknown-reason' : (TICKET_RATE_REFUSALS as readonly string[]).includes(e.code) ? (e.code as TicketRateRefusal) : 'not-found';
      ctx.logger.info('rating at the hall rating point refused', { deviceId: rc.deviceId, ticketId, serviceId: body.serviceId, code });
      return { v: 1, ok: false, code, message: e.message };
    }
  });
}
