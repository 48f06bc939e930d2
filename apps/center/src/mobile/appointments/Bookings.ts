// Appointments (预约): book a slot with free capacity, cancel, move. Capacity is checked inside
// the same SQLite transaction that writes the booking, so two phones cannot take the last place.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hallLocalTime, type Appointment, type HallState } from '@hallkit/core';
import { fail } from '../access/MobileError.ts';
import { humanCode, secureToken } from '../access/secureToken.ts';
import type { IdHasher } from '../identity/idNumber.ts';
import { isValidIdNumber } from '../identity/idNumber.ts';
import { bookableDays, type SlotPlan } from './SlotPlan.ts';
import type { SlotPlans } from './SlotPlans.ts';

export interface BookingRow {
  id: string;
  code: string;
  manage_token: string;
  phone: string;
  id_hash: string;
  id_masked: string;
  category_id: string;
  item_id: string | null;
  day: string;
  slot_from: number;
  slot_to: number;
  status: Appointment['status'];
  ticket_id: string | null;
  created_at: number;
  updated_at: number;
  /** 1: an SMS the day before (asked for when booking). */
  remind?: number;
}

export interface SlotAvailability {
  from: number;
  to: number;
  capacity: number;
  free: number;
  /** Started already (today): no longer bookable. */
  past: boolean;
}

export interface BookingLimits {
  /** Active bookings one phone may hold at once (stops hoarding). */
  perPhoneActive: number;
}

export const defaultBookingLimits: BookingLimits = { perPhoneActive: 5 };

export class Bookings {
  constructor(
    private readonly db: Database,
    private readonly plans: SlotPlans,
    private readonly ids: IdHasher,
    private readonly hall: () => HallState,
    private readonly limits: BookingLimits = defaultBookingLimits,
  ) {}

  private local(now: number) {
    return hallLocalTime(now, this.hall().config.catalog.hall.timeZone);
  }

  private plan(categoryId: string): SlotPlan {
    if (!this.hall().categories.has(categoryId)) fail('unknown-category');
    const plan = this.plans.get(categoryId);
    if (!plan || !plan.enabled) fail('no-plan');
    return plan;
  }

  private taken(categoryId: string, day: string, slotFrom: number, exceptId?: string): number {
    const row = this.db
      .prepare("SELECT count(*) AS n FROM m_bookings WHERE category_id = ? AND day = ? AND slot_from = ? AND status != 'cancelled' AND id != ?")
      .get(categoryId, day, slotFrom, exceptId ?? '') as { n: number };
    return row.n;
  }

  /** The bookable days of a category and each slot's free places. */
  availability(categoryId: string, now: number): { day: string; slots: SlotAvailability[] }[] {
    const plan = this.plan(categoryId);
    const local = this.local(now);
    return bookableDays(plan, local.day, this.hall().config.calendar).map((day) => ({
      day,
      slots: plan.slots.map((s) => {
        const free = Math.max(0, s.capacity - this.taken(categoryId, day, s.from));
        return { from: s.from, to: s.to, capacity: s.capacity, free, past: day === local.day && local.minuteOfDay >= s.to };
      }),
    }));
  }

  /** Checks that (day, slot) can take one more booking now; returns the slot. */
  private checkSlot(plan: SlotPlan, day: string, slotFrom: number, now: number, exceptId?: string) {
    const local = this.local(now);
    if (!bookableDays(plan, local.day, this.hall().config.calendar).includes(day)) fail('day-not-open');
    const slot = plan.slots.find((s) => s.from === slotFrom);
    if (!slot) fail('no-such-slot');
    if (day === local.day && local.minuteOfDay >= slot.to) fail('slot-past');
    if (this.taken(plan.categoryId, day, slot.from, exceptId) >= slot.capacity) fail('slot-full');
    return slot;
  }

  book(req: { phone: string; idNumber: string; categoryId: string; itemId?: string; day: string; slotFrom: number }, now: number): BookingRow {
    if (!isValidIdNumber(req.idNumber)) fail('bad-id-number');
    const plan = this.plan(req.categoryId);
    if (req.itemId !== undefined && this.hall().items.get(req.itemId)?.categoryId !== req.categoryId) fail('unknown-item');
    const idHash = this.ids.hash(req.idNumber);
    // Bookings hashed under an older key (before a rotation) still count.
    const held = this.ids.candidates(req.idNumber);
    return this.db.transaction(() => {
      const slot = this.checkSlot(plan, req.day, req.slotFrom, now);
      // The one-per-ID-per-day rule counts only this phone's bookings: refusing another phone would
      // tell anyone who types a stranger's ID number whether that person booked (issue 15, item 8).
      // The owner still hears `already-booked`; anyone else gets the same answer as for any ID.
      const sameDay = this.db
        .prepare(`SELECT count(*) AS n FROM m_bookings WHERE id_hash IN (${held.map(() => '?').join(', ')}) AND day = ? AND category_id = ? AND phone = ? AND status != 'cancelled'`)
        .get(...held, req.day, req.categoryId, req.phone) as { n: number };
      if (sameDay.n >= plan.perIdPerDay) fail('already-booked');
      const active = this.db.prepare("SELECT count(*) AS n FROM m_bookings WHERE phone = ? AND status = 'booked' AND day >= ?").get(req.phone, this.local(now).day) as {
        n: number;
      };
      if (active.n >= this.limits.perPhoneActive) fail('too-many-bookings');
      const row: BookingRow = {
        id: randomUUID(),
        code: this.freshCode(),
        manage_token: secureToken(16),
        phone: req.phone,
        id_hash: idHash,
        id_masked: this.ids.mask(req.idNumber),
        category_id: req.categoryId,
        item_id: req.itemId ?? null,
        day: req.day,
        slot_from: slot.from,
        slot_to: slot.to,
        status: 'booked',
        ticket_id: null,
        created_at: now,
        updated_at: now,
      };
      this.db
        .prepare(
          `INSERT INTO m_bookings (id, code, manage_token, phone, id_hash, id_masked, category_id, item_id, day, slot_from, slot_to, status, ticket_id, created_at, updated_at)
           VALUES (@id, @code, @manage_token, @phone, @id_hash, @id_masked, @category_id, @item_id, @day, @slot_from, @slot_to, @status, @ticket_id, @created_at, @updated_at)`,
        )
        .run(row);
      return row;
    })();
  }

