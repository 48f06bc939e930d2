// What the phone tells a 过号 citizen: exactly what this hall allows — re-queue until when (scan the
// ticket's QR code at a kiosk, or show it at the service desk), with which place, or that it cannot.
import { hallLocalTime, type HallState, type Ticket } from '@hallkit/core';

export interface LateArrivalView {
  state: 'open' | 'expired' | 'not-allowed';
  /** ISO time and hall-local HH:mm until which a re-queue is accepted. */
  until?: string;
  untilTime?: string;
  placement?: 'keep' | 'end';
}

export function lateArrivalView(s: HallState, t: Ticket, now: number): LateArrivalView | null {
  if (t.status !== 'no-show' || t.noShowAt === undefined) return null;
  const rule = s.config.noShow.lateArrival;
  if (!rule.allowed) return { state: 'not-allowed' };
  const until = Date.parse(t.noShowAt) + rule.withinMinutes * 60_000;
  const local = hallLocalTime(new Date(until).toISOString(), s.config.catalog.hall.timeZone);
  const hh = String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0');
  const mm = String(local.minuteOfDay % 60).padStart(2, '0');
  return { state: now > until ? 'expired' : 'open', until: new Date(until).toISOString(), untilTime: `${hh}:${mm}`, placement: rule.placement };
}
