// `appointment-checkin`, answered for kiosks: a booking code or an ID card becomes a priority
// ticket when the check-in rules allow it, or a refusal the kiosk explains.
import {
  checkInDecision,
  DomainError,
  estimateForTicket,
  hallLocalTime,
  type AppointmentCheckInRequest,
  type AppointmentCheckInResponse,
} from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import { normaliseHumanCode } from '../access/secureToken.ts';
import type { FollowLinks, HallAccess } from '../HallAccess.ts';
import type { BookingRow, Bookings } from './Bookings.ts';
import type { SlotPlans } from './SlotPlans.ts';
import { defaultSlotPlan } from './SlotPlan.ts';

const MESSAGES: Record<string, string> = {
  'not-found': 'no booking with this code or ID card today',
  'wrong-hall': 'booked at another hall',
  'wrong-day': 'booked for another day',
  'too-early': 'check-in has not opened yet',
  'too-late': 'the check-in time has passed',
  'already-used': 'already checked in',
  cancelled: 'the booking was cancelled',
};

export class AppointmentCheckIn {
  constructor(
    private readonly hall: HallAccess,
    private readonly bookings: Bookings,
    private readonly plans: SlotPlans,
    private readonly links: FollowLinks & { followUrl(ticketId: string): string },
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  handle(req: AppointmentCheckInRequest, deviceId: string): AppointmentCheckInResponse {
    const at = this.now();
    const local = hallLocalTime(at, this.hall.state.config.catalog.hall.timeZone);
    const row = this.find(req, local.day, local.minuteOfDay);
    if (!row) return this.refuse('not-found', deviceId);
    const appointment = this.bookings.toAppointment(row);
    const rules = (this.plans.get(row.category_id) ?? defaultSlotPlan(row.category_id)).checkIn;
    const decision = checkInDecision(appointment, { hallId: this.hall.state.config.catalog.hall.id, day: local.day, minuteOfDay: local.minuteOfDay }, rules);
    if (!decision.ok) return this.refuse(decision.reason, deviceId, decision.opensAtMinute, decision.opensAtDay);
    try {
      const ticket = this.hall.run(deviceId, (h) => {
        const e = h.issueTicket({
          categoryId: row.category_id,
          ...(row.item_id !== null ? { itemId: row.item_id } : {}),
          source: 'appointment',
          priority: 'appointment',
          issuerId: deviceId,
          at: new Date(at).toISOString(),
          appointmentId: row.id,
          // The slot was promised: an early check-in before the doors' hours still counts.
          ignoreOpeningHours: true,
        });
        this.bookings.markCheckedIn(row.id, e.ticketId, at);
        return h.ticket(e.ticketId);
      });
      const est = estimateForTicket(this.hall.state, ticket);
      this.logger.info('appointment checked in', { deviceId, booking: row.id, ticket: ticket.number });
      return {
        v: 1,
        ok: true,
        appointment: {
          id: row.id,
          code: row.code,
          categoryId: row.category_id,
          ...(row.item_id !== null ? { itemId: row.item_id } : {}),
          day: row.day,
          slotFrom: row.slot_from,
          slotTo: row.slot_to,
          holderIdMasked: row.id_masked,
        },
        ticket: {
          ticketId: ticket.id,
          number: ticket.number,
          categoryId: ticket.categoryId,
          priority: 'appointment',
          peopleAhead: est?.peopleAhead ?? 0,
          estimatedWaitMinutes: est?.minutes ?? null,
          followUrl: this.links.followUrl(ticket.id),
          issuedAt: ticket.issuedAt,
        },
      };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'category-closed') return this.refuse('category-closed', deviceId);
      throw e;
    }
  }

  /**
   * By code: that booking. By ID card: today's bookings of the holder; the first one still to be
   * used whose check-in window is open, else the nearest one (so the refusal says why).
   */
  private find(req: AppointmentCheckInRequest, day: string, minute: number): BookingRow | undefined {
    if (req.code !== undefined) return this.bookings.byCode(normaliseHumanCode(req.code));
    if (req.idNumber === undefined) return undefined;
    const rows = this.bookings.forHolderOn(req.idNumber, day);
    const open = rows.filter((r) => r.status === 'booked');
    const usable = open.find((r) => {
      const rules = (this.plans.get(r.category_id) ?? defaultSlotPlan(r.category_id)).checkIn;
      return minute >= r.slot_from - rules.earlyMinutes && minute <= r.slot_to + rules.lateMinutes;
    });
    return usable ?? open[0] ?? rows[0];
  }

  private refuse(code: Exclude<AppointmentCheckInResponse, { ok: true }>['code'], deviceId: string, opensAtMinute?: number, opensAtDay?: string): AppointmentCheckInResponse {
    this.logger.info('appointment check-in refused', { deviceId, code });
    return { v: 1, ok: false, code, message: MESSAGES[code] ?? code, ...(opensAtMinute !== undefined ? { opensAtMinute } : {}), ...(opensAtDay !== undefined ? { opensAtDay } : {}) };
  }
}
