// 数据库备份 in the admin console: what was backed up when, and "back up now".
import type { CenterContext } from '../../CenterContext.ts';
import type { Router } from '../Router.ts';
import { requireAdmin } from './authRoutes.ts';

export function backupRoutes(r: Router, ctx: CenterContext): void {
  r.get('/api/admin/backups', (req) => {
    requireAdmin(req);
    return { json: ctx.backups.summary() };
  });

  r.post('/api/admin/backups', async (req) => {
    const admin = requireAdmin(req);
    const run = await ctx.backups.backupNow(`admin:${admin.username}`);
    // A failure is already in the audit (CenterBackups records it, with this admin as the reason).
    if (run.ok) ctx.audit.record(`admin:${admin.username}`, 'backup.made', run.file, { bytes: run.bytes, ms: run.ms });
    ctx.live.changed();
    // A failed copy (disk full, folder not writable) is the admin's to see, in their words.
    return run.ok ? { json: { ok: true, run } } : { status: 500, json: { ok: false, error: 'backup-failed', message: run.error, run } };
  });
}
