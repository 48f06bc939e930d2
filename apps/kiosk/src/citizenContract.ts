// The kiosk's citizen services beyond the ticket (issue 18): the hall's rating point (scan the
// ticket's QR code, rate a finished service) and the SMS reminder opt-in after taking a ticket.
// Schemas of the bridge methods declared in contract.ts.
import { z } from 'zod';
import { EvaluationLevelSchema, RatableServiceSchema, type RatableService } from '@hallkit/core';

const CodeInput = z.string().trim().min(1).max(512);

// A service as the center describes it (core's wire schema): the kiosk shows it as it came.
export const KioskRatableServiceSchema = RatableServiceSchema;
export type KioskRatableService = RatableService;

/**
 * What a scanned ticket offers at the rating point. `requeue`: the ticket is a 过号 — the citizen is
 * back for their place, the kiosk's 过号重排 screen takes it; `not-finished`: still in line or at a window.
 */
export const RatingLookupSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), number: z.string(), services: z.array(KioskRatableServiceSchema).min(1), reasons: z.array(z.string()) }),
  z.object({ ok: z.literal(false), reason: z.enum(['requeue', 'not-finished', 'not-found', 'center-offline', 'error']), number: z.string().optional() }),
]);
export type RatingLookup = z.infer<typeof RatingLookupSchema>;

export const RateServiceInputSchema = z.object({
  code: CodeInput,
  serviceId: z.string().min(1).max(80),
  level: EvaluationLevelSchema,
  reasons: z.array(z.string().max(40)).max(10),
  comment: z.string().max(200).optional(),
});

export const RateServiceResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), followUp: z.boolean() }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['already-evaluated', 'evaluation-closed', 'evaluation-pending-at-window', 'evaluation-needs-reason', 'unknown-reason', 'unknown-service', 'not-found', 'center-offline', 'error']),
  }),
]);
export type RateServiceResult = z.infer<typeof RateServiceResultSchema>;

/** SMS reminders for the ticket just taken: 「前面还有 N 人」 and the call, to a number the citizen typed. */
export const ReminderInputSchema = z.object({ ticketId: z.string().min(1).max(64), phone: z.string().max(20) });
export const ReminderResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), phoneMasked: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['bad-phone', 'not-waiting', 'not-this-kiosk', 'center-offline', 'error']) }),
]);
export type ReminderResult = z.infer<typeof ReminderResultSchema>;
