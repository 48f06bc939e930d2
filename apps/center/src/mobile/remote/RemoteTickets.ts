// 线上取号: a ticket taken on a phone joins the same line as on-site tickets, by issue time.
// Limits: the category's daily remote quota, tickets per ID number per category per day, tickets
// per phone per day. Cancelled tickets still count: taking and cancelling is not a way round them.
import type { Database } from 'better-sqlite3';
import { DomainError, hallLocalTime, type Ticket } from '@hallkit/core';
import { fail } from '../access/MobileError.ts';
import type { IdHasher } from '../identity/idNumber.ts';
import { isValidIdNumber } from '../identity/idNumber.ts';
import { MOBILE_ISSUER, type HallAccess } from '../HallAccess.ts';

export interface RemoteLimits {
  perIdPerCategoryPerDay: number;
  perPhonePerDay: number;
}

export const defaultRemoteLimits: RemoteLimits = { perIdPerCategoryPerDay: 1, perPhonePerDay: 3 };

export interface RemoteTicketRow {
  ticket_id: string;
  day: string;
  category_id: string;
  phone: string;
  id_masked: string;
  created_at: number;
}

export class RemoteTickets {
  constructor(
    private readonly db: Database,
    private readonly hall: HallAccess,
    private readonly ids: IdHasher,
    private readonly limits: RemoteLimits = defaultRemoteLimits,
  ) {}

  /** Remote tickets still available today in a category (null when the category takes none). */
  remaining(categoryId: string, now: number): { quota: number; left: number } {
    const cat = this.hall.state.categories.get(categoryId);
    if (!cat) fail('unknown-category');
    const day = this.day(now);
    const used = (this.db.prepare('SELECT count(*) AS n FROM m_remote_tickets WHERE day = ? AND category_id = ?').get(day, categoryId) as { n: number }).n;
    return { quota: cat.remoteDailyQuota, left: Math.max(0, cat.remoteDailyQuota - used) };
  }

  take(req: { phone: string; idNumber: string; categoryId: string; itemId?: string }, now: number): Ticket {
    if (!isValidIdNumber(req.idNumber)) fail('bad-id-number');
    const cat = this.hall.state.categories.get(req.categoryId);
    if (!cat) fail('unknown-category');
    if (cat.remoteDailyQuota <= 0) fail('remote-disabled');
    if (req.itemId !== undefined && this.hall.state.items.get(req.itemId)?.categoryId !== req.categoryId) fail('unknown-item');
    const day = this.day(now);
    const idHash = this.ids.hash(req.idNumber);
    // Rows hashed under an older key (before a rotation) still count against the limit.
    const held = this.ids.candidates(req.idNumber);
    const heldIn = held.map(() => '?').join(', ');
    try {
      return this.hall.run(MOBILE_ISSUER, (h) => {
        const { left } = this.remaining(req.categoryId, now);
        if (left <= 0) fail('quota-exhausted', undefined, { quota: cat.remoteDailyQuota });
        const mine = this.db.prepare(`SELECT count(*) AS n FROM m_remote_tickets WHERE id_hash IN (${heldIn}) AND day = ? AND category_id = ?`).get(...held, day, req.categoryId) as { n: number };
        if (mine.n >= this.limits.perIdPerCategoryPerDay) fail('id-limit', undefined, { limit: this.limits.perIdPerCategoryPerDay });
        const byPhone = this.db.prepare('SELECT count(*) AS n FROM m_remote_tickets WHERE phone = ? AND day = ?').get(req.phone, day) as { n: number };
        if (byPhone.n >= this.limits.perPhonePerDay) fail('phone-limit', undefined, { limit: this.limits.perPhonePerDay });
        const e = h.issueTicket({
          categoryId: req.categoryId,
          ...(req.itemId !== undefined ? { itemId: req.itemId } : {}),
          source: 'remote',
          priority: 'normal',
          issuerId: MOBILE_ISSUER,
          at: new Date(now).toISOString(),
        });
        this.db
          .prepare('INSERT INTO m_remote_tickets (ticket_id, day, category_id, phone, id_hash, id_masked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(e.ticketId, e.day, req.categoryId, req.phone, idHash, this.ids.mask(req.idNumber), now);
        return h.ticket(e.ticketId);
      });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'category-closed') fail('category-closed');
      throw e;
    }
  }

  /** The phone's remote tickets of today, newest first. */
  forPhone(phone: string, now: number): RemoteTicketRow[] {
    return this.db.prepare('SELECT * FROM m_remote_tickets WHERE phone = ? AND day = ? ORDER BY created_at DESC').all(phone, this.day(now)) as RemoteTicketRow[];
  }

  cancel(ticketId: string, phone: string, now: number): void {
    const row = this.db.prepare('SELECT phone FROM m_remote_tickets WHERE ticket_id = ?').get(ticketId) as { phone: string } | undefined;
    if (!row) fail('not-found');
    if (row.phone !== phone) fail('not-yours');
    try {
      this.hall.run(MOBILE_ISSUER, (h) => h.cancelTicket(ticketId, MOBILE_ISSUER, new Date(now).toISOString()));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'ticket-not-waiting') fail('ticket-not-waiting');
      throw e;
    }
  }

  private day(now: number): string {
    return hallLocalTime(now, this.hall.state.config.catalog.hall.timeZone).day;
  }
}
