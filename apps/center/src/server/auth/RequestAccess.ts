// Role checks where each HTTP request enters. Nothing a browser says about itself counts: the
// session (from the cookie, looked up in the center's database) decides.
import { HttpError, type HttpRequest } from '../http/Router.ts';
import type { Session, StaffSession } from './Accounts.ts';
import type { StaffRole } from './Role.ts';

export type Actor = Session;

/** An admin, or a staff account with one of `roles`. */
export function requireRole(req: HttpRequest, roles: readonly StaffRole[]): Session {
  const s = req.session;
  if (!s) throw new HttpError(401, 'login-required');
  if (s.kind === 'admin' || roles.includes(s.role)) return s;
  throw new HttpError(403, 'forbidden');
}

/** An admin, or a supervisor whose zones include `zoneId` (调流 of a window). */
export function requireZone(req: HttpRequest, zoneId: string): Session {
  const s = requireRole(req, ['supervisor']);
  if (s.kind === 'staff' && !s.zones.includes(zoneId)) throw new HttpError(403, 'not-your-zone');
  return s;
}

/** How an actor is written in the audit log and in hall events: `admin:<name>`, `supervisor:<工号>`. */
export function actorName(s: Session): string {
  return s.kind === 'admin' ? `admin:${s.username}` : `${s.role}:${s.staffNo}`;
}

export function isStaffAt(s: Session | undefined, windowId: string): s is StaffSession {
  return s?.kind === 'staff' && s.windowId === windowId;
}
