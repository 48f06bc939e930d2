// Turns the center's answer to the check-in request into what the kiosk shows: a priority ticket,
// or a refusal with its reason and, for an early arrival, the time check-in opens.
import type { AppointmentCheckInResponse } from '@hallkit/core';
import type { CheckInRefusal } from '../contract.ts';

type Accepted = Extract<AppointmentCheckInResponse, { ok: true }>;

const SHOWN: readonly CheckInRefusal[] = ['not-found', 'wrong-hall', 'wrong-day', 'too-early', 'too-late', 'already-used', 'cancelled'];

export function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

export function checkInOutcome(
  r: AppointmentCheckInResponse,
): { ok: true; ticket: Accepted['ticket']; itemId: string | undefined; slot: string } | { ok: false; reason: CheckInRefusal; opensAt?: string } {
  if (r.ok) return { ok: true, ticket: r.ticket, itemId: r.appointment.itemId, slot: `${r.appointment.day} ${hhmm(r.appointment.slotFrom)}–${hhmm(r.appointment.slotTo)}` };
  // category-closed and rate-limited read as "did not work, try again / ask at the desk".
  const reason = (SHOWN as readonly string[]).includes(r.code) ? (r.code as CheckInRefusal) : 'error';
  // A booking for a later day opens on that day: "2026-12-06 08:30", not a bare time (or none).
  const opensAt = r.opensAtMinute !== undefined ? `${r.opensAtDay ? `${r.opensAtDay} ` : ''}${hhmm(r.opensAtMinute)}` : undefined;
  return { ok: false, reason, ...(opensAt ? { opensAt } : {}) };
}
