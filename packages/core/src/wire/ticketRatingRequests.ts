import { z } from 'zod';
import { EvaluationLevelSchema } from '../evaluation/levels.ts';

/**
 * The hall's rating point (大厅评价机): a citizen who left the window without rating scans the ticket's
 * QR code (`…/m/t/{token}`) at a kiosk. `ticket-rating` lists the ticket's services (one per window
 * of a transferred ticket) and whether each may be rated now; `ticket-rate` rates one of them. The
 * center records the rating with channel `hall-terminal` (a hall terminal, not the window's pad),
 * at its own clock, under the same rules as the phone's 补充评价.
 */
export const TICKET_RATING_REQUESTS = { services: 'ticket-rating', rate: 'ticket-rate' } as const;

const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const TicketRatingRequestSchema = z.object({ v: z.literal(1), token: Token });
export type TicketRatingRequest = z.infer<typeof TicketRatingRequestSchema>;

export const RatableServiceSchema = z.object({
  serviceId: z.string(),
  windowNumber: z.number().int().nullable(),
  categoryId: z.string(),
  itemId: z.string().nullable(),
  categoryName: z.string(),
  itemName: z.string().nullable(),
  finishedAt: z.string(),
  state: z.enum(['open', 'at-window', 'given', 'closed']),
  /** ISO: when an `at-window` service opens here at the latest. */
  opensAt: z.string(),
  /** ISO: the last moment it may be rated. */
  until: z.string(),
});
export type RatableService = z.infer<typeof RatableServiceSchema>;

export const TicketRatingResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    number: z.string(),
    /** The ticket's status: a `no-show` ticket is a citizen coming back (过号重排), not a rating. */
    status: z.string(),
    services: z.array(RatableServiceSchema),
    /** The 差评 reasons this hall offers (ids from the national list, BAD_REVIEW_REASONS). */
    reasons: z.array(z.string()),
  }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.enum(['not-found', 'forbidden', 'rate-limited']), message: z.string() }),
]);
export type TicketRatingResponse = z.infer<typeof TicketRatingResponseSchema>;

export const TicketRateRequestSchema = z.object({
  v: z.literal(1),
  token: Token,
  serviceId: z.string().min(1).max(80),
  level: EvaluationLevelSchema,
  reasons: z.array(z.string().max(40)).max(10),
  comment: z.string().trim().max(200).optional(),
});
export type TicketRateRequest = z.infer<typeof TicketRateRequestSchema>;

export const TICKET_RATE_REFUSALS = [
  'not-found',
  'unknown-service',
  'already-evaluated',
  'evaluation-closed',
  'evaluation-pending-at-window',
  'evaluation-needs-reason',
  'unknown-reason',
  'forbidden',
  'rate-limited',
] as const;
export type TicketRateRefusal = (typeof TICKET_RATE_REFUSALS)[number];

export const TicketRateResponseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(1), ok: z.literal(true), evaluationId: z.string(), followUp: z.boolean() }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.enum(TICKET_RATE_REFUSALS), message: z.string() }),
]);
export type TicketRateResponse = z.infer<typeof TicketRateResponseSchema>;
