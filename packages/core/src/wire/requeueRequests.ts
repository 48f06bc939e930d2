import { z } from 'zod';

/**
 * `ticket-requeue`: a kiosk scanned a 过号 ticket's QR code (`…/m/t/{token}`) — the citizen who missed
 * their call asks to be put back in line, within the hall's minutes. The token, not the number,
 * names the ticket: only who holds the paper can bring it back.
 */
export const REQUEUE_REQUEST = 'ticket-requeue';

export const TicketRequeueRequestSchema = z.object({
  v: z.literal(1),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type TicketRequeueRequest = z.infer<typeof TicketRequeueRequestSchema>;

export const TicketRequeueResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    number: z.string(),
    categoryId: z.string(),
    peopleAhead: z.number().int().nonnegative(),
    estimatedWaitMinutes: z.number().nullable(),
    placement: z.enum(['keep', 'end']),
  }),
  z.object({
    v: z.literal(1),
    ok: z.literal(false),
    /** not-found, ticket-not-no-show, late-arrival-too-late, late-arrival-not-allowed, … */
    code: z.string(),
    message: z.string(),
    number: z.string().optional(),
    status: z.string().optional(),
  }),
]);
export type TicketRequeueResponse = z.infer<typeof TicketRequeueResponseSchema>;

/**
 * The token of a ticket QR code's text (the follow URL), or null when the code is not one. The
 * printed code carries the center's QR mark (`?q=…`, the 二维码 channel); a scan at the kiosk is
 * still the ticket's (without the query the kiosk took its own ticket's code for a booking code).
 */
export function ticketTokenOf(scanned: string): string | null {
  const m = /\/m\/t\/([A-Za-z0-9_-]{16,64})\/?(?:\?q=[A-Za-z0-9_-]{1,64})?$/.exec(scanned.trim());
  return m?.[1] ?? null;
}
