// 预约提醒: on the day before an appointment, at the hall's reminder time, an SMS to the phone that
// booked it — if asked for when booking. A booking made after that time (for tomorrow) needs none.
// Checked every minute and at start; the outbox's key (booking, day, slot) makes it once, and a
// moved appointment gets its own reminder.
import { citizenNoticePolicy, hallLocalTime } from '@hallkit/core';
import type { Database } from 'better-sqlite3';
import type { HallAccess } from '../HallAccess.ts';
import type { SmsOutbox } from '../sms/SmsOutbox.ts';

interface Row {
  id: string;
  code: string;
  phone: string;
  category_id: string;
  day: string;
  slot_from: number;
  slot_to: number;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export class BookingReminders {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly hall: HallAccess,
    private readonly sms: SmsOutbox,
    private readonly now: () => number,
    private readonly everyMs = 60_000,
  ) {}

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Queue the reminders due now; returns how many were new. */
  check(): number {
    const s = this.hall.state;
    const tz = s.config.catalog.hall.timeZone;
    const t = this.now();
    const local = hallLocalTime(t, tz);
    const [h, m] = citizenNoticePolicy(s.config).bookingReminderAt.split(':').map(Number);
    const at = (h ?? 10) * 60 + (m ?? 0);
    if (local.minuteOfDay < at) return 0;
    const reminderTime = t - (local.minuteOfDay - at) * 60_000;
    const tomorrow = hallLocalTime(t + 86_400_000, tz).day;
    const rows = this.db
      .prepare("SELECT id, code, phone, category_id, day, slot_from, slot_to FROM m_bookings WHERE day = ? AND status = 'booked' AND remind = 1 AND created_at < ?")
      .all(tomorrow, reminderTime) as Row[];
    let queued = 0;
    for (const r of rows) {
      const [, mm, dd] = r.day.split('-');
      const params = [`${Number(mm)}月${Number(dd)}日`, `${hhmm(r.slot_from)}-${hhmm(r.slot_to)}`, s.categories.get(r.category_id)?.name ?? r.category_id, r.code];
      if (this.sms.enqueue({ key: `booking:${r.id}:${r.day}:${r.slot_from}`, phone: r.phone, purpose: 'bookingReminder', params })) queued += 1;
    }
    return queued;
  }
}
