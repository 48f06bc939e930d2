// The 调流 hall map: every window grouped by zone, with who works there (and whether they are
// logged in), what it serves today and how it calls; the categories with their waiting counts;
// the staff who could be put on a window. A supervisor gets only their zones. Zone and category
// names carry the hall file's 繁體/English translations (`i18n`), shown with core's localName; a
// window its label (「绿色通道」, 「无差别受理」) with its translations, shown with core's localText.
import { callingRule, servedCategories, type CallingRule, type NameTranslations, type ServiceWindow } from '@hallkit/core';
import { labelOf } from './windowView.ts';
import type { CenterContext } from '../CenterContext.ts';
import type { Session } from '../auth/Accounts.ts';

export interface StaffingWindow {
  id: string;
  number: number;
  status: 'closed' | 'open' | 'paused';
  staff: { id: string; name: string } | null;
  /** The staff member is logged in at the window now (a live window session). */
  loggedIn: boolean;
  pauseReason: string | null;
  currentTicket: string | null;
  categoryIds: string[];
  rule: CallingRule;
  /** 调流 for today: by whom (the hall definition's plan otherwise). */
  assignedBy: string | null;
  plan: { categoryIds: string[]; rule: CallingRule };
  /** The hall definition's label of the window, absent when it has none. */
  label?: string;
  labelI18n?: ServiceWindow['labelI18n'];
}

export interface StaffingView {
  v: 1;
  zones: { id: string; name: string; i18n?: NameTranslations; location: string | null; locationI18n?: NameTranslations; windows: StaffingWindow[] }[];
  categories: { id: string; name: string; i18n?: NameTranslations; prefix: string; zoneId: string; waiting: number; openWindows: number }[];
  staff: { staffNo: string; name: string; role: string; windowId: string; windows: string; disabled: boolean }[];
}

export function staffingView(ctx: Pick<CenterContext, 'hall' | 'accounts' | 'staffing'>, session: Session): StaffingView {
  const s = ctx.hall.state;
  const mine = (zoneId: string) => session.kind === 'admin' || (session.kind === 'staff' && session.zones.includes(zoneId));
  const loggedIn = ctx.staffing.loggedIn();
  const byZone = new Map<string, StaffingWindow[]>();
  const openBy = new Map<string, number>();
  for (const w of s.windows.values()) {
    const cats = servedCategories(w);
    if (w.status === 'open') for (const c of cats) openBy.set(c, (openBy.get(c) ?? 0) + 1);
    if (!mine(w.config.zoneId)) continue;
    const list = byZone.get(w.config.zoneId) ?? [];
    byZone.set(w.config.zoneId, list);
    list.push({
      id: w.config.id,
      number: w.config.number,
      status: w.status,
      staff: w.staff ?? null,
      loggedIn: w.staff !== undefined && loggedIn.get(w.config.id) === w.staff.id,
      pauseReason: w.pauseReason ?? null,
      currentTicket: w.currentTicketId ? (s.tickets.get(w.currentTicketId)?.number ?? null) : null,
      categoryIds: [...cats],
      rule: callingRule(w),
      assignedBy: w.assignment?.by ?? null,
      plan: { categoryIds: w.config.categoryIds, rule: w.config.rule },
      ...labelOf(w.config),
    });
  }
  return {
    v: 1,
    zones: s.config.catalog.zones
      .filter((z) => byZone.has(z.id))
      .map((z) => ({ id: z.id, name: z.name, ...(z.i18n ? { i18n: z.i18n } : {}), location: z.location ?? null, ...(z.locationI18n ? { locationI18n: z.locationI18n } : {}), windows: (byZone.get(z.id) ?? []).sort((a, b) => a.number - b.number) })),
    categories: s.config.catalog.categories.map((c) => ({ id: c.id, name: c.name, ...(c.i18n ? { i18n: c.i18n } : {}), prefix: c.prefix, zoneId: c.zoneId, waiting: s.lines.categoryCount(c.id), openWindows: openBy.get(c.id) ?? 0 })),
    staff: ctx.accounts
      .allStaff()
      .filter((m) => m.role === 'staff' || m.role === 'supervisor')
      .map((m) => ({ staffNo: m.staffNo, name: m.name, role: m.role, windowId: m.windowId, windows: m.windows, disabled: m.disabled })),
  };
}
