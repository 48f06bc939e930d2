// The slot plans, one row per category. A category without a row takes no appointments.
import type { Database } from 'better-sqlite3';
import { SlotPlanSchema, type SlotPlan } from './SlotPlan.ts';

export class SlotPlans {
  constructor(private readonly db: Database) {}

  get(categoryId: string): SlotPlan | undefined {
    const row = this.db.prepare('SELECT body FROM m_slot_plans WHERE category_id = ?').get(categoryId) as { body: string } | undefined;
    if (!row) return undefined;
    const parsed = SlotPlanSchema.safeParse(JSON.parse(row.body));
    return parsed.success ? parsed.data : undefined;
  }

  all(): SlotPlan[] {
    const rows = this.db.prepare('SELECT body FROM m_slot_plans ORDER BY category_id').all() as { body: string }[];
    return rows.flatMap((r) => {
      const parsed = SlotPlanSchema.safeParse(JSON.parse(r.body));
      return parsed.success ? [parsed.data] : [];
    });
  }

  put(plan: SlotPlan, by: string, at = Date.now()): void {
    const valid = SlotPlanSchema.parse(plan);
    this.db
      .prepare('INSERT OR REPLACE INTO m_slot_plans (category_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?)')
      .run(valid.categoryId, JSON.stringify(valid), at, by);
  }

  remove(categoryId: string): void {
    this.db.prepare('DELETE FROM m_slot_plans WHERE category_id = ?').run(categoryId);
  }
}
