import type { HallDefinition } from '../HallConfig.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';
import { checkHallSettings } from './checkHallSettings.ts';

/**
 * What the zod schema cannot see: names that must be unique, references that must resolve, a
 * calendar that contradicts itself. Pure; the editor, the importer and the center all ask it.
 */
export function checkHallDefinition(def: HallDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const zones = uniqueIds(def.catalog.zones, ['catalog', 'zones'], '功能区编码', out);
  const categories = uniqueIds(def.catalog.categories, ['catalog', 'categories'], '业务类别', out);
  uniqueIds(def.catalog.items, ['catalog', 'items'], '事项编码', out);
  uniqueIds(def.windows, ['windows'], '窗口', out);

  const prefixes = new Map<string, number>();
  def.catalog.categories.forEach((c, i) => {
    const at = ['catalog', 'categories', i];
    const first = prefixes.get(c.prefix);
    if (first !== undefined)
      out.push(problem([...at, 'prefix'], `前缀 ${c.prefix} 重复（与第 ${first + 1} 个业务类别相同）`));
    else prefixes.set(c.prefix, i);
    if (!zones.has(c.zoneId)) out.push(problem([...at, 'zoneId'], `功能区编码 ${c.zoneId} 不存在`));
    c.openingHours.forEach((r, j) => {
      const periods = [...r.periods].sort((a, b) => a.from - b.from);
      for (let k = 1; k < periods.length; k++) {
        if ((periods[k]?.from ?? 0) < (periods[k - 1]?.to ?? 0))
          out.push(problem([...at, 'openingHours', j, 'periods'], '办理时间段相互重叠'));
      }
    });
  });
  def.catalog.items.forEach((it, i) => {
    if (!categories.has(it.categoryId))
      out.push(problem(['catalog', 'items', i, 'categoryId'], `业务类别 ${it.categoryId} 不存在`));
  });

  const numbers = new Map<number, number>();
  const served = new Set<string>();
  def.windows.forEach((w, i) => {
    const first = numbers.get(w.number);
    if (first !== undefined) out.push(problem(['windows', i, 'number'], `窗口号 ${w.number} 重复`));
    else numbers.set(w.number, i);
    if (!zones.has(w.zoneId)) out.push(problem(['windows', i, 'zoneId'], `功能区编码 ${w.zoneId} 不存在`));
    const seen = new Set<string>();
    for (const c of w.categoryIds) {
      if (!categories.has(c)) out.push(problem(['windows', i, 'categoryIds'], `业务类别 ${c} 不存在`));
      if (seen.has(c)) out.push(problem(['windows', i, 'categoryIds'], `业务类别 ${c} 重复`));
      seen.add(c);
      served.add(c);
    }
  });
  def.catalog.categories.forEach((c, i) => {
    if (!served.has(c.id))
      out.push(problem(['catalog', 'categories', i], `没有窗口办理「${c.name}」，取到的号无人叫`, 'warning'));
  });

  checkCalendar(def, out);
  out.push(...checkHallSettings(def));
  return out;
}

function uniqueIds(
  list: readonly { id: string }[],
  at: (string | number)[],
  what: string,
  out: DefinitionProblem[],
): Set<string> {
  const ids = new Set<string>();
  list.forEach((x, i) => {
    if (x.id.trim() === '') out.push(problem([...at, i, 'id'], `${what}不能为空`));
    else if (ids.has(x.id)) out.push(problem([...at, i, 'id'], `${what} ${x.id} 重复`));
    ids.add(x.id);
  });
  return ids;
}

function checkCalendar(def: HallDefinition, out: DefinitionProblem[]): void {
  const holidays = new Set<string>();
  def.calendar.holidays.forEach((d, i) => {
    if (!isRealDay(d)) out.push(problem(['calendar', 'holidays', i], `${d} 不是有效日期`));
    else if (holidays.has(d)) out.push(problem(['calendar', 'holidays', i], `${d} 重复`));
    holidays.add(d);
  });
  const working = new Set<string>();
  def.calendar.workingWeekends.forEach((d, i) => {
    const at = ['calendar', 'workingWeekends', i];
    if (!isRealDay(d)) return out.push(problem(at, `${d} 不是有效日期`));
    if (holidays.has(d)) out.push(problem(at, `${d} 既是节假日又是调休上班日`));
    else if (working.has(d)) out.push(problem(at, `${d} 重复`));
    else {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) out.push(problem(at, `${d} 不是周末，本来就是工作日`, 'warning'));
    }
    working.add(d);
  });
}

function isRealDay(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}
