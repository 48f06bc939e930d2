// A staff member's 好差评 figures for the current hall-local month, for the window pad's idle screen.
import { hallLocalTime, isSatisfied, type HallState, type StaffRatingResponse } from '@hallkit/core';

export function staffMonthRating(s: HallState, staffId: string, at: Date): StaffRatingResponse {
  const tz = s.config.catalog.hall.timeZone;
  const month = hallLocalTime(at, tz).day.slice(0, 7);
  let rated = 0;
  let satisfied = 0;
  for (const e of s.evaluations.values()) {
    if (e.staffId !== staffId || hallLocalTime(e.at, tz).day.slice(0, 7) !== month) continue;
    rated++;
    if (isSatisfied(e.level)) satisfied++;
  }
  return { v: 1, ok: true, staffId, month, rated, satisfied };
}
