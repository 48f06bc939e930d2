// A ticket as the citizen sees it on the screen and on paper: names, zone and window hint from the
// hall definition in force, the priority in the citizen's language.
import type { Catalog } from '@hallkit/core';
import type { QueueTicketSlip } from '@hallkit/devices/printer/receipt/slips';
import type { IssuedTicket } from '../../contract.ts';
import type { Language } from '../slips.ts';
import type { LocalTicket } from './TicketCounter.ts';

const PRIORITY_LABEL: Record<'appointment' | 'green', Record<Language, string>> = {
  appointment: { 'zh-CN': '预约', 'zh-TW': '預約', en: 'Appointment' },
  green: { 'zh-CN': '绿色通道', 'zh-TW': '綠色通道', en: 'Green channel' },
};

export function ticketOnScreen(t: LocalTicket, cat: Catalog): IssuedTicket {
  const c = cat.categories.find((x) => x.id === t.categoryId);
  const zone = cat.zones.find((z) => z.id === c?.zoneId);
  return {
    ticketId: t.ticketId,
    number: t.number,
    categoryId: t.categoryId,
    categoryName: c?.name ?? t.categoryId,
    zoneName: zone?.name ?? '',
    ...(zone?.location ? { location: zone.location } : {}),
    peopleAhead: t.peopleAhead,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    followUrl: t.followUrl,
    issuedAt: t.issuedAt,
    offline: t.offline,
    priority: t.priority !== 'normal',
    ...(t.priority === 'green' ? { green: true } : {}),
  };
}

export function ticketSlip(t: LocalTicket, cat: Catalog, lang: Language): QueueTicketSlip {
  const c = cat.categories.find((x) => x.id === t.categoryId);
  const item = t.itemId ? cat.items.find((i) => i.id === t.itemId) : undefined;
  const zone = cat.zones.find((z) => z.id === c?.zoneId);
  return {
    hallName: cat.hall.name,
    ticketNumber: t.number,
    serviceName: item?.name ?? c?.name ?? t.categoryId,
    ...(zone ? { categoryName: zone.name } : {}),
    peopleAhead: t.peopleAhead,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    issuedAt: t.issuedAt,
    followUrl: t.followUrl,
    ...(t.priority === 'appointment' || t.priority === 'green' ? { priorityLabel: PRIORITY_LABEL[t.priority][lang] } : {}),
    ...(zone?.location ? { windowHint: zone.location } : {}),
  };
}
