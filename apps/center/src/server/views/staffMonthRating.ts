// A staff member's 好差评 figures for the current hall-local month, for the window pad's idle screen:
// the month's closed days from the report archive, plus the ratings given since the last day closed
// (the hall keeps only today's evaluations in memory).
import type { Database } from 'better-sqlite3';
import { levelCounts } from '../reports/DayFigureRows.ts';
import { hallLocalTime, isSatisfied, type HallState, type StaffRatingResponse } from '@hallkit/core';

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
  for (const e of s.evaluations.values()) {
    const day = hallLocalTime(e.at, tz).day;
    if (e.staffId !== staffId || day.slice(0, 7) !== month || (closed !== undefined && day <= closed)) continue;
    rated++;
    if (isSatisfied(e.level)) satisfied++;
  }
  return { v: 1, ok: true, staffId, month, rated, satisfied };
}
