// A staff member's 好差评 figures for the current hall-local month, for the window pad's idle screen:
// the month's closed days from the report archive, plus the ratings given since the last day closed
// (the hall keeps only today's evaluations in memory).
import type { Database } from 'better-sqlite3';
import { levelCounts } from '../reports/DayFigureRows.ts';
import { hallLocalTime, isSatisfied, upheldEvaluationIds, type HallState, type RatingCounted, type StaffRatingResponse } from '@hallkit/core';

export function staffMonthRating(s: HallState, staffId: string, at: Date, db?: Database): StaffRatingResponse {
  const tz = s.config.catalog.hall.timeZone;
  const month = hallLocalTime(at, tz).day.slice(0, 7);
  const closed = s.closedThrough;
  let rated = 0;
  let satisfied = 0;
  if (db && closed !== undefined && closed >= `${month}-01`) {
    const rows = db
      .prepare("SELECT counts FROM report_day_figures WHERE dim = 'staff' AND key = ? AND day BETWEEN ? AND ?")
      .all(staffId, `${month}-01`, closed) as { counts: Buffer | null }[];
    for (const r of rows)
      for (const [level, n] of levelCounts(r.counts)) {
        rated += n;
        if (isSatisfied(level)) satisfied += n;
      }
  }
  // 申诉成立 leaves the month as it leaves the reports: today's ratings at once, and a closed day's
  // rating upheld since the last close (the archive takes it out when today closes) from how it was counted.
  const upheld = upheldEvaluationIds(s);
  if (db && closed !== undefined) {
    const counted = db.prepare('SELECT rating FROM report_follow_ups WHERE case_id = ?').pluck();
    for (const c of s.followUps.values()) {
      if (c.staffId !== staffId || c.appeal?.state !== 'upheld' || !c.appeal.decidedAt || hallLocalTime(c.appeal.decidedAt, tz).day <= closed) continue;
      const json = counted.get(c.caseId) as string | null | undefined;
      const r = json ? (JSON.parse(json) as RatingCounted) : undefined;
      if (!r || r.staffId !== staffId || r.day > closed || r.day.slice(0, 7) !== month) continue;
      rated--;
      if (isSatisfied(r.level)) satisfied--;
    }
  }
  for (const e of s.evaluations.values()) {
    const day = hallLocalTime(e.at, tz).day;
    if (e.staffId !== staffId || day.slice(0, 7) !== month || (closed !== undefined && day <= closed) || upheld.has(e.evaluationId)) continue;
    rated++;
    if (isSatisfied(e.level)) satisfied++;
  }
  return { v: 1, ok: true, staffId, month, rated, satisfied };
}
