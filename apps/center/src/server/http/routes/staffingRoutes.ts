// 调流 from the admin console: an admin, or a supervisor in their own zones, opens a window with a
// staff member on it, closes it (the citizen at the counter handed back or finished), pauses or
// resumes it, and changes what it serves and how it calls for the rest of the day. Each is an event
// in the hall log (replay, boards and wait estimates follow) and an entry in the audit log.
import { z } from 'zod';
import { CallingRuleSchema, DomainError, SERVICE_OUTCOMES, type AtCounter, type Hall } from '@hallkit/core';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { parseBody } from './authRoutes.ts';
import { actorName, requireRole, requireZone } from '../../auth/RequestAccess.ts';
import { staffingView } from '../../views/staffingView.ts';
import { AlarmLog } from '../../alarms/AlarmLog.ts';

const Open = z.object({ staffNo: z.string().min(1).max(32) });
const Close = z.object({ atCounter: z.enum(['hand-back', 'finish']).default('hand-back'), outcome: z.enum(SERVICE_OUTCOMES).default('completed') });
const Pause = z.object({ reason: z.string().trim().max(60).optional() });
const Assign = z.object({ categoryIds: z.array(z.string()).min(1).max(50), rule: CallingRuleSchema });

export function staffingRoutes(r: Router, ctx: CenterContext): void {
  r.get('/api/staffing/view', (req) => {
    const s = requireRole(req, ['supervisor']);
    return { json: staffingView(ctx, s) };
  });

  // The 调流 screen's live feed: the hall map and the open alarms of the viewer's zones, pushed on every change.
  r.get('/api/staffing/live', (req) => {
    const s = requireRole(req, ['supervisor']);
    const alarms = new AlarmLog(ctx.db);
    ctx.live.open(req.res, () => ({ map: staffingView(ctx, s), alarms: alarms.open().filter((a) => s.kind === 'admin' || s.zones.includes(a.zoneId)) }));
    return undefined;
  });

  r.post('/api/staffing/windows/:windowId/:action', (req) => {
    const id = req.params.windowId as string;
    const action = req.params.action as string;
    const w = ctx.hall.state.windows.get(id);
    if (!w) throw new HttpError(404, 'unknown-window');
    const who = requireZone(req, w.config.zoneId);
    const actor = actorName(who);
    const at = ctx.now().toISOString();
    const run = (fn: (h: Hall) => unknown) => {
      try {
        ctx.hall.run('center', fn);
      } catch (e) {
        if (e instanceof DomainError) throw new HttpError(409, e.code, e.message);
        throw e;
      }
    };
    let detail: unknown;
    switch (action) {
      case 'open': {
        const b = parseBody(Open, req.body);
        const m = ctx.accounts.staff(b.staffNo);
        if (!m || m.disabled) throw new HttpError(404, 'unknown-staff', `没有在职的工号 ${b.staffNo}`);
        if (!ctx.accounts.mayUseWindow(m, id, w.config.number)) throw new HttpError(409, 'window-not-allowed', `${m.name}（${m.staffNo}）不能在 ${w.config.number} 号窗口登录：请管理员在「人员」里加上这个窗口`);
        // Whoever was logged in at the window is logged out: the window is now this person's.
        if (w.staff?.id !== m.staffNo) ctx.accounts.endWindowSessions(id, m.staffNo);
        run((h) => h.openWindow(id, { id: m.staffNo, name: m.name }, at));
        detail = { staffNo: m.staffNo };
        break;
      }
      case 'close': {
        const b = parseBody(Close, req.body);
        const atCounter: AtCounter = b.atCounter === 'finish' ? { kind: 'finish', outcome: b.outcome } : { kind: 'hand-back' };
        if (w.status === 'closed') throw new HttpError(409, 'invalid-transition', `${w.config.number} 号窗口已关闭`);
        ctx.staffing.leave(id, actor, atCounter, 'closed-by-supervisor');
        detail = b;
        break;
      }
      case 'pause': {
        const b = parseBody(Pause, req.body);
        run((h) => h.pauseWindow(id, at, b.reason));
        detail = b;
        break;
      }
      case 'resume':
        run((h) => h.resumeWindow(id, at));
        break;
      case 'assign': {
        const b = parseBody(Assign, req.body);
        run((h) => h.assignWindow(id, b, at, actor));
        detail = b;
        break;
      }
      case 'unassign':
        // Back to the hall definition's plan for the rest of the day (itself a 调流, so it is logged).
        run((h) => h.assignWindow(id, { categoryIds: w.config.categoryIds, rule: w.config.rule }, at, actor));
        break;
      default:
        throw new HttpError(404, 'unknown-action');
    }
    if (action !== 'close') ctx.audit.record(actor, `window-${action}`, id, detail);
    ctx.live.changed();
    return { json: { ok: true, view: staffingView(ctx, who) } };
  });
}
