// The admin console's appointment settings (预约号源): one slot plan per queue category. Guarded by
// the center's admin login; every change goes to the center's audit log.
import { z } from 'zod';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { Router } from '../../server/http/Router.ts';
import { requireAdmin } from '../../server/http/routes/authRoutes.ts';
import { fail } from '../access/MobileError.ts';
import { defaultSlotPlan, SlotPlanSchema, slotPlanIssues, type SlotPlanList } from '../appointments/SlotPlan.ts';
import type { MobileService } from '../MobileService.ts';
import { body, guarded } from './replies.ts';

export function adminSlotRoutes(r: Router, ctx: CenterContext, m: MobileService): void {
  r.get('/api/m/admin/slot-plans', guarded((req) => {
    requireAdmin(req);
    const plans = new Map(m.plans.all().map((p) => [p.categoryId, p]));
    const list: SlotPlanList = {
      v: 1,
      categories: [...ctx.hall.state.categories.values()].map((c) => ({ id: c.id, name: c.name, plan: plans.get(c.id) ?? null, suggested: defaultSlotPlan(c.id) })),
    };
    return { json: list };
  }));

  r.post('/api/m/admin/slot-plans', guarded((req) => {
    const admin = requireAdmin(req);
    // Every reason at once, with where it is: the console marks the fields and says why.
    const parsed = SlotPlanSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad-request', params: {}, issues: slotPlanIssues(parsed.error.issues) } };
    const plan = parsed.data;
    if (!ctx.hall.state.categories.has(plan.categoryId)) fail('unknown-category');
    m.plans.put(plan, admin.username, m.now());
    // The actor as every other admin action writes it (`admin:<name>`), so the log reads one way.
    ctx.audit.record(`admin:${admin.username}`, 'mobile.slot-plan.put', plan.categoryId, plan);
    return { json: { v: 1, plan } };
  }));

  r.post('/api/m/admin/slot-plans/:categoryId/delete', guarded((req) => {
    const admin = requireAdmin(req);
    const categoryId = body(z.string().min(1), req.params.categoryId);
    m.plans.remove(categoryId);
    ctx.audit.record(`admin:${admin.username}`, 'mobile.slot-plan.delete', categoryId);
    return { json: { v: 1, ok: true } };
  }));
}
