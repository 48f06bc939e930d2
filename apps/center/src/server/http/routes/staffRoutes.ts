// 人员 in the admin console: add, change (role, windows, zones), disable, reset PIN; the 人员 rows of
// a hall workbook (preview, then apply). Admins only; every change audited (StaffDirectory).
import { z } from 'zod';
import type { CenterContext } from '../../CenterContext.ts';
import { HttpError, type Router } from '../Router.ts';
import { parseBody, requireAdmin } from './authRoutes.ts';
import { StaffDirectory } from '../../staff/StaffDirectory.ts';
import { importStaffRows } from '../../staff/StaffSheet.ts';
import { applyWorkbookStaff } from '../../staff/workbookStaff.ts';

const Disable = z.object({ disabled: z.boolean() });
const Pin = z.object({ pin: z.string().max(12).optional() });
const SheetRows = z.object({
  dryRun: z.boolean().default(true),
  rows: z.array(z.object({ 工号: z.coerce.string(), 姓名: z.coerce.string(), 可登录窗口: z.coerce.string().default(''), 角色: z.coerce.string().default('') })).max(2000),
});

export function staffRoutes(r: Router, ctx: CenterContext): void {
  const dir = new StaffDirectory(ctx.accounts, ctx.audit, () => ctx.hall.state);

  // A hall workbook applied in 大厅设置 brings its 人员 sheet here.
  ctx.editor.onStaffImported((rows) => {
    const res = applyWorkbookStaff(dir, ctx.audit, ctx.hall.state, rows, 'workbook');
    if (res.refused.length) ctx.logger.warn('workbook staff rows refused', { refused: res.refused });
    ctx.live.changed();
  });

  r.get('/api/admin/staff', (req) => {
    requireAdmin(req);
    return { json: { v: 1, staff: dir.list() } };
  });

  r.post('/api/admin/staff', (req) => {
    const admin = requireAdmin(req);
    const res = dir.save(req.body, `admin:${admin.username}`);
    if (!res.ok) return { status: 400, json: { error: 'invalid-staff', issues: res.issues } };
    ctx.live.changed();
    return { json: res };
  });

  r.post('/api/admin/staff/:staffNo/disable', (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(Disable, req.body);
    const m = dir.setDisabled(req.params.staffNo as string, b.disabled, `admin:${admin.username}`);
    if (!m) throw new HttpError(404, 'unknown-staff');
    // A disabled member's window closes with them: nobody is left "working" at it.
    if (b.disabled) {
      for (const w of ctx.hall.state.windows.values()) {
        if (w.staff?.id === m.staffNo && w.status !== 'closed') ctx.staffing.leave(w.config.id, `admin:${admin.username}`, { kind: 'hand-back' }, 'staff-disabled');
      }
    }
    ctx.live.changed();
    return { json: { ok: true, member: m } };
  });

  r.post('/api/admin/staff/:staffNo/pin', (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(Pin, req.body);
    const res = dir.resetPin(req.params.staffNo as string, `admin:${admin.username}`, b.pin);
    if (!res.ok) return { status: 400, json: { error: 'invalid-staff', issues: res.issues } };
    return { json: res };
  });

  r.post('/api/admin/staff/sheet', (req) => {
    const admin = requireAdmin(req);
    const b = parseBody(SheetRows, req.body);
    const res = importStaffRows(dir, ctx.hall.state, b.rows, `admin:${admin.username}`, { dryRun: b.dryRun });
    if (!b.dryRun && res.ok) ctx.live.changed();
    return { status: res.ok ? 200 : 400, json: res };
  });
}
