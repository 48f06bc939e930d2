// How a category takes appointments: which days, which slots, how many people per slot. Edited in
// the admin console (`/api/m/admin/slot-plans`), one plan per queue category.
import { z } from 'zod';
import { isWorkingDay, type WorkingCalendar } from '@hallkit/core';

export const SlotSchema = z
  .object({
    /** Local minutes since midnight. */
    from: z.number().int().min(0).max(1440),
    to: z.number().int().min(0).max(1440),
    capacity: z.number().int().min(0).max(1000),
  })
  // `params.rule` names the check for the admin console, which says it in the admin's language.
  .refine((s) => s.from < s.to, { message: 'a slot ends after it starts', params: { rule: 'slot-order' } });
export type Slot = z.infer<typeof SlotSchema>;

export const SlotPlanSchema = z
  .object({
    v: z.literal(1),
    categoryId: z.string().min(1),
    enabled: z.boolean(),
    /** 0 = Sunday … 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)),
    /** Skip the region's holidays and take the adjusted working weekends (调休) from the hall calendar. */
    workingDaysOnly: z.boolean().default(true),
    slots: z.array(SlotSchema).max(96),
    /** Days after today that can be booked; today itself counts when `sameDay`. */
    daysAhead: z.number().int().min(0).max(60),
    sameDay: z.boolean().default(true),
    /** Check-in window at the kiosk around the slot. */
    checkIn: z.object({ earlyMinutes: z.number().int().min(0).max(240), lateMinutes: z.number().int().min(0).max(240) }).default({ earlyMinutes: 30, lateMinutes: 15 }),
    /** Bookings one ID number may hold in this category on one day. */
    perIdPerDay: z.number().int().min(1).max(10).default(1),
  })
  .refine((p) => [...p.slots].sort((a, b) => a.from - b.from).every((s, i, all) => i === 0 || (all[i - 1]?.to ?? 0) <= s.from), {
    message: 'slots must not overlap',
    path: ['slots'],
    params: { rule: 'slots-overlap' },
  });
export type SlotPlan = z.infer<typeof SlotPlanSchema>;

/** One reason a slot plan was refused, for the admin console to say in the admin's language. */
export interface SlotPlanIssue {
  /** Where: `['slots', 2, 'to']`, `['slots']`, `['daysAhead']`, `['checkIn', 'lateMinutes']` … */
  path: (string | number)[];
  /** The check: `slots-overlap`, `slot-order`, or zod's issue code (`too_big`, `too_small`, `invalid_type` …). */
  rule: string;
  min?: number;
  max?: number;
  /** The schema's own words (English), for a rule the console does not know. */
  message: string;
}

/** GET /api/m/admin/slot-plans (adminSlotRoutes): every queue category, its plan if it has one, and a suggestion. */
export interface SlotPlanList {
  v: 1;
  categories: { id: string; name: string; plan: SlotPlan | null; suggested: SlotPlan }[];
}

/** The schema's findings as the console reads them: where, which check, the limit. */
export function slotPlanIssues(issues: z.core.$ZodIssue[]): SlotPlanIssue[] {
  return issues.map((i) => {
    const rule = i.code === 'custom' && typeof i.params?.rule === 'string' ? i.params.rule : i.code;
    return {
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      rule,
      ...(i.code === 'too_small' ? { min: Number(i.minimum) } : {}),
      ...(i.code === 'too_big' ? { max: Number(i.maximum) } : {}),
      message: i.message,
    };
  });
}

/** The days of a plan open for booking, seen from `today` (both `YYYY-MM-DD`, hall-local). */
export function bookableDays(plan: SlotPlan, today: string, calendar: WorkingCalendar): string[] {
  if (!plan.enabled) return [];
  const days: string[] = [];
  const start = Date.parse(`${today}T00:00:00Z`);
  for (let i = plan.sameDay ? 0 : 1; i <= plan.daysAhead; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (plan.workingDaysOnly ? isWorkingDay(day, calendar) : plan.weekdays.includes(weekday)) days.push(day);
  }
  return days;
}

/** Weekdays 9:00–11:30 and 14:00–17:00 in half hours, 4 people a slot, a week ahead. */
export function defaultSlotPlan(categoryId: string): SlotPlan {
  const slots: Slot[] = [];
  for (const [a, b] of [
    [9 * 60, 11 * 60 + 30],
    [14 * 60, 17 * 60],
  ] as const) {
    for (let m = a; m < b; m += 30) slots.push({ from: m, to: m + 30, capacity: 4 });
  }
  return { v: 1, categoryId, enabled: true, weekdays: [1, 2, 3, 4, 5], workingDaysOnly: true, slots, daysAhead: 7, sameDay: true, checkIn: { earlyMinutes: 30, lateMinutes: 15 }, perIdPerDay: 1 };
}
