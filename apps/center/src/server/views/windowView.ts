// What the window console shows for one window: the counter, who waits for it, where to transfer.
import { hallDay, maskIdNumber, type HallState, type EvaluationPrompt, type NameTranslations } from '@hallkit/core';
import { pendingPrompt } from '../hall/windowMessage.ts';
import { noShowsAt, waitingFor, type NoShowRow, type WaitingRow } from './windowQueue.ts';

export interface WindowView {
  v: 1;
  window: { id: string; number: number; status: 'closed' | 'open' | 'paused'; staff: { id: string; name: string } | null; pauseReason: string | null; categoryIds: string[] };
  current: {
    ticketId: string;
    number: string;
    categoryId: string;
    categoryName: string;
    itemId: string | null;
    itemName: string | null;
    source: string;
    priority: string;
    recalls: number;
    recallsBeforeNoShow: number;
    issuedAt: string;
    calledAt: string | null;
    /** The kiosk could not print the slip (paper out, cover open…): the citizen may hold no paper. */
    unprinted: string | null;
  } | null;
  waitingHere: number;
  /** The head of who waits for this window (at most WAITING_ROWS), for 按号呼叫. */
  waiting: WaitingRow[];
  held: { ticketId: string; number: string }[];
  /** 过号 tickets of this window that may still be re-queued (late arrival). */
  noShows: NoShowRow[];
  lateArrival: { allowed: boolean; withinMinutes: number | null };
  evaluation: EvaluationPrompt | null;
  /** With the hall file's 繁體/English names (`i18n`): the console shows them by its language. */
  categories: { id: string; name: string; i18n?: NameTranslations; prefix: string; waiting: number; zoneId: string }[];
  /** The service items of the categories this window serves (and of the ticket at the counter). */
  items: { id: string; name: string; categoryId: string; department: string | null }[];
  zones: { id: string; name: string; i18n?: NameTranslations }[];
  /** Transfer targets: the other windows that are open or paused (closed ones are counted only). */
  windows: { id: string; number: number; status: string; zoneId: string; categoryNames: string[] }[];
  closedWindows: number;
  servedToday: number;
  eventCount: number;
}

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
  return {
    v: 1,
    window: { id: windowId, number: w.config.number, status: w.status, staff: w.staff ?? null, pauseReason: w.pauseReason ?? null, categoryIds: w.config.categoryIds },
    current: t
      ? {
          ticketId: t.id,
          number: t.number,
          categoryId: t.categoryId,
          categoryName: s.categories.get(t.categoryId)?.name ?? t.categoryId,
          itemId: itemId ?? null,
          itemName: itemId ? (s.items.get(itemId)?.name ?? null) : null,
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
    items: s.config.catalog.items.filter((i) => itemCats.has(i.categoryId)).map((i) => ({ id: i.id, name: i.name, categoryId: i.categoryId, department: i.department ?? null })),
    zones: s.config.catalog.zones.map((z) => ({ id: z.id, name: z.name, ...(z.i18n ? { i18n: z.i18n } : {}) })),
    windows: others
      .filter((x) => x.status !== 'closed')
      .map((x) => ({
        id: x.config.id,
        number: x.config.number,
        status: x.status,
        zoneId: x.config.zoneId,
        categoryNames: x.config.categoryIds.map((c) => s.categories.get(c)?.name ?? c),
      })),
    closedWindows: others.filter((x) => x.status === 'closed').length,
    servedToday: served,
    eventCount: s.eventCount,
  };
}

/** Never show a full ID number: the console only ever receives the masked one. */
export const maskForConsole = maskIdNumber;
