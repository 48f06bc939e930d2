// The admin console's hall editor API: the definition in force, checking and saving a new version
// (problems come back per field path, nothing half-valid is stored), the version history and
// rollback, and the hall workbook (preview, confirm, export). Admin only; every save is audited.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hallLocalTime } from '@hallkit/core';
import { definitionToSheets } from '../../hall/workbook/definitionToSheets.ts';
import { previewImport, type ImportPreview } from '../../hall/workbook/previewImport.ts';
import { readWorkbookBuffer, UnusableWorkbookError, writeWorkbookBuffer } from '../../hall/workbook/WorkbookSheets.ts';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { parseBody, requireAdmin } from './authRoutes.ts';
import { workbookStaffRows } from '../../staff/workbookStaff.ts';

/** v1 of the editor's messages. `definition` is validated by the hall definition schema itself. */
/** The admin's explicit choice to move a stranded line to another category (see WaitingMove). */
const Moves = z.array(z.object({ fromCategoryId: z.string().min(1).max(64), toCategoryId: z.string().min(1).max(64) })).max(50).default([]);
const SaveBody = z.object({
  v: z.literal(1),
  definition: z.unknown(),
  note: z.string().max(200).default(''),
  moves: Moves,
});
const CheckBody = z.object({ v: z.literal(1), definition: z.unknown(), moves: Moves });
const PreviewBody = z.object({ v: z.literal(1), name: z.string().max(200), xlsxBase64: z.string().min(1) });
const ConfirmBody = z.object({ v: z.literal(1), token: z.string().min(10) });
const RollbackBody = z.object({ v: z.literal(1), version: z.number().int().nonnegative() });

/** Routes whose bodies may be large (a 1,000-item hall): the HTTP server checks the admin first. */
export const LARGE_BODY_PREFIX = '/api/admin/hall-definition';

/** Previews waiting for the admin's 确认导入 (a few minutes; nothing is applied before). */
const PREVIEW_TTL_MS = 15 * 60_000;

export function hallDefinitionRoutes(r: Router, ctx: CenterContext): void {
  const previews = new Map<string, { preview: ImportPreview; by: string; name: string; at: number }>();

  r.get('/api/admin/hall-definition', (req) => {
    requireAdmin(req);
    return { json: { v: 1, definition: ctx.editor.current(), versions: ctx.definitions.list(50) } };
  });

  r.post('/api/admin/hall-definition/check', (req) => {
    requireAdmin(req);
    const b = parseBody(CheckBody, req.body);
    const { definition: _omit, ...outcome } = ctx.editor.check(b.definition, b.moves);
    return { json: { v: 1, ...outcome } };
  });

  r.post('/api/admin/hall-definition', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(SaveBody, req.body);
    const outcome = await ctx.editor.save(b.definition, `admin:${admin.username}`, b.note, b.moves);
    if (outcome.ok)
      ctx.audit.record(`admin:${admin.username}`, 'hall-definition-saved', 'hall', {
        version: outcome.version,
        note: b.note,
        ...(b.moves.length ? { moves: b.moves } : {}),
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

  // ── the hall workbook ──────────────────────────────────────────────────
  r.get('/api/admin/hall-definition/workbook', async (req) => {
    requireAdmin(req);
    const staff = workbookStaffRows(ctx.accounts.allStaff(), ctx.hall.state);
    const data = await writeWorkbookBuffer(definitionToSheets(ctx.editor.current(), staff));
    const file = encodeURIComponent(`${ctx.editor.current().catalog.hall.name}-大厅定义-v${ctx.editor.current().version}.xlsx`);
    req.res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename*=UTF-8''${file}`, 'cache-control': 'no-store' });
    req.res.end(data);
    return undefined;
  });

  r.post('/api/admin/hall-definition/workbook/preview', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(PreviewBody, req.body);
    let preview: ImportPreview;
    try {
      preview = previewImport(await readWorkbookBuffer(Buffer.from(b.xlsxBase64, 'base64')), ctx.editor.current(), ctx.hall.state, hallLocalTime(new Date(), ctx.editor.current().catalog.hall.timeZone).day);
    } catch (e) {
      if (e instanceof UnusableWorkbookError) return { status: 422, json: { v: 1, ok: false, unusable: e.message } };
      throw e;
    }
    const now = Date.now();
    for (const [k, p] of previews) if (now - p.at > PREVIEW_TTL_MS) previews.delete(k);
    const token = preview.ok ? randomBytes(16).toString('base64url') : undefined;
    if (token) previews.set(token, { preview, by: admin.username, name: b.name, at: now });
    ctx.logger.info('hall workbook previewed', { by: admin.username, file: b.name, ok: preview.ok, problems: preview.problems.length });
    const { definition: _d, staff, ...shown } = preview;
    return { json: { ...shown, staffCount: staff.length, ...(token ? { token } : {}) } };
  });

  r.post('/api/admin/hall-definition/workbook/confirm', async (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(ConfirmBody, req.body);
    const pending = previews.get(b.token);
    if (!pending || pending.by !== admin.username || Date.now() - pending.at > PREVIEW_TTL_MS) throw new HttpError(410, 'preview-expired', '预览已过期，请重新上传');
    previews.delete(b.token);
    const outcome = await ctx.editor.save(pending.preview.definition, `admin:${admin.username}`, `导入工作簿 ${pending.name}`);
    if (outcome.ok) ctx.audit.record(`admin:${admin.username}`, 'hall-workbook-imported', 'hall', { version: outcome.version, file: pending.name, staffRows: pending.preview.staff.length });
    ctx.live.changed();
    // The 人员 rows are checked; the accounts part creates or updates accounts from them (importedStaff).
    if (outcome.ok) ctx.editor.staffImported(pending.preview.staff);
    return { status: outcome.ok ? 200 : 422, json: { v: 1, ...outcome, staffCount: pending.preview.staff.length } };
  });
}
