// Who waits for one window (the console's list with 按号呼叫) and the 过号 tickets it may still re-queue.
import { PRIORITY_CLASSES, lineOrder, type HallState, type Ticket, type WindowState } from '@hallkit/core';
import type { NoShowRow, WaitingRow } from './WindowViewSchema.ts';

export type { NoShowRow, WaitingRow } from './WindowViewSchema.ts';

/** Rows shown at most: staff call by number from the head of the line, never from position 300. */
export const WAITING_ROWS = 40;

/** Everyone this window could call, in the order its rule sees them: class first, then place in line. */
export function waitingFor(s: HallState, w: WindowState): { rows: WaitingRow[]; total: number } {
  const id = w.config.id;
  const rows: Ticket[] = [];
  let total = 0;
  for (const c of PRIORITY_CLASSES) {
    const lines = [s.lines.windowLine(id, c), ...w.config.categoryIds.map((cat) => s.lines.categoryLine(cat, c))];
    for (const l of lines) total += l.length;
    // Merge the heads only: the list is capped, so no line needs more than WAITING_ROWS looked at.
    const merged = lines.flatMap((l) => l.slice(0, WAITING_ROWS)).sort(lineOrder);
    rows.push(...merged.slice(0, WAITING_ROWS - rows.length));
    if (rows.length >= WAITING_ROWS) break;
  }
  return {
    total,
    rows: rows.map((t): WaitingRow => {
      const item = t.itemId ? s.items.get(t.itemId) : undefined;
      return {
      ticketId: t.id,
      number: t.number,
      categoryId: t.categoryId,
      categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
      itemName: item?.name ?? null,
      ...(item?.i18n ? { itemI18n: item.i18n } : {}),
      priority: t.priority,
      sentHere: t.targetWindowId === id,
      queuedAt: t.queuedAt,
      unprinted: t.unprinted ?? null,
      };
    }),
  };
}

/** 过号 tickets this window marked today, newest first, with the time a late re-queue is still allowed. */
export function noShowsAt(s: HallState, windowId: string, now: string, day: string): NoShowRow[] {
  const rule = s.config.noShow.lateArrival;
  const out: NoShowRow[] = [];
  for (const t of s.tickets.values()) {
    if (t.status !== 'no-show' || t.windowId !== windowId || t.day !== day || t.noShowAt === undefined) continue;
    const until = rule.allowed ? new Date(Date.parse(t.noShowAt) + rule.withinMinutes * 60_000).toISOString() : null;
    // Past the allowed minutes the ticket cannot come back: no need to keep offering it.
    if (until !== null && until < now) continue;
    out.push({ ticketId: t.id, number: t.number, noShowAt: t.noShowAt, requeueUntil: until });
  }
  return out.sort((a, b) => (a.noShowAt < b.noShowAt ? 1 : -1)).slice(0, 10);
}
