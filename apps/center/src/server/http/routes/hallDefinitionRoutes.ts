// The admin console's hall editor API: the definition in force, checking and saving a new version
// (problems come back per field path, nothing half-valid is stored), the version history and
// rollback, and the hall workbook (preview, confirm, export). Admin only; every save is audited.
import { z } from 'zod';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { parseBody, requireAdmin } from './authRoutes.ts';

/** v1 of the editor's messages. `definition` is validated by the hall definition schema itself. */
const SaveBody = z.object({
  v: z.literal(1),
  definition: z.unknown(),
  note: z.string().max(200).default(''),
});
const CheckBody = z.object({ v: z.literal(1), definition: z.unknown() });
const RollbackBody = z.object({ v: z.literal(1), version: z.number().int().nonnegative() });

/** Routes whose bodies may be large (a 1,000-item hall): the HTTP server checks the admin first. */
export const LARGE_BODY_PREFIX = '/api/admin/hall-definition';

export function hallDefinitionRoutes(r: Router, ctx: CenterContext): void {
  r.get('/api/admin/hall-definition', (req) => {
    requireAdmin(req);
    return { json: { v: 1, definition: ctx.editor.current(), versions: ctx.definitions.list(50) } };
  });

  r.post('/api/admin/hall-definition/check', (req) => {
    requireAdmin(req);
    const b = parseBody(CheckBody, req.body);
    const { definition: _omit, ...outcome } = ctx.editor.check(b.definition);
    return { json: { v: 1, ...outcome } };
  });

  r.post('/api/admin/hall-definition', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(SaveBody, req.body);
    const outcome = await ctx.editor.save(b.definition, `admin:${admin.username}`, b.note);
    if (outcome.ok)
      ctx.audit.record(`admin:${admin.username}`, 'hall-definition-saved', 'hall', {
        version: outcome.version,
        note: b.note,
      });
    else
      ctx.logger.warn('hall definition change refused', {
        by: admin.username,
        problems: outcome.problems.filter((p) => p.severity === 'error').slice(0, 20),
      });
    ctx.live.changed();
    return { status: outcome.ok ? 200 : 422, json: { v: 1, ...outcome } };
  });

  r.get('/api/admin/hall-definition/versions/:version', (req) => {
    requireAdmin(req);
    const def = ctx.definitions.get(Number(req.params.version));
    if (!def) throw new HttpError(404, 'unknown-version');
    return { json: { v: 1, definition: def } };
  });

  r.post('/api/admin/hall-definition/rollback', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(RollbackBody, req.body);
    const outcome = await ctx.editor.rollback(b.version, `admin:${admin.username}`);
    if (outcome.ok)
      ctx.audit.record(`admin:${admin.username}`, 'hall-definition-rolled-back', 'hall', {
        to: b.version,
        version: outcome.version,
      });
    ctx.live.changed();
    return { status: outcome.ok ? 200 : 422, json: { v: 1, ...outcome } };
  });
}
