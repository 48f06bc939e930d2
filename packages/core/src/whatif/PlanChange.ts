import { z } from 'zod';
import type { HallConfig, ServiceWindow } from '../hall/HallConfig.ts';
import type { Shift } from '../simulation/Arrival.ts';

/**
 * A director's "what if": move windows from one zone to another from a time of day on ("five
 * windows from A to E after 10:00"), or open more windows for a category or zone. Times are minutes
 * after the hall's local midnight. Versioned, since it crosses HTTP.
 */
export const PlanChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), count: z.number().int().min(1).max(200), fromZoneId: z.string(), toZoneId: z.string(), fromMinute: z.number().int().min(0).max(1440) }),
  z.object({
    kind: z.literal('add'),
    count: z.number().int().min(1).max(200),
    categoryId: z.string().optional(),
    zoneId: z.string().optional(),
    fromMinute: z.number().int().min(0).max(1440),
    toMinute: z.number().int().min(0).max(1440),
  }),
]);
export type PlanChange = z.infer<typeof PlanChangeSchema>;
export const WhatIfRequestSchema = z.object({ v: z.literal(1), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), changes: z.array(PlanChangeSchema).max(20) });
export type WhatIfRequest = z.infer<typeof WhatIfRequestSchema>;

/**
 * What a plan change could not carry, as a code with its figures: the console says it in the
 * director's language (zh-CN, zh-TW, en), never by matching English words.
 */
export type PlanProblem =
  /** Fewer windows of the zone were staffed at that time than the change asked to move (those were moved). */
  | { code: 'too-few-staffed'; zoneId: string; staffed: number; asked: number }
  /** The target zone has no windows, so nothing says which categories moved windows would serve. */
  | { code: 'zone-without-windows'; zoneId: string }
  /** An added window named neither a category nor a zone with windows. */
  | { code: 'add-without-target' };
export type PlanProblemCode = PlanProblem['code'];

/** Applies plan changes to a day's windows and shifts; `midnight` is the hall-local midnight (epoch ms). */
export function applyPlanChanges(config: HallConfig, shifts: Shift[], changes: PlanChange[], midnight: number): { config: HallConfig; shifts: Shift[]; problems: PlanProblem[] } {
  const windows: ServiceWindow[] = [...config.windows];
  let out = shifts.map((s) => ({ ...s }));
  const problems: PlanProblem[] = [];
  let n = 0;
  const categoriesOfZone = (zoneId: string) => [...new Set(config.windows.filter((w) => w.zoneId === zoneId).flatMap((w) => w.categoryIds))];
  const extra = (zoneId: string, categoryIds: string[]): ServiceWindow => {
    n++;
    const w: ServiceWindow = { id: `whatif-${n}`, number: 9000 + n, zoneId, categoryIds, rule: { mode: 'strict' } };
    windows.push(w);
    return w;
  };
  for (const c of changes) {
    if (c.kind === 'move') {
      const at = midnight + c.fromMinute * 60_000;
      const cats = categoriesOfZone(c.toZoneId);
      if (cats.length === 0) problems.push({ code: 'zone-without-windows', zoneId: c.toZoneId });
      const movable = out.filter((s) => windows.find((w) => w.id === s.windowId)?.zoneId === c.fromZoneId && s.from <= at && s.to > at);
      if (movable.length < c.count) problems.push({ code: 'too-few-staffed', zoneId: c.fromZoneId, staffed: movable.length, asked: c.count });
      for (const s of movable.slice(0, c.count)) {
        const w = extra(c.toZoneId, cats);
        out.push({ windowId: w.id, staff: s.staff, from: at, to: s.to });
        s.to = at;
      }
    } else {
      const cats = c.categoryId ? [c.categoryId] : c.zoneId ? categoriesOfZone(c.zoneId) : [];
      if (cats.length === 0) problems.push({ code: 'add-without-target' });
      const zoneId = c.zoneId ?? config.windows.find((w) => w.categoryIds.includes(cats[0] ?? ''))?.zoneId ?? '';
      for (let i = 0; i < c.count && cats.length > 0; i++) {
        const w = extra(zoneId, cats);
        out.push({ windowId: w.id, staff: { id: `whatif-${w.number}`, name: `新增窗口${i + 1}` }, from: midnight + c.fromMinute * 60_000, to: midnight + c.toMinute * 60_000 });
      }
    }
  }
  out = out.filter((s) => s.to > s.from);
  return { config: { ...config, windows }, shifts: out, problems };
}
