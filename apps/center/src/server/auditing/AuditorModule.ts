// 好差评 auditor (督查): a read-only view of the hall's ratings, bad-review follow-ups, the audit log
// and the device events the center refused (a forged or late rating shows there). Auditors read; every
// change stays with admins (the follow-up steps, staff, 调流). Reports are read through /api/admin/reports,
// which lets auditors in too (ReportsModule).
import type { CenterModule } from '../CenterModule.ts';
import type { CenterContext } from '../CenterContext.ts';
import { requireRole } from '../auth/RequestAccess.ts';
import { adminView, type AdminView } from '../views/adminView.ts';

export type AuditorView = Pick<AdminView, 'v' | 'hall' | 'evaluations' | 'followUps' | 'audit' | 'rejected'>;

export function auditorView(ctx: CenterContext): AuditorView {
  const { v, hall, evaluations, followUps, audit, rejected } = adminView(ctx);
  return { v, hall, evaluations, followUps, audit, rejected };
}

export function auditorModule(): CenterModule {
  return {
    name: 'auditor',
    routes(r, ctx) {
      r.get('/api/audit/view', (req) => {
        requireRole(req, ['auditor']);
        return { json: auditorView(ctx) };
      });
      r.get('/api/audit/live', (req) => {
        requireRole(req, ['auditor']);
        ctx.live.open(req.res, () => auditorView(ctx));
        return undefined;
      });
    },
  };
}
