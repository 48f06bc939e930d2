// What the window console shows for one window: the counter, who waits for it, where to transfer.
import { hallDay, maskIdNumber, type HallState, type ServiceWindow } from '@hallkit/core';
import { pendingPrompt } from '../hall/windowMessage.ts';
import { noShowsAt, waitingFor } from './windowQueue.ts';
import { WINDOW_VIEW_VERSION, type WindowView } from './WindowViewSchema.ts';

export type { WindowView } from './WindowViewSchema.ts';

export function windowView(s: HallState, windowId: string, lastFinished: string | undefined, now: string): WindowView | undefined {
  const w = s.windows.get(windowId);
  if (!w) return undefined;
  const t = w.currentTicketId ? s.tickets.get(w.currentTicketId) : undefined;
  const itemId = t?.itemId;
  const held = [...s.tickets.values()].filter((x) => x.status === 'held' && x.targetWindowId === windowId).map((x) => ({ ticketId: x.id, number: x.number }));
  let served = 0;
  for (const x of s.tickets.values()) for (const svc of x.services) if (svc.windowId === windowId) served++;
  const waiting = waitingFor(s, w);
  const itemCats = new Set([...w.config.categoryIds, ...(t ? [t.categoryId] : [])]);
  const late = s.config.noShow.lateArrival;
  const others = [...s.windows.values()].filter((x) => x.config.id !== windowId);
  const item = itemId ? s.items.get(itemId) : undefined;
  return {
    v: WINDOW_VIEW_VERSION,
    window: { id: windowId, number: w.config.number, status: w.status, staff: w.staff ?? null, pauseReason: w.pauseReason ?? null, categoryIds: w.config.categoryIds, ...labelOf(w.config) },
    current: t
      ? {
          ticketId: t.id,
          number: t.number,
          categoryId: t.categoryId,
          categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
          itemId: itemId ?? null,
          itemName: item?.name ?? null,
          ...(item?.i18n ? { itemI18n: item.i18n } : {}),
          source: t.source,
          priority: t.priority,
          recalls: t.recalls,
          recallsBeforeNoShow: s.config.noShow.recallsBeforeNoShow,
          issuedAt: t.issuedAt,
          calledAt: t.calledAt ?? null,
          unprinted: t.unprinted ?? null,
        }
      : null,
    waitingHere: waiting.total,
    waiting: waiting.rows,
    held,
    noShows: noShowsAt(s, windowId, now, hallDay(now, s.config.catalog.hall.timeZone)),
    lateArrival: { allowed: late.allowed, withinMinutes: late.allowed ? late.withinMinutes : null },
    evaluation: pendingPrompt(s, windowId, lastFinished),
    categories: s.config.catalog.categories.map((c) => ({ id: c.id, name: c.name, ...(c.i18n ? { i18n: c.i18n } : {}), prefix: c.prefix, waiting: s.lines.categoryCount(c.id), zoneId: c.zoneId })),
    items: s.config.catalog.items.filter((i) => itemCats.has(i.categoryId)).map((i) => ({ id: i.id, name: i.name, ...(i.i18n ? { i18n: i.i18n } : {}), categoryId: i.categoryId, department: i.department ?? null, ...(i.departmentI18n ? { departmentI18n: i.departmentI18n } : {}) })),
    zones: s.config.catalog.zones.map((z) => ({ id: z.id, name: z.name, ...(z.i18n ? { i18n: z.i18n } : {}) })),
    windows: others
      .filter((x) => x.status !== 'closed')
      .map((x) => ({
        id: x.config.id,
        number: x.config.number,
        status: x.status,
        zoneId: x.config.zoneId,
        categoryIds: x.config.categoryIds,
        ...labelOf(x.config),
      })),
    closedWindows: others.filter((x) => x.status === 'closed').length,
    servedToday: served,
    eventCount: s.eventCount,
  };
}

/** Never show a full ID number: the console only ever receives the masked one. */
export const maskForConsole = maskIdNumber;

/** A window's label and its translations, only where the hall definition gives one. */
export function labelOf(c: ServiceWindow): { label?: string; labelI18n?: ServiceWindow['labelI18n'] } {
  return { ...(c.label ? { label: c.label } : {}), ...(c.labelI18n ? { labelI18n: c.labelI18n } : {}) };
}
