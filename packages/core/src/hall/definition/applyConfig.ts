import type { HallDefinition } from '../HallConfig.ts';
import type { HallState } from '../HallState.ts';

/**
 * Put a new definition in force in a running hall. Tickets, lines and numbering stay as they are
 * (a waiting ticket keeps its place); windows keep their status and staff with their new settings;
 * new windows start closed. checkConfigChange has made sure nothing removed is still in use.
 */
export function applyConfig(s: HallState, next: HallDefinition): void {
  s.config = next;
  s.categories.clear();
  for (const c of next.catalog.categories) {
    s.categories.set(c.id, c);
    if (!s.handlingSeconds.has(c.id)) s.handlingSeconds.set(c.id, c.averageHandlingSeconds);
  }
  s.items.clear();
  for (const i of next.catalog.items) s.items.set(i.id, i);
  const keep = new Set(next.windows.map((w) => w.id));
  for (const id of [...s.windows.keys()]) if (!keep.has(id)) s.windows.delete(id);
  for (const w of next.windows) {
    const existing = s.windows.get(w.id);
    if (existing) existing.config = w;
    else
      s.windows.set(w.id, {
        config: w,
        status: 'closed',
        staff: undefined,
        pauseReason: undefined,
        currentTicketId: undefined,
        round: { priority: 0, normal: 0 },
      });
  }
}
