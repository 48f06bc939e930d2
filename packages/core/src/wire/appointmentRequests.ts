import { ID_NUMBER_SHAPE } from '../identity/idNumber.ts';
import { z } from 'zod';
import { ApplicationCaseSchema } from '../cases/ApplicationCase.ts';

/**
 * Kiosk → center requests for the phone-side services (sync's Request/Response, by name; the
 * center's mobile module answers them). A refusal is a normal answer with a stable code.
 *
 * The full ID number travels only inside these requests (over the hall's TLS link), because the
 * center matches it against a keyed hash; it is never stored or logged whole on either side.
 */
/** Request names (sync allows topic-safe names only: no dots). */
export const APPOINTMENT_REQUESTS = { checkIn: 'appointment-checkin', caseLookup: 'case-lookup' } as const;

// Any layout served (resident, HK/Macau/TW permit, foreign permanent resident 2017 and 2023); the
// check character and birth date are checked where the hall's day is known (identity/idNumber.ts).
const IdNumber = z.string().regex(ID_NUMBER_SHAPE);

/** `appointment-checkin`: check a booking in by its code (typed or scanned) or by the holder's ID card. */
export const AppointmentCheckInRequestSchema = z
  .object({
    v: z.literal(1),
    code: z.string().min(4).max(32).optional(),
    idNumber: IdNumber.optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.idNumber === undefined), {
    message: 'give exactly one of code or idNumber',
  });
export type AppointmentCheckInRequest = z.infer<typeof AppointmentCheckInRequestSchema>;

export const APPOINTMENT_CHECK_IN_REFUSALS = [
  'not-found',
  'wrong-hall',
  'wrong-day',
  'too-early',
  'too-late',
  'already-used',
  'cancelled',
  'category-closed',
  'rate-limited',
] as const;
export type AppointmentCheckInRefusal = (typeof APPOINTMENT_CHECK_IN_REFUSALS)[number];

export const AppointmentCheckInResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    appointment: z.object({
      id: z.string(),
      code: z.string(),
      categoryId: z.string(),
      itemId: z.string().optional(),
      day: z.string(),
      slotFrom: z.number().int(),
      slotTo: z.number().int(),
      holderIdMasked: z.string(),
    }),
    ticket: z.object({
      ticketId: z.string(),
      number: z.string(),
      categoryId: z.string(),
      priority: z.literal('appointment'),
      peopleAhead: z.number().int().nonnegative(),
      estimatedWaitMinutes: z.number().nullable(),
      /** Printed as the ticket's QR code. */
      followUrl: z.string(),
      issuedAt: z.string(),
    }),
  }),
  z.object({
    v: z.literal(1),
    ok: z.literal(false),
    code: z.enum(APPOINTMENT_CHECK_IN_REFUSALS),
    message: z.string(),
    /** For `too-early`: local minute of the day from which check-in opens. */
    opensAtMinute: z.number().int().optional(),
    /** YYYY-MM-DD when check-in opens on another day (optional: older centers leave it out). */
    opensAtDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
]);
export type AppointmentCheckInResponse = z.infer<typeof AppointmentCheckInResponseSchema>;

/** `case-lookup`: an application's progress by receipt code or by the applicant's ID card. */
export const CaseLookupRequestSchema = z
  .object({
    v: z.literal(1),
    receiptCode: z.string().min(4).max(40).optional(),
    idNumber: IdNumber.optional(),
  })
  .refine((b) => (b.receiptCode === undefined) !== (b.idNumber === undefined), {
    message: 'give exactly one of receiptCode or idNumber',
  });
export type CaseLookupRequest = z.infer<typeof CaseLookupRequestSchema>;

export const CaseLookupResponseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(1), ok: z.literal(true), cases: z.array(ApplicationCaseSchema) }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.enum(['rate-limited']), message: z.string() }),
]);
export type CaseLookupResponse = z.infer<typeof CaseLookupResponseSchema>;
