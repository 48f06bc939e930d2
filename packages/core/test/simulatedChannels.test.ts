// A simulated day rates through the channels a real hall sees: most at the window's pad, and some
// citizens who left the pad untouched rate later by phone (补充评价), the window's QR or the kiosk —
// so the demo's history and reports show every channel, and the core accepts each such rating.
import { describe, expect, it } from 'vitest';
import { dayFacts, generateDay, Hall, simulateDay, type HallEvent } from '../src/index.ts';
import { smallHall } from './fixtures.ts';

const DAY = '2026-11-23';

describe('a simulated day rates through every channel', () => {
  it('pad ratings, pad lapses, and later ratings by phone, QR and kiosk after a lapse', () => {
    const config = smallHall();
    const hall = new Hall(config);
    const log: HallEvent[] = [];
    hall.onEvent((e) => log.push(e));
    const { arrivals } = generateDay(config, DAY, { tickets: 600, seed: 11 });
    const later = arrivals.filter((a) => a.laterRating);
    // Only arrivals that leave the pad untouched rate later.
    expect(later.every((a) => a.rating === 'lapse')).toBe(true);
    expect(later.length).toBeGreaterThan(10);
    simulateDay(hall, arrivals, generateDay(config, DAY, { tickets: 600, seed: 11 }).shifts);
    const given = log.filter((e): e is Extract<HallEvent, { type: 'EvaluationGiven' }> => e.type === 'EvaluationGiven');
    const channels = new Set(given.map((e) => e.channel));
    expect([...channels].sort()).toEqual(['hall-pad', 'hall-terminal', 'mobile', 'qr-code']);
    // Each later rating follows its service's lapse at the pad, never replaces a pad rating.
    const lapsedAt = new Map(log.flatMap((e) => (e.type === 'EvaluationLapsed' ? [[e.serviceId, Date.parse(e.at)] as const] : [])));
    for (const e of given.filter((g) => g.channel !== 'hall-pad')) expect(Date.parse(e.at)).toBeGreaterThan(lapsedAt.get(e.serviceId) ?? Infinity);
    // Every service — a transferred ticket's first one too — ends rated or not rated at the pad; none
    // is left for the center's sweep to record as not rated on a later day.
    expect([...hall.state.ratings.values()].filter((r) => r.state === 'pending')).toEqual([]);
    // The day's figures count them by channel.
    const hallRow = dayFacts(config, log).rows.find((r) => r.dim === 'hall');
    expect(Object.keys(hallRow?.figures.levels ?? {}).sort()).toEqual(['hall-pad', 'hall-terminal', 'mobile', 'qr-code']);
  });
});
