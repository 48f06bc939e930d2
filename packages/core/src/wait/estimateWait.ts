import { PRIORITY_CLASSES } from '../calling/CallingRule.ts';
import type { HallState } from '../hall/HallState.ts';
import { lineOrder } from '../hall/WaitingLine.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import { servedCategories } from '../staffing/WindowAssignment.ts';

export interface WaitEstimate {
  peopleAhead: number;
  /** null while no open window serves the category: "暂无窗口办理" rather than a made-up number. */
  minutes: number | null;
}

/**
 * How many open windows effectively serve a category: a general window that serves k categories
 * with people waiting gives each of them 1/k of its time.
 */
export function effectiveWindows(s: HallState, categoryId: string): number {
  let servers = 0;
  for (const w of s.windows.values()) {
    const cats = servedCategories(w);
    if (w.status !== 'open' || !cats.includes(categoryId)) continue;
    let busy = 0;
    for (const c of cats) if (c === categoryId || s.lines.categoryCount(c) > 0) busy++;
    servers += 1 / Math.max(1, busy);
  }
  return servers;
}

export function minutesFor(s: HallState, categoryId: string, peopleAhead: number): number | null {
  const servers = effectiveWindows(s, categoryId);
  if (servers === 0) return null;
  const avg = s.handlingSeconds.get(categoryId) ?? 600;
  return Math.ceil((peopleAhead * avg) / servers / 60);
}

/** A newcomer's wait in this category at this priority: everyone waiting who goes first. */
export function estimateForNewTicket(
  s: HallState,
  categoryId: string,
  priority: Ticket['priority'],
): WaitEstimate {
  let ahead = 0;
  for (const c of PRIORITY_CLASSES) {
    ahead += s.lines.categoryLine(categoryId, c).length;
    if (c === priority) break;
  }
  return { peopleAhead: ahead, minutes: minutesFor(s, categoryId, ahead) };
}

/** A waiting ticket's wait: people of a higher class, and of its class who are ahead in line. */
export function estimateForTicket(s: HallState, t: Ticket): WaitEstimate | undefined {
  if (t.status !== 'waiting') return undefined;
  let ahead = 0;
  for (const c of PRIORITY_CLASSES) {
    const line =
      t.targetWindowId !== undefined
        ? s.lines.windowLine(t.targetWindowId, c)
        : s.lines.categoryLine(t.categoryId, c);
    if (c === t.priority) {
      for (const other of line) if (lineOrder(other, t) < 0) ahead++;
      break;
    }
    ahead += line.length;
  }
  return { peopleAhead: ahead, minutes: minutesFor(s, t.categoryId, ahead) };
}
