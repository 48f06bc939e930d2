// The demo's past: a fresh demo center gets the last two weeks generated (core generateDay) and run
// through the real Hall (simulateDay), each day closed as at midnight — so the 报表 tab, the Excel
// export and the printed monthly report show figures from the first minute. Only on an empty log.
import { generateDay, hallDay, simulateDay, type Staff } from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import { dayBefore } from '../history/DayCloser.ts';

export function seedDemoHistory(hall: HallService, now: Date, staffByWindow: Map<string, Staff>, days = 14): number {
  // Not a count: on a demo center kept running for months that would read every ticket at each start.
  if (hall.log.hasAny(['TicketIssued', 'HallDayClosed'])) return 0;
  const tz = hall.config.catalog.hall.timeZone;
  const pastDays: string[] = [];
  for (let d = dayBefore(hallDay(now, tz)); pastDays.length < days; d = dayBefore(d)) pastDays.unshift(d);
  // A few windows for a few hundred citizens: the demo's days have queues worth reporting on.
  const windows = hall.config.windows.filter((w, i) => i < 6 || staffByWindow.has(w.id));
  const config = { ...hall.config, windows };
  pastDays.forEach((day, i) => {
    const { arrivals, shifts } = generateDay(config, day, { tickets: 260 + ((i * 37) % 90), seed: 17_000 + i });
    for (const s of shifts) s.staff = staffByWindow.get(s.windowId) ?? s.staff;
    hall.run('demo-history', (h) => simulateDay(h, arrivals, shifts));
    const midnight = new Date(Date.parse(`${day}T16:00:05Z`)).toISOString();
    // Most 差评 get their 回访 the same day; about one in four stays open past its deadline (and can be
    // appealed — 申诉 — from the 差评跟进 tab). By a hash of the id: the ids are all the same length.
    const evening = new Date(Date.parse(`${day}T10:30:00Z`)).toISOString();
    const hash = (id: string) => [...id].reduce((a, ch) => a + ch.charCodeAt(0), 0);
    for (const c of [...hall.state.followUps.values()].filter((c) => c.state === 'open' && hash(c.caseId) % 4 !== 0))
      hall.run('demo-history', (h) => h.advanceFollowUp(c.caseId, 'closed', 'admin', evening, '已电话回访，说明情况并整改'));
    hall.run('center', (h) => h.closeDay(day, midnight));
  });
  return pastDays.length;
}
