// Alarms (issue 14): looked at after every change of the hall and every 30 s (waits grow with the
// clock), written to `alarms` with raised/cleared times, and pushed at once to the admin console and
// the zone's supervisor over the consoles' live feed. Thresholds per category, set by admins.
import { z } from 'zod';
import { hallDay } from '@hallkit/core';
import type { CenterModule } from '../CenterModule.ts';
import type { CenterContext } from '../CenterContext.ts';
import { HttpError } from '../http/Router.ts';
import { parseBody, requireAdmin } from '../http/routes/authRoutes.ts';
import { requireRole } from '../auth/RequestAccess.ts';
import { ALARM_MIGRATIONS } from './alarmMigrations.ts';
import { AlarmLog } from './AlarmLog.ts';
import { hallAlarms } from './hallAlarms.ts';

/** Minutes of waiting that raise a long-wait alarm unless an admin set the category's own. */
export const DEFAULT_WAIT_ALARM_MINUTES = 30;

const Threshold = z.object({ categoryId: z.string(), minutes: z.number().int().min(1).max(600).nullable() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function alarmsModule(o: { everyMs?: number; defaultWaitMinutes?: number } = {}): CenterModule & { check?: () => boolean } {
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  const m: CenterModule & { check?: () => boolean } = {
    name: 'alarms',
    migrations: ALARM_MIGRATIONS,
    routes(r, ctx) {
      const log = new AlarmLog(ctx.db);
      r.get('/api/alarms', (req) => {
        const s = requireRole(req, ['supervisor']);
        const day = req.query.get('day') ?? hallDay(ctx.now(), ctx.hall.config.catalog.hall.timeZone);
        if (!Day.safeParse(day).success) throw new HttpError(400, 'bad-request', 'day: YYYY-MM-DD');
        const rows = log.ofDay(day).filter((a) => s.kind === 'admin' || s.zones.includes(a.zoneId));
        return { json: { v: 1, day, alarms: rows, thresholds: Object.fromEntries(log.thresholds()), defaultWaitMinutes: o.defaultWaitMinutes ?? DEFAULT_WAIT_ALARM_MINUTES } };
      });
      r.post('/api/admin/alarms/threshold', (req) => {
        const admin = requireAdmin(req);
        const b = parseBody(Threshold, req.body);
        if (!ctx.hall.state.categories.has(b.categoryId)) throw new HttpError(404, 'unknown-category');
        log.setThreshold(b.categoryId, b.minutes);
        ctx.audit.record(`admin:${admin.username}`, 'alarm-threshold-set', b.categoryId, { minutes: b.minutes });
        m.check?.();
        return { json: { ok: true } };
      });
    },
    start(ctx) {
      const log = new AlarmLog(ctx.db);
      m.check = () => check(ctx, log, o.defaultWaitMinutes ?? DEFAULT_WAIT_ALARM_MINUTES);
      m.check();
      const soon = () => {
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          m.check?.();
        }, 50).unref();
      };
      ctx.hall.on('events', soon);
      ctx.staffing.on('change', soon);
      timer = setInterval(() => m.check?.(), o.everyMs ?? 30_000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      m.check = undefined;
    },
  };
  return m;
}

function check(ctx: CenterContext, log: AlarmLog, defaultMinutes: number): boolean {
  const now = ctx.now();
  const thresholds = log.thresholds();
  const conditions = hallAlarms(ctx.hall.state, now.getTime(), (c) => thresholds.get(c) ?? defaultMinutes, ctx.staffing.loggedIn());
  const changed = log.reconcile(conditions, now.getTime(), hallDay(now, ctx.hall.config.catalog.hall.timeZone));
  if (changed) ctx.live.changed();
  return changed;
}
