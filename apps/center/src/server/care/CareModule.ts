// The center module for remote care: `POST /api/admin/devices/:deviceId/commands` sends a care
// command, `GET /api/admin/care[?deviceId=]` lists them with their outcome. Every send and every
// outcome is audited; the admin console's live view refreshes when an outcome arrives.
import { CommandSender } from '@hallkit/sync';
import { CareRequestSchema } from '@hallkit/core/wire/careCommands';
import type { CenterModule } from '../CenterModule.ts';
import type { CenterContext } from '../CenterContext.ts';
import { HttpError, type Router } from '../http/Router.ts';
import { parseBody, requireAdmin } from '../http/routes/authRoutes.ts';
import { CARE_MIGRATIONS } from './careMigrations.ts';
import { CareCommands } from './CareCommands.ts';

export function careModule(o: { timeoutMs?: number } = {}): CenterModule {
  let sender: CommandSender | undefined;
  let care: CareCommands | undefined;
  const ready = (ctx: CenterContext): CareCommands => {
    if (!care) {
      sender = new CommandSender(ctx.mqtt, ctx.hall.config.catalog.hall.id, ctx.logger);
      care = new CareCommands(ctx.db, sender, (row) => {
        ctx.audit.record(`device:${row.deviceId}`, `care-${row.status}`, row.deviceId, { id: row.id, name: row.name });
        ctx.live.changed();
      }, o.timeoutMs);
    }
    return care;
  };
  return {
    name: 'care',
    migrations: CARE_MIGRATIONS,
    routes(r: Router, ctx: CenterContext) {
      r.post('/api/admin/devices/:deviceId/commands', (req) => {
        const admin = requireAdmin(req);
        const deviceId = req.params.deviceId as string;
        const b = parseBody(CareRequestSchema, req.body);
        const d = ctx.registry.get(deviceId);
        if (!d) throw new HttpError(404, 'unknown-device');
        if (d.state !== 'enrolled') throw new HttpError(409, 'device-not-enrolled');
        const { row } = ready(ctx).send(deviceId, b, `admin:${admin.username}`);
        ctx.audit.record(`admin:${admin.username}`, `care-${b.name}`, deviceId, { id: row.id });
        ctx.live.changed();
        return { status: 202, json: { command: row } };
      });
      r.get('/api/admin/care', (req) => {
        requireAdmin(req);
        const deviceId = req.query.get('deviceId') ?? undefined;
        return { json: { v: 1, commands: ready(ctx).recent(deviceId, 100) } };
      });
    },
    async start(ctx) {
      const c = ready(ctx);
      c.expireUnfinished();
      await sender?.start();
    },
    async stop() {
      await sender?.stop();
      // The module outlives a center that restarts in the same process: the next start gets the new database.
      sender = undefined;
      care = undefined;
    },
  };
}
