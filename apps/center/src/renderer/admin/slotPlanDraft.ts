// 预约号源 editing: a slot plan as the form holds it (text the admin types), the plan it sends, and
// the same checks the server's SlotPlanSchema makes — so a mistake is marked where it is while
// typing. The server stays the judge: what it refuses comes back as SlotPlanIssue[] and is said
// with the same words (issueText).
import type { SlotPlan, SlotPlanIssue } from '../api/types.ts';

export interface SlotDraft {
  /** Stable React key while rows are added and removed. */
  key: number;
  from: string;
  to: string;
  capacity: string;
}

export interface PlanDraft {
  categoryId: string;
  enabled: boolean;
  weekdays: number[];
  workingDaysOnly: boolean;
  slots: SlotDraft[];
  daysAhead: string;
  sameDay: boolean;
  earlyMinutes: string;
  lateMinutes: string;
  perIdPerDay: string;
}

/** A client-side finding: a SlotPlanIssue, plus the other row of an overlap (the server does not say). */
export type DraftIssue = SlotPlanIssue & { other?: number };

/** The server's limits (SlotPlanSchema), said in the messages. */
export const LIMITS = {
  slots: 96,
  capacity: [0, 1000],
  daysAhead: [0, 60],
  earlyMinutes: [0, 240],
  lateMinutes: [0, 240],
  perIdPerDay: [1, 10],
} as const;

let nextKey = 1;

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `9:30`, `09:30`, `0930`, `09：30` → minutes since midnight (up to 24:00); NaN otherwise. */
export function parseTime(text: string): number {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  const [h, min] = [Number(m[1]), Number(m[2])];
  const total = h * 60 + min;
  return min < 60 && total <= 1440 ? total : NaN;
}

const num = (text: string) => (text.trim() === '' ? NaN : Number(text.trim()));

export function draftOf(plan: SlotPlan): PlanDraft {
  return {
    categoryId: plan.categoryId,
    enabled: plan.enabled,
    weekdays: [...plan.weekdays],
    workingDaysOnly: plan.workingDaysOnly,
    slots: plan.slots.map((s) => ({ key: nextKey++, from: hhmm(s.from), to: hhmm(s.to), capacity: String(s.capacity) })),
    daysAhead: String(plan.daysAhead),
    sameDay: plan.sameDay,
    earlyMinutes: String(plan.checkIn.earlyMinutes),
    lateMinutes: String(plan.checkIn.lateMinutes),
    perIdPerDay: String(plan.perIdPerDay),
  };
}

/** A new row after the last one: same length and capacity, starting where the last ends. */
export function nextSlot(slots: SlotDraft[]): SlotDraft {
  const last = slots.at(-1);
  const [from, to] = last ? [parseTime(last.from), parseTime(last.to)] : [NaN, NaN];
  const length = to > from ? to - from : 30;
  const start = Number.isFinite(to) ? Math.min(to, 1440 - length) : 9 * 60;
  return { key: nextKey++, from: hhmm(start), to: hhmm(Math.min(1440, start + length)), capacity: last?.capacity ?? '4' };
}

/**
 * The rows in time order (the order the phone page shows them), when every start can be read. Done
 * before sending, so the server's "slot 2" is the form's second row.
 */
export function inTimeOrder(d: PlanDraft): PlanDraft {
  if (!d.slots.every((s) => Number.isFinite(parseTime(s.from)))) return d;
  return { ...d, slots: [...d.slots].sort((a, b) => parseTime(a.from) - parseTime(b.from)) };
}

/** What is sent. Unreadable numbers go as they are (NaN → null in JSON) and the server names them. */
export function planOf(d: PlanDraft): SlotPlan {
  const slots = d.slots.map((s) => ({ from: parseTime(s.from), to: parseTime(s.to), capacity: num(s.capacity) }));
  return {
    v: 1,
    categoryId: d.categoryId,
    enabled: d.enabled,
    weekdays: [...d.weekdays].sort((a, b) => a - b),
    workingDaysOnly: d.workingDaysOnly,
    slots,
    daysAhead: num(d.daysAhead),
    sameDay: d.sameDay,
    checkIn: { earlyMinutes: num(d.earlyMinutes), lateMinutes: num(d.lateMinutes) },
    perIdPerDay: num(d.perIdPerDay),
  };
}

