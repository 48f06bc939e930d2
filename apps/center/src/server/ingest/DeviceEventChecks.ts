// What the center checks in a device-made ticket event before the domain sees it: the sender's role,
// that a cancel comes from the kiosk that issued the ticket and names only itself, and that an
// offline ticket claims nothing a kiosk cannot know on its own — a priority, the center's numbers, a
// time outside [its block's lease, now]. Ratings are checked by the window-pad rule in DeviceEventIngest.
import type { Database, Statement } from 'better-sqlite3';
import type { HallEvent } from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import type { DeviceAccess } from '../access/DeviceAccess.ts';

export interface Refusal {
  code: string;
  message: string;
}

export interface Verdict {
  /** The event to apply (an offline ticket's time may be brought within bounds), or none. */
  event?: HallEvent;
  refused?: Refusal;
  /** Taken, with a change worth recording (a priority not granted, a clock out of bounds). */
  notes: Refusal[];
}

export class DeviceEventChecks {
  private readonly leaseAt: Statement;

  constructor(
    db: Database,
    private readonly service: HallService,
    private readonly access: DeviceAccess,
    private readonly now: () => Date,
    /** Whether the center knows this appointment (the phone pages' bookings), for an appointment ticket. */
    private readonly knownAppointment: (appointmentId: string) => boolean = () => false,
  ) {
    this.leaseAt = db.prepare(
      `SELECT at FROM hall_events WHERE type = 'NumberBlockLeased' AND json_extract(body, '$.issuerId') = ?
         AND json_extract(body, '$.day') = ? AND json_extract(body, '$.categoryId') = ?
         AND json_extract(body, '$.from') <= ? AND json_extract(body, '$.to') >= ? ORDER BY n DESC LIMIT 1`,
    );
  }

  check(deviceId: string, e: HallEvent): Verdict {
    const notes: Refusal[] = [];
    const refuse = (code: string, message: string): Verdict => ({ refused: { code, message }, notes });
    if (e.type === 'EvaluationGiven' || e.type === 'EvaluationLapsed') return { event: e, notes };
    const role = this.access.event(deviceId, e.type);
    if (role) return refuse(role, `${e.type} is not taken from ${deviceId}`);
    if (e.type === 'TicketCancelled' || e.type === 'TicketPrinted') {
      if (e.by !== deviceId) return refuse('foreign-actor', `${deviceId} sent ${e.type} in the name of ${e.by}`);
      const t = this.service.state.tickets.get(e.ticketId);
      if (t && t.issuerId !== deviceId) return refuse('not-issuer', `${deviceId} cannot speak for ${t.number}, issued by ${t.issuerId}`);
      return { event: e, notes };
    }
    if (e.type !== 'TicketIssued') return { event: e, notes };
    if (e.issuerId !== deviceId) return refuse('foreign-issuer', `ticket issued by ${e.issuerId} arrived from ${deviceId}`);
    if (!e.offline) return refuse('not-offline', `${deviceId} claims ${e.number} was issued by the center`);
    let event: typeof e = e;
    if (e.itemId !== undefined && this.service.state.items.get(e.itemId)?.categoryId !== e.categoryId) {
      return refuse('unknown-item', `item ${e.itemId} is not served in category ${e.categoryId}`);
    }
    if (e.priority !== 'normal' && !(e.priority === 'appointment' && e.appointmentId !== undefined && this.knownAppointment(e.appointmentId))) {
      // The citizen holds the ticket: it joins the line, but as a normal one.
      notes.push({ code: 'priority-not-allowed', message: `${e.number}: ${e.priority} priority${e.appointmentId ? ` (appointment ${e.appointmentId})` : ''} not granted to an offline ticket; taken as normal` });
      const { appointmentId: _dropped, ...rest } = event;
      event = { ...rest, priority: 'normal' };
    }
    // A kiosk clock hours slow would put its tickets at the head of the line, one ahead at the back.
    const at = Date.parse(e.at);
    const leased = this.leaseAt.get(deviceId, e.day, e.categoryId, e.seq, e.seq) as { at: string } | undefined;
    const lower = leased ? Date.parse(leased.at) : undefined;
    const upper = this.now().getTime();
    const bounded = Math.min(upper, lower !== undefined ? Math.max(lower, at) : at);
    if (bounded !== at) {
      notes.push({ code: 'clock-out-of-bounds', message: `${e.number}: issued at ${e.at} by the kiosk's clock, outside [lease, arrival]; queued at ${new Date(bounded).toISOString()}` });
      event = { ...event, at: new Date(bounded).toISOString() };
    }
    return { event, notes };
  }
}
