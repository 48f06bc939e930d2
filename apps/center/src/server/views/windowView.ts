// What the window console shows for one window: the counter, who waits for it, where to transfer.
import { maskIdNumber, type HallState, type EvaluationPrompt } from '@hallkit/core';
import { pendingPrompt } from '../hall/windowMessage.ts';

export interface WindowView {
  v: 1;
  window: { id: string; number: number; status: 'closed' | 'open' | 'paused'; staff: { id: string; name: string } | null; pauseReason: string | null; categoryIds: string[] };
  current: {
    ticketId: string;
    number: string;
    categoryName: string;
    itemName: string | null;
    source: string;
    priority: string;
    recalls: number;
    recallsBeforeNoShow: number;
    issuedAt: string;
    calledAt: string | null;
  } | null;
  waitingHere: number;
  held: { ticketId: string; number: string }[];
  evaluation: EvaluationPrompt | null;
  categories: { id: string; name: string; prefix: string; waiting: number }[];
  windows: { id: string; number: number; status: string }[];
  servedToday: number;
  eventCount: number;
}

export function windowView(s: HallState, windowId: string, lastFinished: string | undefined): WindowView | undefined {
  const w = s.windows.get(windowId);
  if (!w) return undefined;
  const t = w.currentTicketId ? s.tickets.get(w.currentTicketId) : undefined;
  const itemId = t?.itemId;
  const held = [...s.tickets.values()].filter((x) => x.status === 'held' && x.targetWindowId === windowId).map((x) => ({ ticketId: x.id, number: x.number }));
  let served = 0;
  for (const x of s.tickets.values()) for (const svc of x.services) if (svc.windowId === windowId) served++;
  return {
    v: 1,
    window: { id: windowId, number: w.config.number, status: w.status, staff: w.staff ?? null, pauseReason: w.pauseReason ?? null, categoryIds: w.config.categoryIds },
    current: t
      ? {
          ticketId: t.id,
          number: t.number,
          categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
          itemName: itemId ? (s.items.get(itemId)?.name ?? null) : null,
          source: t.source,
          priority: t.priority,
          recalls: t.recalls,
          recallsBeforeNoShow: s.config.noShow.recallsBeforeNoShow,
          issuedAt: t.issuedAt,
          calledAt: t.calledAt ?? null,
        }
      : null,
    waitingHere: w.config.categoryIds.reduce((n, c) => n + s.lines.categoryCount(c), s.lines.windowCount(windowId)),
    held,
    evaluation: pendingPrompt(s, windowId, lastFinished),
    categories: s.config.catalog.categories.map((c) => ({ id: c.id, name: c.name, prefix: c.prefix, waiting: s.lines.categoryCount(c.id) })),
    windows: [...s.windows.values()].filter((x) => x.config.id !== windowId).map((x) => ({ id: x.config.id, number: x.config.number, status: x.status })),
    servedToday: served,
    eventCount: s.eventCount,
  };
}

/** Never show a full ID number: the console only ever receives the masked one. */
export const maskForConsole = maskIdNumber;
