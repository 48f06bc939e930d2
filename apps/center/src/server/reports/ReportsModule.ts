// Reports as a center module: archives each closed hall-day's figures (at start for any not yet
// archived, then after every close) and serves the admin console's 报表 tab, its Excel export and
// the printable monthly report's data. Admin only; the range and breakdown are checked with zod.
import { z } from 'zod';
import { hallDay, localName, REPORT_DIMENSIONS, WhatIfRequestSchema } from '@hallkit/core';
import type { CenterContext } from '../CenterContext.ts';
import type { CenterModule } from '../CenterModule.ts';
import { HttpError, type HttpRequest } from '../http/Router.ts';
import { requireAdmin } from '../http/routes/authRoutes.ts';
import { actorName, requireRole } from '../auth/RequestAccess.ts';
import { DayArchive } from './DayArchive.ts';
import { ReportLabels } from './ReportLabels.ts';
import { ReportQuery } from './ReportQuery.ts';
import { reportWorkbook } from './ReportWorkbook.ts';
import { runWhatIf } from './WhatIf.ts';
import { REPORT_LANGUAGES, reportWords } from './reportWords.ts';
import { parseBody } from '../http/routes/authRoutes.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const ReportRequestSchema = z
  .object({
    from: Day,
    to: Day,
    dim: z.enum(REPORT_DIMENSIONS).default('hall'),
    period: z.enum(['day', 'week', 'month']).default('day'),
    /** The console's language: rows, total, alarms and the workbook are named in it. */
    lang: z.enum(REPORT_LANGUAGES).default('zh-CN'),
  })
  .refine((r) => r.from <= r.to, { message: 'from is after to', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 800 * 86_400_000, { message: 'at most two years', path: ['to'] });

function parseQuery(req: HttpRequest) {
  const r = ReportRequestSchema.safeParse(Object.fromEntries(req.query));
  if (!r.success) throw new HttpError(400, 'invalid-report-request', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

export function reportsModule(): CenterModule {
  let archive: DayArchive | undefined;
  let query: ReportQuery | undefined;
  const parts = (ctx: CenterContext) => {
    archive ??= new DayArchive(ctx.db, ctx.hall.log, () => ctx.hall.config, ctx.logger);
    query ??= new ReportQuery(ctx.db, ctx.hall, new ReportLabels(ctx.hall, (id) => ctx.accounts.staff(id)?.name), ctx.now);
    return { archive, query };
  };
  return {
    name: 'reports',
    routes(r, ctx) {
      // One module object serves every center started in this process (tests restart centers).
      archive = undefined;
      query = undefined;
      // Reports are read by admins and by the 好差评 auditor (read-only role).
      r.get('/api/admin/reports', (req) => {
        requireRole(req, ['auditor']);
        const q = parseQuery(req);
        return { json: parts(ctx).query.report(q.from, q.to, q.dim, q.period, q.lang) };
      });
      r.get('/api/admin/reports/export.xlsx', async (req) => {
        const reader = requireRole(req, ['auditor']);
        const q = parseQuery(req);
        const report = parts(ctx).query.report(q.from, q.to, q.dim, q.period, q.lang);
        const body = await reportWorkbook(report, localName(ctx.hall.config.catalog.hall, q.lang));
        ctx.audit.record(actorName(reader), 'report-exported', 'hall', { from: q.from, to: q.to, dim: q.dim });
        const name = encodeURIComponent(`${reportWords(q.lang).file}-${q.from}-${q.to}-${q.dim}.xlsx`);
        req.res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="report-${q.from}-${q.to}.xlsx"; filename*=UTF-8''${name}`,
          'content-length': body.length,
          'cache-control': 'no-store',
        });
        req.res.end(body);
        return undefined;
      });
      r.post('/api/admin/whatif', (req) => {
        requireAdmin(req);
        const b = parseBody(WhatIfRequestSchema, req.body);
        const result = runWhatIf(ctx.db, ctx.hall.log, ctx.hall.config, b.day, b.changes);
        if (!result) throw new HttpError(404, 'day-not-closed', `hall-day ${b.day} is not a closed day`);
        return { json: result };
      });
      // What the what-if screen offers: the closed days (newest first), zones and categories.
      r.get('/api/admin/whatif/options', (req) => {
        requireAdmin(req);
        const c = ctx.hall.config;
        const days = (ctx.db.prepare('SELECT day FROM hall_days ORDER BY day DESC LIMIT 400').all() as { day: string }[]).map((d) => d.day);
        return {
          json: {
            days,
            // Names with the hall file's 繁體/English: the console shows them in its language.
            zones: c.catalog.zones.map((z) => ({ id: z.id, name: z.name, ...(z.i18n ? { i18n: z.i18n } : {}), windows: c.windows.filter((w) => w.zoneId === z.id).length })),
            categories: c.catalog.categories.map((k) => ({ id: k.id, name: k.name, ...(k.i18n ? { i18n: k.i18n } : {}), zoneId: k.zoneId })),
          },
        };
      });
      r.get('/api/admin/reports/days', (req) => {
        requireRole(req, ['auditor']);
        const rows = ctx.db.prepare('SELECT day, archived_at FROM hall_days ORDER BY day DESC LIMIT 400').all();
        return { json: { today: hallDay(ctx.now(), ctx.hall.config.catalog.hall.timeZone), days: rows } };
      });
    },
    start(ctx) {
      const { archive: a } = parts(ctx);
      a.archivePending();
      ctx.hall.on('events', (events) => {
        if (events.some((e) => e.type === 'HallDayClosed')) a.archivePending();
      });
    },
  };
}