  private freshCode(): string {
    for (;;) {
      const code = humanCode(8);
      if (!this.db.prepare('SELECT 1 FROM m_bookings WHERE code = ?').get(code)) return code;
    }
  }

  byManageToken(token: string): BookingRow | undefined {
    return this.db.prepare('SELECT * FROM m_bookings WHERE manage_token = ?').get(token) as BookingRow | undefined;
  }

  byCode(code: string): BookingRow | undefined {
    return this.db.prepare('SELECT * FROM m_bookings WHERE code = ?').get(code) as BookingRow | undefined;
  }

  /** Today's bookings of one ID card, soonest slot first (a kiosk check-in by ID card). */
  forHolderOn(idNumber: string, day: string): BookingRow[] {
    const held = this.ids.candidates(idNumber);
    return this.db.prepare(`SELECT * FROM m_bookings WHERE id_hash IN (${held.map(() => '?').join(', ')}) AND day = ? ORDER BY slot_from`).all(...held, day) as BookingRow[];
  }

  forPhone(phone: string, now: number): BookingRow[] {
    return this.db.prepare('SELECT * FROM m_bookings WHERE phone = ? AND day >= ? ORDER BY day, slot_from').all(phone, this.local(now).day) as BookingRow[];
  }

  private owned(token: string, phone: string): BookingRow {
    const row = this.byManageToken(token);
    if (!row) fail('not-found');
    if (row.phone !== phone) fail('not-yours');
    if (row.status !== 'booked') fail('not-changeable');
    return row;
  }

  cancel(token: string, phone: string, now: number): BookingRow {
    return this.db.transaction(() => {
      const row = this.owned(token, phone);
      this.db.prepare("UPDATE m_bookings SET status = 'cancelled', updated_at = ? WHERE id = ?").run(now, row.id);
      return { ...row, status: 'cancelled' as const, updated_at: now };
    })();
  }

  /** Move to another slot (any bookable day): the code and link stay; the old place is freed. */
  move(token: string, phone: string, to: { day: string; slotFrom: number }, now: number): BookingRow {
    return this.db.transaction(() => {
      const row = this.owned(token, phone);
      const plan = this.plan(row.category_id);
      const slot = this.checkSlot(plan, to.day, to.slotFrom, now, row.id);
      this.db.prepare('UPDATE m_bookings SET day = ?, slot_from = ?, slot_to = ?, updated_at = ? WHERE id = ?').run(to.day, slot.from, slot.to, now, row.id);
      return { ...row, day: to.day, slot_from: slot.from, slot_to: slot.to, updated_at: now };
    })();
  }

  /** The booker's choice of a reminder SMS the day before. */
  setRemind(id: string, on: boolean): void {
    this.db.prepare('UPDATE m_bookings SET remind = ? WHERE id = ?').run(on ? 1 : 0, id);
  }

  byTicket(ticketId: string): BookingRow | undefined {
    return this.db.prepare('SELECT * FROM m_bookings WHERE ticket_id = ?').get(ticketId) as BookingRow | undefined;
  }

  markCheckedIn(id: string, ticketId: string, now: number): void {
    this.db.prepare("UPDATE m_bookings SET status = 'checked-in', ticket_id = ?, updated_at = ? WHERE id = ? AND status = 'booked'").run(ticketId, now, id);
  }

  toAppointment(row: BookingRow): Appointment {
    return {
      v: 1,
      id: row.id,
      code: row.code,
      hallId: this.hall().config.catalog.hall.id,
      categoryId: row.category_id,
      ...(row.item_id !== null ? { itemId: row.item_id } : {}),
      day: row.day,
      slotFrom: row.slot_from,
      slotTo: row.slot_to,
      holderIdMasked: row.id_masked,
      status: row.status,
      ...(row.ticket_id !== null ? { ticketId: row.ticket_id } : {}),
    };
  }
}
