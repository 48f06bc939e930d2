/**
 * Working-day arithmetic for follow-up deadlines. Regions differ (adjusted working weekends 调休,
 * public holidays), so the calendar is data: weekends off unless listed as extra working days.
 */
export interface WorkingCalendar {
  /** `YYYY-MM-DD` days off that would otherwise be working days (法定节假日). */
  holidays: readonly string[];
  /** `YYYY-MM-DD` weekend days that are working days (调休上班). */
  workingWeekends: readonly string[];
}

export const plainCalendar: WorkingCalendar = { holidays: [], workingWeekends: [] };

export function isWorkingDay(day: string, cal: WorkingCalendar): boolean {
  if (cal.holidays.includes(day)) return false;
  if (cal.workingWeekends.includes(day)) return true;
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The day that is `n` working days after `day` (the start day itself is not counted). */
export function addWorkingDays(day: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorkingDay(d.toISOString().slice(0, 10), cal)) left--;
  }
  return d.toISOString().slice(0, 10);
}
