// What is wrong in the hall right now, from its state alone (pure, so it is tested directly):
// - a category with people waiting and no open window serving it (they would wait forever);
// - a category whose longest wait is over its threshold;
// - a window open (or paused) with nobody logged in at it (the estimates count a window nobody works).
import { PRIORITY_CLASSES, servedCategories, type HallState } from '@hallkit/core';
import type { AlarmCondition } from './AlarmLog.ts';

export function hallAlarms(s: HallState, nowMs: number, thresholds: (categoryId: string) => number, loggedIn: ReadonlyMap<string, string>): AlarmCondition[] {
  const out: AlarmCondition[] = [];
  const served = new Set<string>();
  for (const w of s.windows.values()) if (w.status === 'open') for (const c of servedCategories(w)) served.add(c);
  for (const c of s.categories.values()) {
    const waiting = s.lines.categoryCount(c.id);
    if (waiting === 0) continue;
    if (!served.has(c.id)) out.push({ key: `stranded:${c.id}`, kind: 'stranded-category', zoneId: c.zoneId, categoryId: c.id, windowId: null, detail: { waiting } });
    let oldest = Infinity;
    for (const p of PRIORITY_CLASSES) {
      const head = s.lines.categoryLine(c.id, p)[0];
      if (head) oldest = Math.min(oldest, Date.parse(head.queuedAt));
    }
    const minutes = Math.floor((nowMs - oldest) / 60_000);
    const threshold = thresholds(c.id);
    if (minutes >= threshold) out.push({ key: `wait:${c.id}`, kind: 'long-wait', zoneId: c.zoneId, categoryId: c.id, windowId: null, detail: { waiting, threshold } });
  }
  for (const w of s.windows.values()) {
    if (w.status === 'closed' || !w.staff) continue;
    if (loggedIn.get(w.config.id) === w.staff.id) continue;
    out.push({ key: `unstaffed:${w.config.id}`, kind: 'unstaffed-window', zoneId: w.config.zoneId, categoryId: null, windowId: w.config.id, detail: { number: w.config.number, staffId: w.staff.id } });
  }
  return out;
}
