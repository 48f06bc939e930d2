import { describe, expect, it } from 'vitest';
import { applyPlanChanges, dayArrivals, generateDay, Hall, simulateDay, type HallEvent } from '../src/index.ts';
import { smallHall } from './fixtures.ts';

const DAY = '2026-11-23';
const MIDNIGHT = Date.parse(`${DAY}T00:00:00+08:00`);

/** Wait (s) of each ticket, keyed by the arrival's original ticket or the ticket itself. */
function waits(h: Hall, keyOf: (ticketId: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of h.state.tickets.values()) {
    const first = t.services[0]?.calledAt ?? t.calledAt;
    if (first) out.set(keyOf(t.id), (Date.parse(first) - Date.parse(t.issuedAt)) / 1000);
  }
  return out;
}
const mean = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / m.size;

function pastDay() {
  const config = smallHall();
  const hall = new Hall(config);
  const log: HallEvent[] = [];
  hall.onEvent((e) => log.push(e));
  const { arrivals, shifts } = generateDay(config, DAY, { tickets: 160, seed: 7 });
  simulateDay(hall, arrivals, shifts);
  return { config, hall, log };
}

describe('what-if replay of a past day', () => {
  it('the what-if of an unchanged plan equals what happened, ticket by ticket', () => {
    const day = pastDay();
    const { arrivals, shifts } = dayArrivals(day.log);
    expect(arrivals).toHaveLength(160);
    const again = new Hall(day.config);
    const ticketOf = simulateDay(again, arrivals, shifts, { withoutRatings: true });
    const original = waits(day.hall, (id) => id);
    const byNew = new Map(ticketOf.map((id, i) => [id, arrivals[i]?.originalTicketId ?? '']));
    const replayed = waits(again, (id) => byNew.get(id) ?? id);
    expect(mean(original)).toBeGreaterThan(60); // the day had queues worth changing
    expect(replayed).toEqual(original);
  });

  it('opening two more windows for a busy category shortens its waits; moving windows away lengthens them', () => {
    const day = pastDay();
    const { arrivals, shifts } = dayArrivals(day.log);
    const run = (changes: Parameters<typeof applyPlanChanges>[2]) => {
      const plan = applyPlanChanges(day.config, shifts, changes, MIDNIGHT);
      expect(plan.problems).toEqual([]);
      const h = new Hall(plan.config);
      simulateDay(h, arrivals, plan.shifts, { withoutRatings: true });
      return mean(waits(h, (id) => id));
    };
    const base = run([]);
    const more = run([{ kind: 'add', count: 2, zoneId: 'zhzw', fromMinute: 8 * 60, toMinute: 18 * 60 }]);
    const moved = run([{ kind: 'move', count: 1, fromZoneId: 'zhzw', toZoneId: 'sw', fromMinute: 10 * 60 }]);
    expect(more).toBeLessThan(base);
    expect(moved).toBeGreaterThan(base);
  });

  it('says what a plan cannot carry as codes with their figures, never as words', () => {
    const day = pastDay();
    const { shifts } = dayArrivals(day.log);
    const plan = applyPlanChanges(
      { ...day.config, catalog: { ...day.config.catalog, zones: [...day.config.catalog.zones, { id: 'empty', name: '空区' }] } },
      shifts,
      [
        { kind: 'move', count: 40, fromZoneId: 'zhzw', toZoneId: 'sw', fromMinute: 10 * 60 },
        { kind: 'move', count: 1, fromZoneId: 'zhzw', toZoneId: 'empty', fromMinute: 11 * 60 },
        { kind: 'add', count: 1, fromMinute: 9 * 60, toMinute: 10 * 60 },
      ],
      MIDNIGHT,
    );
    const staffed = shifts.filter((s) => day.config.windows.find((w) => w.id === s.windowId)?.zoneId === 'zhzw' && s.from <= MIDNIGHT + 600 * 60_000 && s.to > MIDNIGHT + 600 * 60_000).length;
    expect(staffed).toBeGreaterThan(0);
    expect(plan.problems).toEqual([
      { code: 'too-few-staffed', zoneId: 'zhzw', staffed, asked: 40 },
      { code: 'zone-without-windows', zoneId: 'empty' },
      // the first change moved every staffed window of the zone
      { code: 'too-few-staffed', zoneId: 'zhzw', staffed: 0, asked: 1 },
      { code: 'add-without-target' },
    ]);
  });
});
