// 窗口排队信息: how long each queue is, for anyone (`/m/queue`, a 公众号 menu link, the phone home
// page). Counts and estimates only — no numbers of people, no names, nothing about a ticket.
import { effectiveWindows, estimateForNewTicket, hallLocalTime, isCategoryOpen, type HallState, type NameTranslations } from '@hallkit/core';

export interface PublicQueueView {
  v: 1;
  hall: { name: string };
  categories: {
    id: string;
    name: string;
    /** The hall file's 繁體/English names (the page shows them in its language). */
    i18n?: NameTranslations;
    prefix: string;
    zone: string | null;
    zoneI18n?: NameTranslations;
    waiting: number;
    /** For someone taking a ticket now; null while no window serves the category. */
    estimatedWaitMinutes: number | null;
    openWindows: number;
    /** The number called last in this category (what the boards show). */
    lastCalled: string | null;
    openNow: boolean;
  }[];
  /** The hall's event count (the page ignores older views). */
  revision: number;
  at: string;
}

export function publicQueueView(s: HallState, now: number): PublicQueueView {
  const local = hallLocalTime(now, s.config.catalog.hall.timeZone);
  return {
    v: 1,
    hall: { name: s.config.catalog.hall.name },
    categories: [...s.categories.values()].map((c) => {
      const est = estimateForNewTicket(s, c.id, 'normal');
      let openWindows = 0;
      for (const w of s.windows.values()) if (w.status === 'open' && w.config.categoryIds.includes(c.id)) openWindows += 1;
      const zone = s.config.catalog.zones.find((z) => z.id === c.zoneId);
      return {
        id: c.id,
        name: c.name,
        ...(c.i18n ? { i18n: c.i18n } : {}),
        prefix: c.prefix,
        zone: zone?.name ?? null,
        ...(zone?.i18n ? { zoneI18n: zone.i18n } : {}),
        waiting: s.lines.categoryCount(c.id),
        estimatedWaitMinutes: effectiveWindows(s, c.id) > 0 ? est.minutes : null,
        openWindows,
        lastCalled: s.lastCalledByCategory.get(c.id)?.number ?? null,
        openNow: isCategoryOpen(c, local, s.config.calendar),
      };
    }),
    revision: s.eventCount,
    at: new Date(now).toISOString(),
  };
}
