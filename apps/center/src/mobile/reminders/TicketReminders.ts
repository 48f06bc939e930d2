// SMS for a ticket whose holder asked for them: 「前面还有 N 人」 once when N or fewer are ahead (N from
// the hall definition), and once when it is called. Checked on every change of the hall and at start
// (a change while the center was down is not missed); the outbox's event key makes each one once,
// across restarts.
import { citizenNoticePolicy, estimateForTicket, type HallEvent } from '@hallkit/core';
import type { Database } from 'better-sqlite3';
import type { HallAccess } from '../HallAccess.ts';
import type { SmsOutbox } from '../sms/SmsOutbox.ts';

export type ReminderSource = 'remote' | 'booking' | 'kiosk' | 'door';
export interface ReminderWish {
  ahead: boolean;
  called: boolean;
}

interface Row {
  ticket_id: string;
  phone: string;
  ahead: number;
  called: number;
}

export class TicketReminders {
  private readonly onEvents = () => this.check();

  constructor(
    private readonly db: Database,
    private readonly hall: HallAccess,
    private readonly sms: SmsOutbox,
    private readonly now: () => number,
  ) {}

  /** The holder of this ticket wants these SMS. */
  subscribe(ticketId: string, phone: string, wish: ReminderWish, source: ReminderSource): void {
    if (!wish.ahead && !wish.called) return;
    const t = this.hall.state.tickets.get(ticketId);
    if (!t) return;
    // Only worth a 「前面还有 N 人」 if more than N are ahead now: else the call comes first.
    const ahead = estimateForTicket(this.hall.state, t)?.peopleAhead ?? 0;
    const aheadWanted = wish.ahead && ahead > citizenNoticePolicy(this.hall.state.config).aheadThreshold;
    this.db
      .prepare('INSERT OR REPLACE INTO m_reminders (ticket_id, phone, ahead, called, source, settled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)')
      .run(ticketId, phone, aheadWanted ? 1 : 0, wish.called ? 1 : 0, source, this.now());
    this.check();
  }

  wishFor(ticketId: string): (ReminderWish & { phone: string }) | undefined {
    const r = this.db.prepare('SELECT phone, ahead, called FROM m_reminders WHERE ticket_id = ?').get(ticketId) as Row | undefined;
    return r ? { phone: r.phone, ahead: r.ahead === 1, called: r.called === 1 } : undefined;
  }

  start(): void {
    this.hall.on('events', this.onEvents);
    this.check();
  }

  stop(): void {
    this.hall.off('events', this.onEvents);
  }

  /** Queue whatever is due for every open reminder. */
  check(_events?: HallEvent[]): void {
    const s = this.hall.state;
    const threshold = citizenNoticePolicy(s.config).aheadThreshold;
    const open = this.db.prepare('SELECT ticket_id, phone, ahead, called FROM m_reminders WHERE settled = 0').all() as Row[];
    for (const r of open) {
      const t = s.tickets.get(r.ticket_id);
      if (!t || t.status === 'done' || t.status === 'cancelled' || t.status === 'no-show') {
        this.settle(r.ticket_id);
        continue;
      }
      const category = s.categories.get(t.categoryId)?.name ?? t.categoryId;
      if (t.status === 'waiting' && r.ahead === 1) {
        const ahead = estimateForTicket(s, t)?.peopleAhead;
        if (ahead !== undefined && ahead <= threshold && ahead > 0) {
          this.sms.enqueue({ key: `ahead:${t.id}`, phone: r.phone, purpose: 'queueAhead', params: [t.number, String(ahead), category] });
        }
      }
      if (t.status === 'called') {
        if (r.called === 1) {
          const w = t.windowId !== undefined ? s.windows.get(t.windowId)?.config.number : undefined;
          if (w !== undefined) this.sms.enqueue({ key: `called:${t.id}`, phone: r.phone, purpose: 'called', params: [t.number, String(w)] });
        }
        this.settle(r.ticket_id);
      }
    }
  }

  private settle(ticketId: string): void {
    this.db.prepare('UPDATE m_reminders SET settled = 1 WHERE ticket_id = ?').run(ticketId);
  }
}
