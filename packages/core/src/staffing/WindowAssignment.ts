import { z } from 'zod';
import { CallingRuleSchema, type CallingRule } from '../calling/CallingRule.ts';
import { refuse } from '../DomainError.ts';
import type { EventOf } from '../events/HallEvent.ts';
import type { HallState, WindowState } from '../hall/HallState.ts';
import { hallLocalTime } from '../time/hallDay.ts';

/**
 * 调流: what a window serves and how it calls, changed by a supervisor for the rest of the hall-day.
 * The hall definition stays as it is; the assignment lies on top of it until the day ends, so
 * tomorrow the window serves what the hall file says again.
 */
export const WindowAssignmentSchema = z.object({
  categoryIds: z.array(z.string()).min(1),
  rule: CallingRuleSchema,
});
export type WindowAssignment = z.infer<typeof WindowAssignmentSchema>;

export interface ActiveAssignment extends WindowAssignment {
  /** The hall-day it holds for and the first moment (ms) of the next one, when it lapses. */
  day: string;
  untilMs: number;
  by: string;
}

/** The categories a window calls from now: today's assignment, else the hall definition's. */
export function servedCategories(w: WindowState): readonly string[] {
  return w.assignment?.categoryIds ?? w.config.categoryIds;
}

/** The calling rule a window follows now. */
export function callingRule(w: WindowState): CallingRule {
  return w.assignment?.rule ?? w.config.rule;
}

/** The first millisecond of the hall-day after `at`'s (halls in China have no daylight saving). */
export function nextHallDayStart(at: string, timeZone: string): number {
  const local = hallLocalTime(at, timeZone);
  const minuteStart = Math.floor(Date.parse(at) / 60_000) * 60_000;
  return minuteStart + (1440 - local.minuteOfDay) * 60_000;
}

/** Decides a 调流 of one window: every category must exist; the rule must be a valid one. */
export function decideAssignWindow(
  s: HallState,
  windowId: string,
  a: WindowAssignment,
  at: string,
  by: string,
): EventOf<'WindowAssigned'> {
  if (!s.windows.has(windowId)) refuse('unknown-window', `no window ${windowId}`);
  const parsed = WindowAssignmentSchema.safeParse(a);
  if (!parsed.success) refuse('invalid-argument', parsed.error.issues.map((i) => i.message).join('; '));
  const categoryIds = [...new Set(parsed.data.categoryIds)];
  for (const c of categoryIds) if (!s.categories.has(c)) refuse('unknown-category', `no category ${c}`);
  const tz = s.config.catalog.hall.timeZone;
  return {
    type: 'WindowAssigned',
    v: 1,
    at,
    windowId,
    categoryIds,
    rule: parsed.data.rule,
    day: hallLocalTime(at, tz).day,
    untilMs: nextHallDayStart(at, tz),
    by,
  };
}

/** Called by applyEvent before each event: a new hall-day drops yesterday's assignments. */
export function lapseAssignments(s: HallState, at: string): void {
  if (s.assignedWindows.size === 0) return;
  const atMs = Date.parse(at);
  for (const id of [...s.assignedWindows]) {
    const w = s.windows.get(id);
    if (w?.assignment && atMs >= w.assignment.untilMs) {
      w.assignment = undefined;
      w.round = { priority: 0, normal: 0 };
      s.assignedWindows.delete(id);
    }
  }
}
