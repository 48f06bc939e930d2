// The page behind `hallkit-center admin create NAME --link`: the new admin opens /setup#token=…
// (the token stays out of server logs in the fragment), chooses a password and is logged in.
import { z } from 'zod';
import type { CenterContext } from '../../CenterContext.ts';
import type { Router } from '../Router.ts';
import { sessionCookie } from '../HttpServer.ts';
import { parseBody } from './authRoutes.ts';
import { AdminSetup, AdminSetupError } from '../../auth/AdminSetup.ts';

const Check = z.object({ token: z.string().min(16).max(100) });
const Use = z.object({ token: z.string().min(16).max(100), password: z.string().min(1).max(200) });

export function setupRoutes(r: Router, ctx: CenterContext): void {
  const setup = new AdminSetup(ctx.db, ctx.accounts, () => ctx.now().getTime());

  r.post('/api/setup/check', (req) => {
    const b = parseBody(Check, req.body);
    const username = setup.linkUser(b.token);
    return username ? { json: { ok: true, username } } : { status: 410, json: { error: 'link-invalid', message: '设置链接无效、已用过或已过期' } };
  });

  r.post('/api/setup', (req) => {
    const b = parseBody(Use, req.body);
    try {
      const username = setup.useLink(b.token, b.password);
      ctx.audit.record(`admin:${username}`, 'admin-setup-done', username, { from: req.clientIp });
      const got = ctx.accounts.adminLogin(username, b.password);
      const headers: Record<string, string> = got ? { 'set-cookie': sessionCookie(got.token) } : {};
      return { json: { ok: true, session: got?.session ?? null }, headers };
    } catch (e) {
      if (e instanceof AdminSetupError) return { status: e.code === 'link-invalid' ? 410 : 400, json: { error: e.code, message: e.message } };
      throw e;
    }
  });
}
