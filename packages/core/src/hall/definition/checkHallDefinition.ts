import type { HallDefinition } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';
import { checkHallSettings } from './checkHallSettings.ts';
import { checkTranslations } from './checkTranslations.ts';
import { checkItems } from './checkItems.ts';
import type { Kind } from './definitionText.ts';

/**
 * What the zod schema cannot see: names that must be unique, references that must resolve, a
 * calendar that contradicts itself. Pure; the editor, the importer and the center all ask it.
 */
export function checkHallDefinition(def: HallDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const zones = uniqueIds(def.catalog.zones, ['catalog', 'zones'], 'zone', out);
  const categories = uniqueIds(def.catalog.categories, ['catalog', 'categories'], 'category', out);
  uniqueIds(def.catalog.items, ['catalog', 'items'], 'item', out);
  uniqueIds(def.windows, ['windows'], 'window', out);

  const prefixes = new Map<string, number>();
  def.catalog.categories.forEach((c, i) => {
    const at = ['catalog', 'categories', i];
    const first = prefixes.get(c.prefix);
    if (first !== undefined)
      out.push(problem([...at, 'prefix'], 'prefixDuplicate', { prefix: c.prefix, first: first + 1 }));
    else prefixes.set(c.prefix, i);
    if (!zones.has(c.zoneId)) out.push(problem([...at, 'zoneId'], 'zoneUnknown', { zoneId: c.zoneId }));
    c.openingHours.forEach((r, j) => {
      const periods = [...r.periods].sort((a, b) => a.from - b.from);
      for (let k = 1; k < periods.length; k++) {
        if ((periods[k]?.from ?? 0) < (periods[k - 1]?.to ?? 0))
          out.push(problem([...at, 'openingHours', j, 'periods'], 'periodsOverlap'));
      }
    });
  });
  def.catalog.items.forEach((it, i) => {
    if (!categories.has(it.categoryId))
      out.push(problem(['catalog', 'items', i, 'categoryId'], 'categoryUnknown', { categoryId: it.categoryId }));
  });

  const numbers = new Map<number, number>();
  const served = new Set<string>();
  def.windows.forEach((w, i) => {
    const first = numbers.get(w.number);
    if (first !== undefined) out.push(problem(['windows', i, 'number'], 'windowNumberDuplicate', { number: w.number }));
    else numbers.set(w.number, i);
    if (!zones.has(w.zoneId)) out.push(problem(['windows', i, 'zoneId'], 'zoneUnknown', { zoneId: w.zoneId }));
    const seen = new Set<string>();
    for (const c of w.categoryIds) {
      if (!categories.has(c)) out.push(problem(['windows', i, 'categoryIds'], 'categoryUnknown', { categoryId: c }));
      if (seen.has(c)) out.push(problem(['windows', i, 'categoryIds'], 'categoryTwice', { categoryId: c }));
      seen.add(c);
      served.add(c);
    }
  });
  def.catalog.categories.forEach((c, i) => {
    if (!served.has(c.id))
      out.push(problem(['catalog', 'categories', i], 'categoryUnserved', { name: c.name, categoryId: c.id }, 'warning'));
  });

  checkCalendar(def, out);
  out.push(...checkHallSettings(def));
  out.push(...checkItems(def));
  out.push(...checkTranslations(def));
  return out;
}

function uniqueIds(
  list: readonly { id: string }[],
  at: (string | number)[],
  kind: Kind,
  out: DefinitionProblem[],
): Set<string> {
  const ids = new Set<string>();
  list.forEach((x, i) => {
    if (x.id.trim() === '') out.push(problem([...at, i, 'id'], 'idEmpty', { kind }));
    else if (ids.has(x.id)) out.push(problem([...at, i, 'id'], 'idDuplicate', { kind, id: x.id }));
    ids.add(x.id);
  });
  return ids;
}

function checkCalendar(def: HallDefinition, out: DefinitionProblem[]): void {
  const holidays = new Set<string>();
  def.calendar.holidays.forEach((d, i) => {
    if (!isRealDay(d)) out.push(problem(['calendar', 'holidays', i], 'dateInvalid', { date: d }));
    else if (holidays.has(d)) out.push(problem(['calendar', 'holidays', i], 'dateDuplicate', { date: d }));
    holidays.add(d);
  });
  const working = new Set<string>();
  def.calendar.workingWeekends.forEach((d, i) => {
    const at = ['calendar', 'workingWeekends', i];
    if (!isRealDay(d)) return out.push(problem(at, 'dateInvalid', { date: d }));
    if (holidays.has(d)) out.push(problem(at, 'dateHolidayAndWorking', { date: d }));
    else if (working.has(d)) out.push(problem(at, 'dateDuplicate', { date: d }));
    else {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) out.push(problem(at, 'workingDayNotWeekend', { date: d }, 'warning'));
    }
    working.add(d);
  });
}

function isRealDay(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}