/** The server's checks, on the form as typed; `path` points at the row or field (as the server's does). */
export function checkDraft(d: PlanDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const range = (path: DraftIssue['path'], text: string, [min, max]: readonly [number, number]) => {
    const v = num(text);
    if (!Number.isInteger(v) || v < min || v > max) issues.push({ path, rule: 'range', min, max, message: `${min}–${max}` });
  };
  if (d.slots.length > LIMITS.slots) issues.push({ path: ['slots'], rule: 'too_big', max: LIMITS.slots, message: `at most ${LIMITS.slots}` });
  const times = d.slots.map((s, i) => {
    const [from, to] = [parseTime(s.from), parseTime(s.to)];
    if (Number.isNaN(from)) issues.push({ path: ['slots', i, 'from'], rule: 'time-format', message: 'HH:MM' });
    if (Number.isNaN(to)) issues.push({ path: ['slots', i, 'to'], rule: 'time-format', message: 'HH:MM' });
    range(['slots', i, 'capacity'], s.capacity, LIMITS.capacity);
    if (from >= to) issues.push({ path: ['slots', i], rule: 'slot-order', message: 'a slot ends after it starts' });
    return { from, to };
  });
  // Every overlapping pair, so each row involved is marked (the server only says "they overlap").
  times.forEach((a, i) =>
    times.forEach((b, j) => {
      if (j <= i || !(a.from < a.to && b.from < b.to)) return;
      if (a.from < b.to && b.from < a.to) issues.push({ path: ['slots', j], rule: 'slots-overlap', other: i, message: 'slots must not overlap' });
    }),
  );
  range(['daysAhead'], d.daysAhead, LIMITS.daysAhead);
  range(['checkIn', 'earlyMinutes'], d.earlyMinutes, LIMITS.earlyMinutes);
  range(['checkIn', 'lateMinutes'], d.lateMinutes, LIMITS.lateMinutes);
  range(['perIdPerDay'], d.perIdPerDay, LIMITS.perIdPerDay);
  return issues;
}

/** Whether an issue is about this field (`['daysAhead']`) or slot row (`['slots', 2]`, any of its cells). */
export function concerns(issue: DraftIssue, path: DraftIssue['path']): boolean {
  return path.every((p, i) => issue.path[i] === p) || (issue.rule === 'slots-overlap' && path[0] === 'slots' && issue.other === path[1] && path.length === 2);
}

type T = (key: string, o?: Record<string, unknown>) => string;

const FIELDS: Record<string, string> = {
  daysAhead: 'slots.daysAhead',
  'checkIn.earlyMinutes': 'slots.early',
  'checkIn.lateMinutes': 'slots.late',
  perIdPerDay: 'slots.perIdPerDay',
  weekdays: 'slots.weekdays',
  categoryId: 'slots.category',
  enabled: 'slots.enabled',
  sameDay: 'slots.sameDay',
  workingDaysOnly: 'slots.workingDaysOnly',
};
const RANGES: Record<string, readonly [number, number]> = {
  capacity: LIMITS.capacity,
  daysAhead: LIMITS.daysAhead,
  earlyMinutes: LIMITS.earlyMinutes,
  lateMinutes: LIMITS.lateMinutes,
  perIdPerDay: LIMITS.perIdPerDay,
};

/** Where, in words: 「第 2 个时段 · 结束」, 「提前可约天数」. */
export function issueField(issue: DraftIssue, t: T): string {
  const [head, index, cell] = issue.path;
  if (head === 'slots' && typeof index === 'number') {
    const row = t('slots.slotN', { n: index + 1 });
    return typeof cell === 'string' ? `${row} · ${t(`slots.${cell}`)}` : row;
  }
  if (head === 'slots') return t('slots.slotsLegend');
  const key = FIELDS[issue.path.join('.')];
  return key ? t(key) : issue.path.join('.');
}

/** Why, in words; a rule the console does not know is shown with the server's own message. */
export function issueReason(issue: DraftIssue, t: T): string {
  const last = issue.path.at(-1);
  const limits = typeof last === 'string' ? RANGES[last] : undefined;
  switch (issue.rule) {
    case 'slots-overlap':
      return issue.other === undefined ? t('slots.issue.overlap') : t('slots.issue.overlapWith', { n: issue.other + 1 });
    case 'slot-order':
      return t('slots.issue.order');
    case 'time-format':
      return t('slots.issue.time');
    case 'too_big':
      if (issue.path.length === 1 && issue.path[0] === 'slots') return t('slots.issue.tooMany', { max: issue.max });
      return limits ? t('slots.issue.range', { min: limits[0], max: limits[1] }) : issue.message;
    case 'range':
    case 'too_small':
    case 'invalid_type':
      if (limits) return t('slots.issue.range', { min: limits[0], max: limits[1] });
      return issue.rule === 'invalid_type' && typeof last === 'string' && ['from', 'to'].includes(last) ? t('slots.issue.time') : issue.message;
    default:
      return issue.message;
  }
}

export function issueText(issue: DraftIssue, t: T): string {
  return `${issueField(issue, t)}：${issueReason(issue, t)}`;
}
