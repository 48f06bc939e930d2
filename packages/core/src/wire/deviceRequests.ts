import { z } from 'zod';
import { MASKED_ID_SHAPE } from '../identity/idNumber.ts';
import { PriorityClassSchema } from '../calling/CallingRule.ts';
import { TicketSourceSchema } from '../tickets/Ticket.ts';

/**
 * Bodies of device → center requests (sync's Request/Response, by name). Each body carries `v`.
 * A refusal is a normal answer (`ok: false` with a DomainError code), not a transport error.
 */
/** Request names on the wire (sync requires topic-segment-safe names: no dots). */
export const TICKET_REQUESTS = { issue: 'ticket-issue', lease: 'numbers-lease', withdraw: 'ticket-withdraw' } as const;

/** A dispenser's own id for one ticket request: a retry or a withdrawal names the same request. */
export const TicketRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const Refusal = z.object({ v: z.literal(1), ok: z.literal(false), code: z.string(), message: z.string() });
export type RequestRefusal = z.infer<typeof Refusal>;

/** `ticket-issue`: a dispenser asks the center for a ticket while it is online. */
export const TicketIssueRequestSchema = z.object({
  v: z.literal(1),
  categoryId: z.string(),
  itemId: z.string().optional(),
  source: TicketSourceSchema,
  priority: PriorityClassSchema,
  /** Only the masked number ever travels for a ticket (3706**********1234). */
  idCard: z.object({ maskedNumber: z.string().regex(MASKED_ID_SHAPE) }).optional(),
  /**
   * Names this request: the center issues at most one ticket per request id, answers a repeat with
   * the same ticket, and never issues for a request the dispenser has withdrawn (`ticket-withdraw`).
   */
  requestId: TicketRequestIdSchema.optional(),
});
export type TicketIssueRequest = z.infer<typeof TicketIssueRequestSchema>;

export const TicketIssueResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    ticketId: z.string(),
    number: z.string(),
    categoryId: z.string(),
    peopleAhead: z.number().int().nonnegative(),
    /** null while no open window serves the category. */
    estimatedWaitMinutes: z.number().nullable(),
    /** Printed as the ticket's QR code: the citizen's phone follows the ticket there. */
    followUrl: z.string(),
    issuedAt: z.string(),
  }),
  Refusal,
]);
export type TicketIssueResponse = z.infer<typeof TicketIssueResponseSchema>;

/**
 * `ticket-withdraw`: the dispenser gave up waiting for `ticket-issue` (and printed from its own block)
 * or could not keep the center's answer (disk full). Whatever the order the two reach the center in,
 * no ticket nobody holds stays in the line: issued → cancelled, not yet issued → never issued.
 */
export const TicketWithdrawRequestSchema = z.object({ v: z.literal(1), requestId: TicketRequestIdSchema });
export type TicketWithdrawRequest = z.infer<typeof TicketWithdrawRequestSchema>;

export const TicketWithdrawResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    /**
     * `never-issued`: the request had not been (and now never will be) answered with a ticket;
     * `cancelled`: its ticket was taken out of the line; `already-withdrawn`: a repeat;
     * `in-service`: its ticket had already been called (left to the window, recorded).
     */
    outcome: z.enum(['never-issued', 'cancelled', 'already-withdrawn', 'in-service']),
    ticketId: z.string().optional(),
  }),
  Refusal,
]);
export type TicketWithdrawResponse = z.infer<typeof TicketWithdrawResponseSchema>;

/** `numbers-lease`: a dispenser asks for a block of numbers to hand out while cut off from the center. */
export const NumbersLeaseRequestSchema = z.object({ v: z.literal(1), categoryId: z.string() });
export type NumbersLeaseRequest = z.infer<typeof NumbersLeaseRequestSchema>;

export const NumbersLeaseResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    block: z.object({
      blockId: z.string(),
      categoryId: z.string(),
      day: z.string(),
      issuerId: z.string(),
      from: z.number().int().positive(),
      to: z.number().int().positive(),
    }),
  }),
  Refusal,
]);
export type NumbersLeaseResponse = z.infer<typeof NumbersLeaseResponseSchema>;
