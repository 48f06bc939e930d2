import { z } from 'zod';

/**
 * An online booking (预约) for a slot of a category on a day. Checked in at any kiosk of the hall,
 * it becomes a priority ticket if the citizen arrives within the slot's check-in window.
 */
export const AppointmentSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  /** What the citizen shows: printed under the booking QR code, typed or scanned at a kiosk. */
  code: z.string(),
  hallId: z.string(),
  categoryId: z.string(),
  itemId: z.string().optional(),
  day: z.string(),
  /** Local minutes since midnight. */
  slotFrom: z.number().int(),
  slotTo: z.number().int(),
  /** Masked, for display; the full ID number never leaves the center. */
  holderIdMasked: z.string().optional(),
  status: z.enum(['booked', 'checked-in', 'cancelled']),
  ticketId: z.string().optional(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export interface CheckInRules {
  /** Minutes before the slot starts that check-in opens. */
  earlyMinutes: number;
  /** Minutes after the slot ends that check-in is still allowed (as a priority ticket). */
  lateMinutes: number;
}

export const defaultCheckInRules: CheckInRules = { earlyMinutes: 30, lateMinutes: 15 };

export type CheckInDecision =
  | { ok: true }
  | {
      ok: false;
      reason: 'wrong-hall' | 'wrong-day' | 'too-early' | 'too-late' | 'already-used' | 'cancelled';
      opensAtMinute?: number;
      /** Set when check-in opens on a later day than today (a booking for another day). */
      opensAtDay?: string;
    };

/**
 * Whether an appointment may be checked in now at this hall. The kiosk turns each refusal into a
 * plain message and a way on (take a normal ticket, come back at …).
 */
export function checkInDecision(
  a: Appointment,
  now: { hallId: string; day: string; minuteOfDay: number },
  rules: CheckInRules = defaultCheckInRules,
): CheckInDecision {
  if (a.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  if (a.status === 'checked-in') return { ok: false, reason: 'already-used' };
  if (a.hallId !== now.hallId) return { ok: false, reason: 'wrong-hall' };
  const opens = a.slotFrom - rules.earlyMinutes;
  // Early by days: say which day and when, not only "too early".
  if (a.day > now.day) return { ok: false, reason: 'too-early', opensAtDay: a.day, opensAtMinute: Math.max(0, opens) };
  if (a.day !== now.day) return { ok: false, reason: 'too-late' };
  if (now.minuteOfDay < opens) return { ok: false, reason: 'too-early', opensAtMinute: opens };
  if (now.minuteOfDay > a.slotTo + rules.lateMinutes) return { ok: false, reason: 'too-late' };
  return { ok: true };
}
