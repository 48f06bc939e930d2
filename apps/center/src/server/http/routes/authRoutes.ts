// Console login: staff accounts with 工号 + PIN (at a window they may use, or — supervisors, the
// service desk, auditors — at their consoles), admins with a password; first-run admin set-up links.
import { z } from 'zod';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type HttpReply, type HttpRequest, type Router } from '../Router.ts';
import { SESSION_COOKIE, sessionCookie } from '../HttpServer.ts';
import type { Session } from '../../auth/Accounts.ts';
import { LoginThrottle } from '../../auth/LoginThrottle.ts';

const StaffLogin = z.object({ staffNo: z.string().min(1).max(32), pin: z.string().min(1).max(64), windowId: z.string().max(32).optional() });
const AdminLogin = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) });

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, 'bad-request', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

export function requireAdmin(req: HttpRequest): Extract<Session, { kind: 'admin' }> {
  if (req.session?.kind !== 'admin') throw new HttpError(req.session ? 403 : 401, req.session ? 'forbidden' : 'login-required');
  return req.session;
}

/** Staff act only at the window they logged in at; an admin or a supervisor of its zone may look. */
export function requireWindow(req: HttpRequest, windowId: string, act: boolean, zoneOf?: (windowId: string) => string | undefined): Session {
  const s = req.session;
  if (!s) throw new HttpError(401, 'login-required');
  if (s.kind === 'staff' && s.windowId !== windowId) {
    const zone = zoneOf?.(windowId);
    if (act || s.role !== 'supervisor' || zone === undefined || !s.zones.includes(zone)) throw new HttpError(403, 'not-your-window');
  }
  if (act && s.kind !== 'staff') throw new HttpError(403, 'staff-only');
  return s;
}

export function authRoutes(r: Router, ctx: CenterContext): void {
  const throttle = new LoginThrottle(undefined, () => ctx.now().getTime());
  /** A refusal while the account or the address must wait (the wait in the reply and the audit log). */
  const throttled = (account: string, req: HttpRequest): HttpReply => {
    const wait = throttle.waitSeconds(account, req.clientIp);
    if (wait === 0) return undefined;
    ctx.audit.record(account, 'login-throttled', req.clientIp);
    return { status: 429, json: { error: 'too-many-attempts', retryAfterSeconds: wait }, headers: { 'retry-after': String(wait) } };
  };
  const failed = (account: string, req: HttpRequest): never => {
    throttle.failed(account, req.clientIp);
    ctx.audit.record(account, 'login-failed', req.clientIp);
    throw new HttpError(401, 'bad-credentials');
  };

  r.post('/api/login/staff', (req) => {
    const b = parseBody(StaffLogin, req.body);
    const account = `staff:${b.staffNo}`;
    const wait = throttled(account, req);
    if (wait) return wait;
    const member = ctx.accounts.checkStaff(b.staffNo, b.pin);
    if (!member) return failed(account, req);
    throttle.succeeded(account, req.clientIp);
    // Window staff log in at a window (the console's); without one, at their usual window.
    const windowId = b.windowId ?? (member.role === 'staff' && member.windowId !== '' ? member.windowId : undefined);
    if (windowId !== undefined) {
      const w = ctx.hall.state.windows.get(windowId);
      if (!w) throw new HttpError(404, 'unknown-window');
      if (!ctx.accounts.mayUseWindow(member, windowId, w.config.number)) {
        ctx.audit.record(account, 'login-refused-window', windowId);
        throw new HttpError(403, 'window-not-allowed', `${member.staffNo} may not work at window ${w.config.number}`);
      }
      ctx.staffing.arrive(member, windowId);
    } else if (member.role === 'staff') throw new HttpError(400, 'window-required');
    const got = ctx.accounts.staffLogin(member, windowId ?? null);
    ctx.audit.record(account, 'login', windowId ?? member.role);
    return { json: { session: got.session }, headers: { 'set-cookie': sessionCookie(got.token) } };
  });

  r.post('/api/login/admin', (req) => {
    const b = parseBody(AdminLogin, req.body);
    const account = `admin:${b.username}`;
    const wait = throttled(account, req);
    if (wait) return wait;
    const got = ctx.accounts.adminLogin(b.username, b.password);
    if (!got) return failed(account, req);
    throttle.succeeded(account, req.clientIp);
    ctx.audit.record(account, 'login');
    return { json: { session: got.session }, headers: { 'set-cookie': sessionCookie(got.token) } };
  });

  // Lock-outs are per account and source (issue 15): the admin sees who is locked where, and lifts one.
  r.get('/api/admin/lockouts', (req) => {
    requireAdmin(req);
    return { json: { lockOuts: throttle.lockOuts() } };
  });
  r.post('/api/admin/lockouts/clear', (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(z.object({ account: z.string().min(1).max(100), source: z.string().min(1).max(100).optional() }), req.body);
    const lifted = throttle.clear(b.account, b.source);
    ctx.audit.record(`admin:${admin.username}`, 'login-lockout-cleared', b.account, { source: b.source ?? 'all', lifted });
    return { json: { ok: true, lifted } };
  });

  r.post('/api/logout', (req) => {
    ctx.accounts.logout(req.cookies[SESSION_COOKIE]);
    // Logging out at a window is not 下班: the window stays open (and is flagged) until the idle time closes it.
    if (req.session?.kind === 'staff' && req.session.windowId) ctx.staffing.changed();
    return { json: { ok: true }, headers: { 'set-cookie': sessionCookie('', 0) } };
  });

  // Public: the hall's name and window numbers are on every call board anyway; the log-in page shows them.
  r.get('/api/me', (req) => ({
    json: {
      session: req.session ?? null,
      hall: { id: ctx.hall.config.catalog.hall.id, name: ctx.hall.config.catalog.hall.name, ...(ctx.hall.config.catalog.hall.i18n ? { i18n: ctx.hall.config.catalog.hall.i18n } : {}), timeZone: ctx.hall.config.catalog.hall.timeZone, windows: ctx.hall.config.windows.map((w) => ({ id: w.id, number: w.number })) },
    },
  }));
}
