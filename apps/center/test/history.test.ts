// Per hall-day history at the center: start-up and rebuild replay at most today (from the newest
// day-close checkpoint), the state holds today plus what outlives a day, a close across midnight
// ends open tickets once, and replay still proves itself. Real SQLite file, real HallService.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hallFingerprint, type HallEvent } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import type { Logger } from '@hallkit/sync';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { HallService } from '../src/server/hall/HallService.ts';
import { DayCloser } from '../src/server/history/DayCloser.ts';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const config = shippedHall('yantai', { allDay: true });
const at = (day: string, hm: string, s = 0) => new Date(Date.parse(`${day}T${hm}:00+08:00`) + s * 1000).toISOString();
const staff = { id: 'YT0501', name: '王晓燕' };

/** A day at window w5: `n` tickets, all served and rated but the last two, which still wait at closing. */
function runDay(hall: HallService, day: string, n: number): void {
  hall.run('center', (h) => h.openWindow('w5', staff, at(day, '08:30')));
  const cat = config.windows.find((w) => w.id === 'w5')?.categoryIds[0] ?? '';
  for (let i = 0; i < n; i++) {
    hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: cat, source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', at: at(day, '09:00', i * 60) }));
  }
  for (let i = 0; i < n - 2; i++) {
    const when = at(day, '09:00', i * 60 + 30);
    hall.run('center', (h) => h.callNext('w5', when));
    const [fin] = hall.run('center', (h) => h.finish('w5', 'completed', at(day, '09:00', i * 60 + 50)));
    if (fin?.type !== 'TicketFinished') throw new Error('not finished');
    if (i % 4 !== 3) hall.run('pad-w5', (h) => h.evaluate({ evaluationId: `ev-${fin.serviceId}`, serviceId: fin.serviceId, level: 'satisfied', reasons: [], channel: 'hall-pad', at: at(day, '09:00', i * 60 + 55) }));
  }
}

function setup() {
  const file = join(mkdtempSync(join(tmpdir(), 'hallkit-history-')), 'center.sqlite');
  let now = new Date(at('2026-11-23', '08:00'));
  const db = openCenterDb(file);
  const hall = new HallService(db, config);
  const closer = new DayCloser(hall, () => now, quiet);
  return { file, db, hall, closer, setNow: (iso: string) => (now = new Date(iso)) };
}

const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];

describe('hall-day history at the center', () => {
  it('a restart replays only today, whatever the history; the state equals the live one', () => {
    const { file, db, hall, closer, setNow } = setup();
    for (const day of DAYS.slice(0, 3)) {
      setNow(at(day, '08:00'));
      closer.closeEndedDay();
      runDay(hall, day, 40);
    }
    setNow(at(DAYS[3] ?? '', '00:00', 20));
    const closed = closer.closeEndedDay();
    expect(closed?.day).toBe(DAYS[2]);
    expect(closed?.ended).toHaveLength(2);
    runDay(hall, DAYS[3] ?? '', 10);
    const today = [...hall.log.all()].reverse().findIndex((e) => e.type === 'HallDayClosed');
    const live = hallFingerprint(hall.state);
    const total = hall.log.count();
    db.close();

    const again = new HallService(openCenterDb(file), config);
    expect(total).toBeGreaterThan(450);
    expect(again.replayedAtLoad).toBe(today);
    expect(again.replayedAtLoad).toBeLessThan(total / 3);
    expect(hallFingerprint(again.state)).toBe(live);
    // A forced rebuild (what a rolled-back transaction triggers) costs the same and lands on the same hall.
    again.rebuild();
    expect(again.replayedAtLoad).toBe(today);
    expect(hallFingerprint(again.state)).toBe(live);
  });

  it('memory holds today and what outlives a day, not every ticket ever issued', () => {
    const { hall, closer, setNow } = setup();
    for (const day of DAYS) {
      setNow(at(day, '07:00'));
      closer.closeEndedDay();
      runDay(hall, day, 40);
    }
    const s = hall.state;
    const oldTickets = [...s.tickets.values()].filter((t) => t.day < (DAYS[3] ?? ''));
    // Only services that may still get a 补充评价 (unrated within laterRatingDays) are carried.
    expect(oldTickets.every((t) => t.services.some((x) => s.ratings.get(x.serviceId)?.state === 'pending'))).toBe(true);
    expect(oldTickets.length).toBe(3 * 9);
    expect(s.tickets.size).toBe(40 + 27);
    expect(s.evaluations.size).toBe(38 - 9);
  });

  it('closing across midnight ends waiting tickets once, closes windows, and a full replay of the log agrees', () => {
    const { hall, closer, setNow } = setup();
    const day = DAYS[0] ?? '';
    runDay(hall, day, 6);
    hall.run('center', (h) => h.callNext('w5', at(day, '23:58')));
    setNow(at(DAYS[1] ?? '', '00:00', 1));
    const closed = closer.closeEndedDay();
    expect(closed?.ended).toHaveLength(1);
    expect(closer.closeEndedDay()).toBeUndefined();
    expect(hall.state.windows.get('w5')?.status).toBe('closed');
    const log: HallEvent[] = [...hall.log.all()];
    expect(log.filter((e) => e.type === 'HallDayClosed')).toHaveLength(1);
    const ended = log.filter((e) => e.type === 'HallDayClosed').flatMap((e) => (e.type === 'HallDayClosed' ? e.ended : []));
    expect(new Set(ended).size).toBe(ended.length);
    const replayed = new HallService(openCenterDb(join(mkdtempSync(join(tmpdir(), 'hallkit-history-')), 'c.sqlite')), config);
    replayed.hall.replayOnto(log);
    expect(hallFingerprint(replayed.state)).toBe(hallFingerprint(hall.state));
  });

  it('a first start has nothing to close; a center that was off at midnight closes at start', () => {
    const { hall, closer, setNow } = setup();
    setNow(at(DAYS[0] ?? '', '09:00'));
    expect(closer.closeEndedDay()).toBeUndefined();
    runDay(hall, DAYS[0] ?? '', 5);
    setNow(at(DAYS[0] ?? '', '23:00'));
    expect(closer.closeEndedDay()).toBeUndefined();
    setNow(at(DAYS[2] ?? '', '08:10'));
    expect(closer.closeEndedDay()?.day).toBe(DAYS[1]);
    expect(hall.state.closedThrough).toBe(DAYS[1]);
  });
});
