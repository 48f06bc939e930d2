import { refuse } from '../DomainError.ts';
import type { HallState } from '../hall/HallState.ts';

/**
 * A rating or lapse for a service of a closed day that the hall no longer holds: it was rated
 * already, or its 补充评价 days are over (see forgetClosedDay). Said plainly, not as "unknown".
 * Service ids start with the ticket's day: `2026-11-21/A012#1`.
 */
export function refuseIfDayClosed(s: HallState, serviceId: string): void {
  if (s.ratings.has(serviceId) || s.closedThrough === undefined) return;
  const day = serviceId.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day) && day <= s.closedThrough)
    refuse('evaluation-closed', `service ${serviceId} of closed day ${day} was rated already or its rating days are over`);
}
