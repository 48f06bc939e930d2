import type { HallCalendar } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';

/** From this month on the next year counts as coming: the State Council publishes it in Oct–Dec. */
const COMING_YEAR_FROM_MONTH = 10;

/**
 * Whether the calendar covers the year in force and the coming one. Not an error (a hall may open
 * before the arrangement is published), a warning the editor and `hall check` show: a year with no
 * day at all, or with only the statutory holidays and no 调休 working weekend (every year since 2000
 * has had some), is still to be entered. Dates are never guessed here. `today`: YYYY-MM-DD, the hall's.
 */
export function calendarCoverage(calendar: HallCalendar, today: string): DefinitionProblem[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const years = month >= COMING_YEAR_FROM_MONTH ? [year, year + 1] : [year];
  const holidayYears = new Set(calendar.holidays.map((d) => Number(d.slice(0, 4))));
  const workingYears = new Set(calendar.workingWeekends.map((d) => Number(d.slice(0, 4))));
  const out: DefinitionProblem[] = [];
  for (const y of years) {
    if (!holidayYears.has(y) && !workingYears.has(y))
      out.push(problem(['calendar'], 'calendarYearMissing', { year: y }, 'warning'));
  }
  for (const y of [...holidayYears].sort()) {
    if (y >= year && !workingYears.has(y))
      out.push(problem(['calendar'], 'calendarYearNoArrangement', { year: y }, 'warning'));
  }
  return out;
}
