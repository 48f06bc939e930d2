import { z } from 'zod';

/**
 * Kiosk → center: the citizen who just took a ticket asks for SMS reminders (「前面还有 N 人」 and the
 * call) and types a phone number — optional, never required to get a ticket. The center's mobile
 * module answers; the number is used for this ticket's reminders only.
 */
export const REMINDER_REQUESTS = { subscribe: 'reminder-subscribe' } as const;

export const ReminderSubscribeRequestSchema = z.object({
  v: z.literal(1),
  ticketId: z.string().min(1).max(64),
  phone: z.string().regex(/^1[3-9][0-9]{9}$/, 'a mainland mobile number of 11 digits'),
});
export type ReminderSubscribeRequest = z.infer<typeof ReminderSubscribeRequestSchema>;

export const ReminderSubscribeResponseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(1), ok: z.literal(true), phoneMasked: z.string() }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.enum(['unknown-ticket', 'not-waiting', 'not-this-kiosk', 'rate-limited']), message: z.string() }),
]);
export type ReminderSubscribeResponse = z.infer<typeof ReminderSubscribeResponseSchema>;
