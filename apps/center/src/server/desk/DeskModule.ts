// 导服台 (service desk): staff at the hall's front desk issue a ticket for a citizen — a 绿色通道
// ticket on their judgement (elderly, disabled, pregnant, key project), with the ground in the audit
// log — look a ticket up by its number, and put a late 过号 citizen back in line by the hall's rule.
// Desk staff (role `desk`) and admins only; checked here where each request enters.
import { z } from 'zod';
import QRCode from 'qrcode';
import { DomainError, estimateForNewTicket, hallLocalTime, isCategoryOpen, type HallState, type Ticket } from '@hallkit/core';
import type { CenterModule } from '../CenterModule.ts';
import type { CenterContext } from '../CenterContext.ts';
import { HttpError } from '../http/Router.ts';
import { parseBody } from '../http/routes/authRoutes.ts';
import { actorName, requireRole } from '../auth/RequestAccess.ts';
import { lateArrivalView, type LateArrivalView } from '../../mobile/follow/lateArrival.ts';

/** Why the desk gives a green ticket; the hall's sources name these grounds. */
export const GREEN_GROUNDS = ['elderly', 'disabled', 'pregnant', 'key-project', 'other'] as const;

export const DeskIssueSchema = z.object({
  v: z.literal(1),
  categoryId: z.string().min(1).max(32),
  itemId: z.string().max(64).optional(),
  /** 绿色通道 with its ground; `note` is required for `other` (said in the audit log). */
  green: z.object({ ground: z.enum(GREEN_GROUNDS), note: z.string().trim().max(60).optional() }).nullable().default(null),
});
export type DeskIssue = z.infer<typeof DeskIssueSchema>;

const Number_ = z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{1,4}$/);

export interface DeskCategory {
  id: string;
  name: string;
  prefix: string;
  zoneName: string;
  open: boolean;
  waiting: number;
  /** Minutes a new normal ticket would wait; null while no open window serves it. */
  estimateMinutes: number | null;
  items: { id: string; name: string }[];
}

export interface DeskTicket {
  ticketId: string;
  number: string;
  categoryName: string;
  priority: Ticket['priority'];
  status: Ticket['status'];
  issuedAt: string;
  windowNumber: number | null;
  peopleAhead: number | null;
  late: LateArrivalView | null;
}

function categories(s: HallState, at: string): DeskCategory[] {
  const local = hallLocalTime(at, s.config.catalog.hall.timeZone);
  const zones = new Map(s.config.catalog.zones.map((z) => [z.id, z.name]));
  return [...s.categories.values()].map((c) => ({
    id: c.id,
    name: c.name,
    prefix: c.prefix,
    zoneName: zones.get(c.zoneId) ?? c.zoneId,
    open: isCategoryOpen(c, local, s.config.calendar),
    waiting: [...s.tickets.values()].filter((t) => t.categoryId === c.id && t.status === 'waiting').length,
    estimateMinutes: estimateForNewTicket(s, c.id, 'normal').minutes,
    items: [...s.items.values()].filter((i) => i.categoryId === c.id).map((i) => ({ id: i.id, name: i.name })),
  }));
}

function deskTicket(s: HallState, t: Ticket, now: number): DeskTicket {
  const ahead = t.status === 'waiting' ? [...s.tickets.values()].filter((o) => o.status === 'waiting' && o.categoryId === t.categoryId && o.queuedAt < t.queuedAt).length : null;
  return {
    ticketId: t.id,
    number: t.number,
    categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
    priority: t.priority,
    status: t.status,
    issuedAt: t.issuedAt,
    windowNumber: t.windowId ? (s.windows.get(t.windowId)?.config.number ?? null) : null,
    peopleAhead: ahead,
    late: lateArrivalView(s, t, now),
  };
}

export function deskModule(): CenterModule {
  return {
    name: 'desk',
    routes(r, ctx: CenterContext) {
      const refused = (e: unknown): never => {
        if (e instanceof DomainError) throw new HttpError(409, e.code, e.message);
        throw e;
      };

      r.get('/api/desk/view', (req) => {
        requireRole(req, ['desk']);
        const s = ctx.hall.state;
        const rule = s.config.noShow.lateArrival;
        return { json: { v: 1, categories: categories(s, ctx.now().toISOString()), lateArrival: { allowed: rule.allowed, withinMinutes: rule.allowed ? rule.withinMinutes : null } } };
      });

      r.post('/api/desk/tickets', async (req) => {
        const who = requireRole(req, ['desk']);
        const b = parseBody(DeskIssueSchema, req.body);
        if (b.green?.ground === 'other' && !b.green.note) throw new HttpError(400, 'green-note-required', '其他理由的绿色通道请写明原因');
        const issuer = actorName(who);
        const got = ctx.desk.issue({ categoryId: b.categoryId, ...(b.itemId ? { itemId: b.itemId } : {}), source: 'on-site', priority: b.green ? 'green' : 'normal' }, issuer);
        if (!got.ok) {
          ctx.logger.info('desk ticket refused', { by: issuer, categoryId: b.categoryId, code: got.code });
          throw new HttpError(got.code === 'unknown-category' ? 404 : 409, got.code, got.message);
        }
        ctx.audit.record(issuer, b.green ? 'green-ticket-issued' : 'ticket-issued', got.number, { categoryId: b.categoryId, ...(b.green ? { ground: b.green.ground, ...(b.green.note ? { note: b.green.note } : {}) } : {}) });
        const qrSvg = await QRCode.toString(got.followUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
        const s = ctx.hall.state;
        const c = s.categories.get(got.categoryId);
        const zone = c ? s.config.catalog.zones.find((z) => z.id === c.zoneId) : undefined;
        return {
          json: {
            ...got,
            priority: b.green ? 'green' : 'normal',
            categoryName: c?.name ?? got.categoryId,
            zoneName: zone?.name ?? null,
            zoneLocation: zone?.location ?? null,
            itemName: b.itemId ? (s.items.get(b.itemId)?.name ?? null) : null,
            qrSvg,
          },
        };
      });

      // Today's tickets with this number (one per hall-day and category prefix, so at most one).
      r.get('/api/desk/tickets', (req) => {
        requireRole(req, ['desk']);
        const n = Number_.safeParse(req.query.get('number') ?? '');
        if (!n.success) throw new HttpError(400, 'bad-number', '请输入票号，如 A012');
        const s = ctx.hall.state;
        const today = ctx.hall.hall.day(ctx.now().toISOString());
        const found = [...s.tickets.values()].filter((t) => t.day === today && t.number === n.data);
        return { json: { v: 1, tickets: found.map((t) => deskTicket(s, t, ctx.now().getTime())) } };
      });

      r.post('/api/desk/tickets/:ticketId/requeue', (req) => {
        const who = requireRole(req, ['desk']);
        const id = req.params.ticketId as string;
        const t = ctx.hall.state.tickets.get(id);
        if (!t) throw new HttpError(404, 'unknown-ticket');
        try {
          ctx.hall.run('center', (h) => h.requeueLate(id, ctx.now().toISOString()));
        } catch (e) {
          refused(e);
        }
        ctx.audit.record(actorName(who), 'requeue', t.number, { ticketId: id });
        return { json: { v: 1, ticket: deskTicket(ctx.hall.state, t, ctx.now().getTime()) } };
      });
    },
  };
}
