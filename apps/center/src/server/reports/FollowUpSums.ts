// 差评 follow-up figures of closed days, counted by SQLite: each stored case carries the hall-days it
// was opened and closed on (opened_day, closed_day; history migration 4), so a year's cases — about
// 200,000 in a Qingdao-sized hall — are one GROUP BY instead of rows read and dated one by one.
import type { Database } from 'better-sqlite3';
import { hallDay, type FollowUpFact, type ReportDimension } from '@hallkit/core';

export interface FollowUpFigures {
  opened: number;
  byState: Record<'open' | 'contacted' | 'rectified' | 'closed', number>;
  closedOnTime: number;
  closedLate: number;
  /** Not closed and past the deadline today. */
  openOverdue: number;
}

export const emptyFollowUps = (): FollowUpFigures => ({ opened: 0, byState: { open: 0, contacted: 0, rectified: 0, closed: 0 }, closedOnTime: 0, closedLate: 0, openOverdue: 0 });

export function addFollowUps(a: FollowUpFigures, b: FollowUpFigures): FollowUpFigures {
  a.opened += b.opened;
  for (const s of ['open', 'contacted', 'rectified', 'closed'] as const) a.byState[s] += b.byState[s];
  a.closedOnTime += b.closedOnTime;
  a.closedLate += b.closedLate;
  a.openOverdue += b.openOverdue;
  return a;
}

/** The same figures counted case by case (today's cases, which are not stored yet). */
export function followUpFigures(cases: FollowUpFact[], today: string, tz: string): FollowUpFigures {
  const out = emptyFollowUps();
  // A 差评 voided by an upheld 申诉 leaves the follow-up figures as it leaves the 差评 count.
  const counted = cases.filter((c) => c.appeal !== 'upheld');
  out.opened = counted.length;
  for (const c of counted) {
    out.byState[c.state ?? 'open']++;
    if (c.closedAt && c.deadline) {
      if (hallDay(c.closedAt, tz) <= c.deadline) out.closedOnTime++;
      else out.closedLate++;
    } else if (c.state !== 'closed' && c.deadline && today > c.deadline) out.openOverdue++;
  }
  return out;
}

/** The case's value of a dimension ('' for the hall, or when the case does not know it). */
export const followUpKey = (dim: ReportDimension, f: FollowUpFact): string =>
  ({ hall: '', zone: f.zoneId, category: f.categoryId, window: f.windowId, staff: f.staffId, item: f.itemId })[dim] ?? '';

const KEY_SQL: Record<ReportDimension, string> = {
  hall: "''",
  zone: "coalesce(zone_id, '')",
  category: "coalesce(category_id, '')",
  window: "coalesce(window_id, '')",
  staff: "coalesce(staff_id, '')",
  item: "coalesce(item_id, '')",
};

// Mirrors followUpFigures (a case voided by an upheld 申诉 is not counted): a case closed with a deadline counts on time or late by its closing
// hall-day; any other case not closed counts overdue once today is past its deadline.
const CLOSED_WITH_DEADLINE = "(coalesce(closed_at, '') <> '' AND coalesce(deadline, '') <> '')";
const FIGURES_SQL = `count(*),
  sum(coalesce(state, 'open') = 'open'), sum(state = 'contacted'), sum(state = 'rectified'), sum(state = 'closed'),
  sum(${CLOSED_WITH_DEADLINE} AND closed_day <= deadline), sum(${CLOSED_WITH_DEADLINE} AND closed_day > deadline),
  sum(NOT ${CLOSED_WITH_DEADLINE} AND coalesce(state, 'open') <> 'closed' AND coalesce(deadline, '') <> '' AND @today > deadline)`;

type CaseRow = Record<'case_id' | 'opened_at' | 'deadline' | 'window_id' | 'staff_id' | 'zone_id' | 'category_id' | 'item_id' | 'state' | 'contacted_at' | 'rectified_at' | 'closed_at' | 'note' | 'appeal', string | null>;

export class FollowUpSums {
  constructor(private readonly db: Database) {}

  /** Dates the cases stored before their hall-days were kept (once after migration 4; then a no-op). */
  fillDays(tz: string): number {
    const rows = this.db.prepare('SELECT case_id, opened_at, closed_at FROM report_follow_ups WHERE opened_day IS NULL AND opened_at IS NOT NULL').all() as { case_id: string; opened_at: string; closed_at: string | null }[];
    const set = this.db.prepare('UPDATE report_follow_ups SET opened_day = ?, closed_day = ? WHERE case_id = ?');
    this.db.transaction(() => {
      for (const r of rows) set.run(hallDay(r.opened_at, tz), r.closed_at ? hallDay(r.closed_at, tz) : null, r.case_id);
    })();
    return rows.length;
  }

  /** Per key of `dim`, the stored cases opened from `from` to `to` (hall-days), leaving out `except`. */
  figures(dim: ReportDimension, from: string, to: string, today: string, except: string[]): Map<string, FollowUpFigures> {
    const rows = this.db
      .prepare(
        `SELECT ${KEY_SQL[dim]} AS k, ${FIGURES_SQL} FROM report_follow_ups
         WHERE opened_day BETWEEN @from AND @to AND coalesce(appeal, '') <> 'upheld'
           AND case_id NOT IN (SELECT value FROM json_each(@except)) GROUP BY k`,
      )
      .raw()
      .all({ from, to, today, except: JSON.stringify(except) }) as [string, ...number[]][];
    const out = new Map<string, FollowUpFigures>();
    for (const [k, opened, open, contacted, rectified, closed, onTime, late, overdue] of rows) {
      out.set(k, { opened: opened ?? 0, byState: { open: open ?? 0, contacted: contacted ?? 0, rectified: rectified ?? 0, closed: closed ?? 0 }, closedOnTime: onTime ?? 0, closedLate: late ?? 0, openOverdue: overdue ?? 0 });
    }
    return out;
  }

  /** The stored cases among `ids` opened from `from` to `to`, as facts (to merge with today's news of them). */
  cases(ids: string[], from: string, to: string): FollowUpFact[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare('SELECT * FROM report_follow_ups WHERE case_id IN (SELECT value FROM json_each(?)) AND opened_day BETWEEN ? AND ?')
      .all(JSON.stringify(ids), from, to) as CaseRow[];
    return rows.map((r) => {
      const f: FollowUpFact = { caseId: r.case_id ?? '' };
      if (r.opened_at) f.openedAt = r.opened_at;
      if (r.deadline) f.deadline = r.deadline;
      if (r.window_id) f.windowId = r.window_id;
      if (r.staff_id) f.staffId = r.staff_id;
      if (r.zone_id) f.zoneId = r.zone_id;
      if (r.category_id) f.categoryId = r.category_id;
      if (r.item_id) f.itemId = r.item_id;
      if (r.state) f.state = r.state as NonNullable<FollowUpFact['state']>;
      if (r.contacted_at) f.contactedAt = r.contacted_at;
      if (r.rectified_at) f.rectifiedAt = r.rectified_at;
      if (r.closed_at) f.closedAt = r.closed_at;
      if (r.appeal) f.appeal = r.appeal as NonNullable<FollowUpFact['appeal']>;
      return f;
    });
  }
}
