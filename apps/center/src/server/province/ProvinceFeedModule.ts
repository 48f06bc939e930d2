// The provincial 好差评 feed as a center module: turns the hall log's ratings, lapses and follow-up
// steps into records (FeedScanner), delivers them through the configured adapter (ProvinceOutbox),
// and gives the admin console the backlog, a retry of refused records and the file export.
import { z } from 'zod';
import type { CenterModule } from '../CenterModule.ts';
import { HttpError, type HttpHandler } from '../http/Router.ts';
import { parseBody, requireAdmin } from '../http/routes/authRoutes.ts';
import { TicketHolders } from '../../mobile/identity/ticketHolder.ts';
import { FeedScanner } from './FeedScanner.ts';
import { HttpJsonAdapter } from './HttpJsonAdapter.ts';
import type { ProvinceAdapter } from './ProvinceAdapter.ts';
import { loadProvinceFeed, type ProvinceFeedConfig } from './ProvinceFeedSettings.ts';
import { markUploaded, pendingLines, ProvinceOutbox } from './ProvinceOutbox.ts';
import { PROVINCE_MIGRATIONS } from './provinceMigrations.ts';
import { EXPORT_CONTENT_TYPE, EXPORT_FORMATS, recordsCsv, recordsWorkbook, type ExportFormat } from './ProvinceFileExport.ts';
import { ProvinceRecordSchema } from './ProvinceRecord.ts';
import { areaCodeOf, FEED_EVENT_TYPES } from './recordOfEvent.ts';

export interface ProvinceFeedOptions {
  /** Settings (default: the files HALLKIT_PROVINCE_FEED/_SECRETS name; none: the feed is off). */
  config?: ProvinceFeedConfig | null;
  /** Another transport than the settings' (tests). */
  adapter?: ProvinceAdapter;
  pollMs?: number;
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ExportQuery = z.union([z.object({ from: Day, to: Day }), z.object({ pending: z.literal('1') })]);

export function provinceFeedModule(o: ProvinceFeedOptions = {}): CenterModule {
  let outbox: ProvinceOutbox | undefined;
  let scanner: FeedScanner | undefined;
  let config: ProvinceFeedConfig | undefined;
  const ready = () => {
    if (!outbox || !scanner) throw new HttpError(409, 'province-feed-off', '好差评 feed is not set up: set HALLKIT_PROVINCE_FEED (see docs/haochaping-feed.md)');
    return { outbox, scanner };
  };
  return {
    name: 'province',
    migrations: PROVINCE_MIGRATIONS,
    routes(r, ctx) {
      outbox = undefined;
      scanner = undefined;
      config = o.config === null ? undefined : (o.config ?? loadProvinceFeed());
      if (config) {
        const s = config.settings;
        const adapter = o.adapter ?? (s.transport === 'http-json' && s.endpoint && config.secrets ? new HttpJsonAdapter(s.endpoint, config.secrets.token, s.timeoutSeconds * 1000) : undefined);
        const now = () => ctx.now().getTime();
        const holders = new TicketHolders(ctx.db);
        scanner = new FeedScanner(ctx.db, s, () => ctx.hall.config, (id) => ctx.accounts.staff(id)?.name, ctx.logger, now, (ticketId) => holders.of(ticketId));
        outbox = new ProvinceOutbox(ctx.db, adapter, ctx.audit, ctx.logger, now, { retryBaseMs: s.retryBaseSeconds * 1000, retryMaxMs: s.retryMaxSeconds * 1000, pollMs: o.pollMs ?? 2_000, parallel: 8, batchSize: s.batchSize });
      }
      r.get('/api/admin/province', (req) => {
        requireAdmin(req);
        if (!outbox || !config) return { json: { configured: false } };
        return { json: { configured: true, mode: config.settings.transport, regionCode: areaCodeOf(config.settings, ctx.hall.config) ?? null, blocked: scanner?.blocked ?? null, levelNumbering: config.settings.levelNumbering, fromDay: config.settings.fromDay ?? null, ...outbox.summary() } };
      });
      r.post('/api/admin/province/retry', (req) => {
        const admin = requireAdmin(req);
        return { json: { requeued: ready().outbox.retryFailed(`admin:${admin.username}`) } };
      });
      r.post('/api/admin/province/uploaded', (req) => {
        const admin = requireAdmin(req);
        const b = parseBody(z.object({ through: z.number().int().positive() }), req.body);
        const n = markUploaded(ctx.db, b.through, ctx.now().getTime());
        ctx.audit.record(`admin:${admin.username}`, 'province.uploaded', 'province-feed', { through: b.through, records: n });
        return { json: { marked: n } };
      });
      // The records of a period (or, for a hall that uploads by hand, those still waiting) as a file.
      const exportAs = (format: ExportFormat): HttpHandler => async (req) => {
        const admin = requireAdmin(req);
        const q = ExportQuery.safeParse(Object.fromEntries(req.query));
        if (!q.success) throw new HttpError(400, 'invalid-export-request', 'give from and to (YYYY-MM-DD), or pending=1');
        const { outbox: box, scanner: scan } = ready();
        scan.scan();
        let lines: string[];
        let through = 0;
        let name: string;
        if ('pending' in q.data) {
          ({ lines, through } = pendingLines(ctx.db));
          name = `haochaping-pending-${new Date(ctx.now()).toISOString().slice(0, 10)}.${format}`;
        } else {
          lines = [...box.exportLines(q.data.from, q.data.to)];
          name = `haochaping-${q.data.from}-${q.data.to}.${format}`;
        }
        ctx.audit.record(`admin:${admin.username}`, 'province.exported', 'province-feed', { records: lines.length, format, ...('pending' in q.data ? { pending: true, through } : q.data) });
        const records = () => lines.map((l) => ProvinceRecordSchema.parse(JSON.parse(l)));
        const title = `${ctx.hall.config.catalog.hall.name} 好差评数据 ${'pending' in q.data ? '待上报' : `${q.data.from} 至 ${q.data.to}`}`;
        const body =
          format === 'jsonl' ? Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8') : format === 'csv' ? recordsCsv(records()) : await recordsWorkbook(records(), title);
        req.res.writeHead(200, {
          'content-type': EXPORT_CONTENT_TYPE[format],
          'content-disposition': `attachment; filename="${name}"`,
          'content-length': body.length,
          'cache-control': 'no-store',
          'x-hallkit-records': String(lines.length),
          'x-hallkit-through': String(through),
        });
        req.res.end(body);
        return undefined;
      };
      for (const format of EXPORT_FORMATS) r.get(`/api/admin/province/export.${format}`, exportAs(format));
    },
    start(ctx) {
      if (!outbox || !scanner) {
        ctx.logger.info('好差评 feed to the province is not set up (HALLKIT_PROVINCE_FEED)');
        return;
      }
      const box = outbox;
      const scan = scanner;
      const made = scan.scan();
      ctx.logger.info('好差评 feed to the province', { transport: box.adapter?.describe ?? 'file', queued: made, ...box.summary().counts });
      ctx.hall.on('events', (events) => {
        if (!events.some((e) => (FEED_EVENT_TYPES as readonly string[]).includes(e.type))) return;
        if (scan.scan() > 0) box.kick();
      });
      box.start();
    },
    async stop() {
      await outbox?.stop();
    },
  };
}
