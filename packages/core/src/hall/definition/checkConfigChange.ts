import type { HallDefinition } from '../HallConfig.ts';
import type { HallState } from '../HallState.ts';
import { checkHallDefinition } from './checkHallDefinition.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';

/**
 * Whether `next` may replace the definition in force now. Besides being valid on its own, it must not
 * strand anyone: a category with a line keeps existing and keeps a window; a window with a citizen at
 * the counter or a ticket sent to it stays; a new prefix must not re-use a number already handed out.
 */
export function checkConfigChange(s: HallState, next: HallDefinition): DefinitionProblem[] {
  const out = checkHallDefinition(next);
  if (next.version <= s.config.version)
    out.push(problem(['version'], `版本 ${next.version} 不比当前版本 ${s.config.version} 新`));
  if (next.catalog.hall.id !== s.config.catalog.hall.id)
    out.push(problem(['catalog', 'hall', 'id'], `大厅编码不能改（当前 ${s.config.catalog.hall.id}）`));
  if (next.catalog.hall.timeZone !== s.config.catalog.hall.timeZone && s.tickets.size > 0)
    out.push(problem(['catalog', 'hall', 'timeZone'], '已有取号记录，不能在营业中更改时区'));

  const nextCats = new Map(next.catalog.categories.map((c, i) => [c.id, { c, i }]));
  const servedBy = new Map<string, number>();
  for (const w of next.windows) for (const c of w.categoryIds) servedBy.set(c, (servedBy.get(c) ?? 0) + 1);
  for (const cat of s.config.catalog.categories) {
    const waiting = s.lines.categoryCount(cat.id);
    if (waiting === 0) continue;
    const kept = nextCats.get(cat.id);
    if (!kept)
      out.push(problem(['catalog', 'categories'], `「${cat.name}」还有 ${waiting} 人在等候，不能删除`));
    else if (!servedBy.get(cat.id))
      out.push(
        problem(
          ['catalog', 'categories', kept.i],
          `「${cat.name}」还有 ${waiting} 人在等候，至少要有一个窗口办理`,
        ),
      );
  }

  const nextWindows = new Set(next.windows.map((w) => w.id));
  for (const w of s.windows.values()) {
    if (nextWindows.has(w.config.id)) continue;
    const n = w.config.number;
    if (w.currentTicketId !== undefined) out.push(problem(['windows'], `${n}号窗口正在办理业务，不能删除`));
    else if (s.lines.windowCount(w.config.id) > 0)
      out.push(problem(['windows'], `${n}号窗口还有转来的号在等候，不能删除`));
    else if (w.status !== 'closed') out.push(problem(['windows'], `${n}号窗口正在营业，请先关闭再删除`));
  }

  // Numbers are prefix + the category's daily sequence: a prefix moving to another category today
  // would hand out a number that already exists.
  const prefixOwner = new Map<string, string>();
  for (const t of s.tickets.values()) prefixOwner.set(t.number.replace(/\d+$/, ''), t.categoryId);
  next.catalog.categories.forEach((c, i) => {
    const owner = prefixOwner.get(c.prefix);
    if (owner !== undefined && owner !== c.id)
      out.push(
        problem(
          ['catalog', 'categories', i, 'prefix'],
          `前缀 ${c.prefix} 已被其他业务类别用于取号，请换一个`,
        ),
      );
  });
  return out;
}
