// What one window's pad and strip show, derived from the hall state (see WindowMessageSchema in core).
import { type HallState, type WindowMessage, type EvaluationPrompt } from '@hallkit/core';

/** The service that waits for this window's rating: the last one finished here, while still pending. */
export function pendingPrompt(s: HallState, windowId: string, lastFinished: string | undefined): EvaluationPrompt | null {
  if (!lastFinished) return null;
  const r = s.ratings.get(lastFinished);
  if (!r || r.state !== 'pending') return null;
  const t = s.tickets.get(r.ticketId);
  const svc = t?.services.find((x) => x.serviceId === lastFinished);
  if (!t || !svc || svc.windowId !== windowId) return null;
  const itemId = svc.itemId ?? t.itemId ?? null;
  const item = itemId ? s.items.get(itemId) : undefined;
  const category = s.categories.get(svc.categoryId);
  return {
    serviceId: svc.serviceId,
    ticketId: t.id,
    number: t.number,
    itemId,
    itemName: item?.name ?? null,
    categoryName: category?.name ?? svc.categoryId,
    ...(item?.i18n ? { itemNameI18n: item.i18n } : {}),
    ...(category?.i18n ? { categoryNameI18n: category.i18n } : {}),
    windowId: svc.windowId,
    staffId: svc.staffId,
    staffName: staffName(s, svc.windowId, svc.staffId),
    finishedAt: svc.finishedAt,
    deadline: new Date(Date.parse(svc.finishedAt) + s.config.evaluation.ratingSeconds * 1000).toISOString(),
  };
}

export function windowMessage(s: HallState, windowId: string, lastFinished: string | undefined): WindowMessage | undefined {
  const w = s.windows.get(windowId);
  if (!w) return undefined;
  const cur = w.currentTicketId ? s.tickets.get(w.currentTicketId) : undefined;
  return {
    v: 1,
    windowId,
    windowNumber: w.config.number,
    status: w.status,
    staff: w.staff ? { id: w.staff.id, name: w.staff.name } : null,
    currentTicket: cur ? { ticketId: cur.id, number: cur.number } : null,
    evaluation: pendingPrompt(s, windowId, lastFinished),
    eventCount: s.eventCount,
  };
}

/** The state keeps staff by window; the name of who served is the window's staff if it is still them. */
function staffName(s: HallState, windowId: string, staffId: string): string {
  const w = s.windows.get(windowId);
  return w?.staff?.id === staffId ? w.staff.name : staffId;
}
