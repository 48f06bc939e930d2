// The hall as the kiosk's screen shows it: names (with their translations), zones, and each
// category's live queue and whether it is open at the hall's time of day.
import { departmentTranslations, hallLocalTime, isCategoryOpen, type Catalog, type HallSnapshot, type WorkingCalendar } from '@hallkit/core';
import type { KioskState } from '../contract.ts';

export type HallOnScreen = Pick<KioskState, 'hallName' | 'hallNameI18n' | 'timeZone' | 'zones' | 'categories' | 'items' | 'departmentsI18n'>;

export function hallOnScreen(cat: Catalog, snapshot: HallSnapshot | undefined, calendar: WorkingCalendar, now: Date): HallOnScreen {
  const local = hallLocalTime(now, cat.hall.timeZone);
  const live = new Map((snapshot?.categories ?? []).map((c) => [c.id, c]));
  return {
    hallName: cat.hall.name,
    ...(cat.hall.i18n ? { hallNameI18n: cat.hall.i18n } : {}),
    timeZone: cat.hall.timeZone,
    zones: cat.zones.map((z) => ({ id: z.id, name: z.name, ...(z.location ? { location: z.location } : {}), ...(z.i18n ? { i18n: z.i18n } : {}), ...(z.locationI18n ? { locationI18n: z.locationI18n } : {}) })),
    categories: cat.categories.map((c) => ({
      id: c.id,
      zoneId: c.zoneId,
      name: c.name,
      prefix: c.prefix,
      waiting: live.get(c.id)?.waiting ?? null,
      estimatedWaitMinutes: live.get(c.id)?.estimatedWaitMinutes ?? null,
      open: isCategoryOpen(c, local, calendar),
      ...(c.i18n ? { i18n: c.i18n } : {}),
    })),
    items: cat.items.map((i) => ({ id: i.id, name: i.name, categoryId: i.categoryId, ...(i.i18n ? { i18n: i.i18n } : {}) })),
    departmentsI18n: departmentTranslations(cat.items),
  };
}
