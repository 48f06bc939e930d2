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
    out.push(problem(['version'], 'versionNotNewer', { version: next.version, current: s.config.version }));
  if (next.catalog.hall.id !== s.config.catalog.hall.id)
    out.push(problem(['catalog', 'hall', 'id'], 'hallIdFixed', { current: s.config.catalog.hall.id }));
  if (next.catalog.hall.timeZone !== s.config.catalog.hall.timeZone && s.tickets.size > 0)
    out.push(problem(['catalog', 'hall', 'timeZone'], 'timeZoneLocked'));

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
    if (!from) return out.push(problem([...at, 'fromCategoryId'], 'moveFromUnknown', { categoryId: m.fromCategoryId }));
    if (!to) return out.push(problem([...at, 'toCategoryId'], 'moveToUnknown', { categoryId: m.toCategoryId }));
    if (m.toCategoryId === m.fromCategoryId)
      return out.push(problem([...at, 'toCategoryId'], 'moveToSame'));
    for (const id of m.ticketIds) {
      const t = s.tickets.get(id);
      if (!t || t.status !== 'waiting' || t.categoryId !== m.fromCategoryId || t.targetWindowId !== undefined)
        return out.push(problem([...at, 'ticketIds'], 'moveTicketGone', { number: t?.number ?? id, name: from.name, categoryId: from.id }));
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
      out.push({ ...problem(['catalog', 'categories'], 'strandedRemoved', { name, waiting, categoryId: id }), stranded });
    else if (!servedBy.get(id))
      out.push({
        ...problem(['catalog', 'categories', kept.i], 'strandedNoWindow', { name, waiting, categoryId: id }),
        stranded,
      });
  }

  const nextWindows = new Set(next.windows.map((w) => w.id));
  for (const w of s.windows.values()) {
    if (nextWindows.has(w.config.id)) continue;
    const n = w.config.number;
    if (w.currentTicketId !== undefined) out.push(problem(['windows'], 'windowBusy', { number: n }));
    else if (s.lines.windowCount(w.config.id) > 0)
      out.push(problem(['windows'], 'windowHasTransfers', { number: n }));
    else if (w.status !== 'closed') out.push(problem(['windows'], 'windowOpen', { number: n }));
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
        problem(['catalog', 'categories', i, 'prefix'], 'prefixUsedToday', { prefix: c.prefix }),
      );
  });
  return out;
}
