// The window console's API: one window's view (and its live feed) and the staff's actions on it.
import { z } from 'zod';
import { CounterChoiceSchema, DomainError, TransferTargetSchema, type Hall, type HallEvent } from '@hallkit/core';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { windowView } from '../../views/windowView.ts';
import { parseBody, requireWindow } from './authRoutes.ts';
import { sessionCookie } from '../HttpServer.ts';

const Transfer = z.object({ to: TransferTargetSchema, returnHere: z.boolean().optional() });
// Staff say why they pause (the admin's hall map and the audit show it); free text, short.
const Pause = z.object({ reason: z.string().trim().min(1).max(60) });
/** The outcomes staff record at 办结 (`unrecorded` is only what calling the next ticket leaves). */
const FINISH_OUTCOMES = ['completed', 'needs-supplement', 'rejected', 'referred', 'consulted'] as const;
const Finish = z.object({ outcome: z.enum(FINISH_OUTCOMES).default('completed'), itemId: z.string().optional() });
/** 回呼 / 按号呼叫: which ticket, and what becomes of the one at the counter (asked, never assumed). */
const CallTicket = z.object({ ticketId: z.string(), counter: CounterChoiceSchema.optional() });
const Requeue = z.object({ ticketId: z.string() });
const Leave = z.object({ atCounter: z.enum(['finish', 'hand-back']).default('finish'), outcome: z.enum(FINISH_OUTCOMES).default('completed'), itemId: z.string().optional() });

type Action = (h: Hall, windowId: string, at: string, body: unknown) => unknown;

const ACTIONS: Record<string, Action> = {
  'call-next': (h, w, at) => h.callNext(w, at).called?.number ?? null,
  recall: (h, w, at) => h.recall(w, at),
  'no-show': (h, w, at) => h.markNoShow(w, at),
  hold: (h, w, at) => h.hold(w, at),
  'call-back': (h, w, at, b) => {
    const c = parseBody(CallTicket, b);
    return h.callBack(w, c.ticketId, at, c.counter);
  },
  'call-by-number': (h, w, at, b) => {
    const c = parseBody(CallTicket, b);
    return h.callByNumber(w, c.ticketId, at, c.counter);
  },
  // A late 过号 citizen back in line: only a ticket this window marked, within the hall's minutes.
  requeue: (h, w, at, b) => {
    const id = parseBody(Requeue, b).ticketId;
    if (h.ticket(id).windowId !== w) throw new HttpError(409, 'ticket-not-for-window', `${id} was not missed at this window`);
    return h.requeueLate(id, at);
  },
  transfer: (h, w, at, b) => {
    const t = parseBody(Transfer, b);
    return h.transfer(w, t.to, at, t.returnHere ? { returnHere: true } : {});
  },
  pause: (h, w, at, b) => h.pauseWindow(w, at, parseBody(Pause, b).reason),
  resume: (h, w, at) => h.resumeWindow(w, at),
  finish: (h, w, at, b) => {
    const f = parseBody(Finish, b);
    return h.finish(w, f.outcome, at, f.itemId);
  },
  close: (h, w, at) => h.closeWindow(w, at),
};

/** Actions that change more than the counter's own flow go to the audit log with their body. */
const AUDITED = new Set(['transfer', 'close', 'pause', 'requeue', 'call-by-number']);

export function windowRoutes(r: Router, ctx: CenterContext): void {
  const zoneOf = (windowId: string) => ctx.hall.state.windows.get(windowId)?.config.zoneId;
  const view = (windowId: string, justFinished?: string) => {
    const v = windowView(ctx.hall.state, windowId, justFinished ?? ctx.broadcaster.lastFinishedAt(windowId), ctx.now().toISOString());
    if (!v) throw new HttpError(404, 'unknown-window');
    return v;
  };

  r.get('/api/windows/:windowId', (req) => {
    requireWindow(req, req.params.windowId as string, false, zoneOf);
    return { json: view(req.params.windowId as string) };
  });

  r.get('/api/windows/:windowId/live', (req) => {
    const id = req.params.windowId as string;
    const s = requireWindow(req, id, false, zoneOf);
    view(id);
    ctx.live.open(req.res, () => view(id));
    // The console being open is what keeps a window session alive (Staffing's idle sweep).
    if (s.kind === 'staff' && s.windowId === id) ctx.staffing.attach(req.res, id, s.staffNo);
    return undefined;
  });

  r.post('/api/windows/:windowId/:action', (req) => {
    const id = req.params.windowId as string;
    const action = ACTIONS[req.params.action as string];
    if (!action) throw new HttpError(404, 'unknown-action');
    const s = requireWindow(req, id, true);
    if (!ctx.hall.state.windows.has(id)) throw new HttpError(404, 'unknown-window');
    if (req.params.action === 'close' && s.kind === 'staff') {
      // 下班: the window closes, the citizen at the counter is finished or handed back, the session ends.
      const b = parseBody(Leave, req.body);
      ctx.staffing.leave(id, `staff:${s.staffNo}`, b.atCounter === 'finish' ? { kind: 'finish', outcome: b.outcome, ...(b.itemId ? { itemId: b.itemId } : {}) } : { kind: 'hand-back' }, 'off-duty');
      return { json: { ok: true, result: null, view: view(id) }, headers: { 'set-cookie': sessionCookie('', 0) } };
    }
    try {
      const result = ctx.hall.run('center', (h) => {
        // The window follows whoever is logged in at it (e.g. after the center restarted).
        const w = h.window(id);
        if (s.kind === 'staff' && w.status !== 'closed' && w.staff?.id !== s.staffNo && req.params.action !== 'close') {
          h.openWindow(id, { id: s.staffNo, name: s.name }, ctx.now().toISOString());
        }
        return action(h, id, ctx.now().toISOString(), req.body);
      });
      if (AUDITED.has(req.params.action as string)) ctx.audit.record(`staff:${s.kind === "staff" ? s.staffNo : "?"}`, req.params.action as string, id, req.body);
      return { json: { ok: true, result: req.params.action === 'call-next' ? result : null, view: view(id, finishedBy(result, id)) } };
    } catch (e) {
      if (e instanceof DomainError) {
        // Refused: said on the staff's screen in their language (the code) and here in the log.
        ctx.logger.info('window action refused', { windowId: id, action: req.params.action, code: e.code, message: e.message });
        throw new HttpError(409, e.code, e.message);
      }
      throw e;
    }
  });
}

/**
 * The service an action just ended at this window (办结, or 转移 from it). The broadcaster hears of the
 * events a tick later (HallService emits after the transaction), so the action's own answer would
 * otherwise carry the previous citizen's rating prompt — and, arriving after the live push, keep it
 * on the console.
 */
function finishedBy(result: unknown, windowId: string): string | undefined {
  if (!Array.isArray(result)) return undefined;
  let found: string | undefined;
  for (const e of result as HallEvent[]) {
    if (e.type === 'TicketFinished' && e.windowId === windowId) found = e.serviceId;
    if (e.type === 'TicketTransferred' && e.fromWindowId === windowId) found = e.serviceId;
  }
  return found;
}
