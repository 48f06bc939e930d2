import type { HallDefinition } from '../HallConfig.ts';
import type { HallState } from '../HallState.ts';
import { checkHallDefinition } from './checkHallDefinition.ts';
import { problem, type DefinitionProblem } from './DefinitionProblem.ts';
import type { WaitingMove } from '../../configChange/WaitingMove.ts';

/**
 * Whether `next` may replace the definition in force now. Besides being valid on its own, it must not
 * strand anyone: a category with a line keeps existing and keeps a window; a window with a citizen at
 * the counter or a ticket sent to it stays; a new prefix must not re-use a number already handed out.
 */
export function checkConfigChange(
  s: HallState,
  next: HallDefinition,
  moves: readonly WaitingMove[] = [],
): DefinitionProblem[] {
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
  // Waiting per category once the admin's moves are done (a move empties a line into another).
  const waitingAfter = new Map<string, number>();
  for (const cat of s.config.catalog.categories) waitingAfter.set(cat.id, s.lines.categoryCount(cat.id));
  moves.forEach((m, i) => {
    const at = ['moves', i];
    const from = s.categories.get(m.fromCategoryId);
    const to = nextCats.get(m.toCategoryId);
    if (!from) return out.push(problem([...at, 'fromCategoryId'], `业务类别 ${m.fromCategoryId} 不存在`));
    if (!to) return out.push(problem([...at, 'toCategoryId'], `转入的业务类别 ${m.toCategoryId} 在新版本中不存在`));
    if (m.toCategoryId === m.fromCategoryId)
      return out.push(problem([...at, 'toCategoryId'], '不能转到同一个业务类别'));
    for (const id of m.ticketIds) {
      const t = s.tickets.get(id);
      if (!t || t.status !== 'waiting' || t.categoryId !== m.fromCategoryId || t.targetWindowId !== undefined)
        return out.push(problem([...at, 'ticketIds'], `${t?.number ?? id} 已不在「${from.name}」等候，请重新操作`));
    }
    waitingAfter.set(m.fromCategoryId, (waitingAfter.get(m.fromCategoryId) ?? 0) - m.ticketIds.length);
    waitingAfter.set(m.toCategoryId, (waitingAfter.get(m.toCategoryId) ?? 0) + m.ticketIds.length);
  });
  for (const [id, waiting] of waitingAfter) {
    if (waiting <= 0) continue;
    const name = s.categories.get(id)?.name ?? nextCats.get(id)?.c.name ?? id;
    const kept = nextCats.get(id);
    const stranded = { categoryId: id, waiting };
    if (!kept)
      out.push({ ...problem(['catalog', 'categories'], `「${name}」还有 ${waiting} 人在等候，不能删除`), stranded });
    else if (!servedBy.get(id))
      out.push({
        ...problem(['catalog', 'categories', kept.i], `「${name}」还有 ${waiting} 人在等候，至少要有一个窗口办理`),
        stranded,
      });
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
  for (const t of s.tickets.values())
    prefixOwner.set(t.number.replace(/\d+$/, ''), t.issuedCategoryId ?? t.categoryId);
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
