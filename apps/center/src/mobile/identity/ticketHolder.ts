// Who a ticket was for, when the phone pages know it: a ticket taken on the phone (线上取号) or a
// booking checked in at a kiosk was asked for with an ID number and a logged-in phone. Only the masked
// forms leave here — the whole ID number is never stored, the whole phone number never handed out.
import type { Database, Statement } from 'better-sqlite3';
import { maskPhone } from './CodeSender.ts';

export interface TicketHolder {
  /** `3706**********1234` (maskIdNumber). */
  idMasked: string;
  /** `138****5678`. */
  phoneMasked: string;
}

type HolderRow = { id_masked: string; phone: string };

export class TicketHolders {
  private readonly lookups: Statement[];

  constructor(db: Database) {
    // A center without the phone pages' tables (a test, a module left out) knows no holders.
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('m_remote_tickets', 'm_bookings')").all() as { name: string }[]).map((r) => r.name));
    this.lookups = [
      ...(tables.has('m_remote_tickets') ? [db.prepare('SELECT id_masked, phone FROM m_remote_tickets WHERE ticket_id = ?')] : []),
      ...(tables.has('m_bookings') ? [db.prepare('SELECT id_masked, phone FROM m_bookings WHERE ticket_id = ? LIMIT 1')] : []),
    ];
  }

  /** The holder of a ticket, or undefined for a walk-in ticket. */
  of(ticketId: string): TicketHolder | undefined {
    for (const q of this.lookups) {
      const row = q.get(ticketId) as HolderRow | undefined;
      if (row) return { idMasked: row.id_masked, phoneMasked: maskPhone(row.phone) };
    }
    return undefined;
  }
}
