// The history bench's database: one simulated day of the shipped Qingdao hall run through the real
// core (generateDay + simulateDay) and written to the center's SQLite log, then copied to every other
// day inside SQLite (INSERT … SELECT with the dates replaced), each copy a closed hall-day with its
// archived report rows, the last closed day with a real checkpoint, then "today" (not closed).
// Copying in SQL keeps a year of Qingdao (~37 M events) within minutes instead of a JS pass per event.
import type { Database } from 'better-sqlite3';
import { generateDay, Hall, simulateDay, takeCheckpoint, type HallConfig, type HallEvent } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import { HallLog } from '../apps/center/src/server/hall/HallLog.ts';
import { DayArchive } from '../apps/center/src/server/reports/DayArchive.ts';
import { FIGURE_COLUMNS } from '../apps/center/src/server/reports/DayFigureRows.ts';

export const DAY0 = '2025-01-01';
export const dayN = (n: number): string => new Date(Date.parse(`${DAY0}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Dates of the copied day moved to day `d` (the next day first, so a shifted date is not shifted twice). */
const shiftSql = (col: string) => `replace(replace(${col}, @next0, @nextD), @day0, @dayD)`;
const shiftJs = (s: string, d: number) => s.replaceAll(dayN(1), dayN(d + 1)).replaceAll(DAY0, dayN(d));

export interface YearLog {
  /** Rows in the log. */
  events: number;
  /** Events of the one simulated day (without its close). */
  eventsPerDay: number;
  /** The last closed day's HallDayClosed row: today's events follow it. */
  lastCloseN: number;
  simulateMs: number;
  copyMs: number;
}

export function buildYearLog(db: Database, config: HallConfig, days: number, tickets: number, progress: (msg: string) => void): YearLog {
  let t = performance.now();
  const live = new Hall(config);
  const dayLog: HallEvent[] = [];
  live.onEvent((e) => dayLog.push(e));
  const { arrivals, shifts } = generateDay(config, DAY0, { tickets, seed: 42 });
  simulateDay(live, arrivals, shifts);
  const eventsPerDay = dayLog.length;
  live.closeDay(DAY0, `${dayN(1)}T00:00:05+08:00`);
  const simulateMs = performance.now() - t;

  // Bulk load: not the durability under test (restored to FULL before anything is measured).
  db.pragma('synchronous = OFF');
  t = performance.now();
  const log = new HallLog(db);
  let closeN = 0;
  db.transaction(() => {
    for (const e of dayLog) closeN = log.append(e, 'bench');
    db.prepare('INSERT INTO hall_days (day, first_n, close_n, closed_at) VALUES (?, 1, ?, ?)').run(DAY0, closeN, `${dayN(1)}T00:00:05+08:00`);
  })();
  // The day's report rows, archived once from its own log like any closed day.
  new DayArchive(db, log, () => config, quiet).archive(DAY0);

  const copyDay = db.prepare(
    `INSERT INTO hall_events (type, at, source, body) SELECT type, ${shiftSql('at')}, source, ${shiftSql('body')} FROM hall_events WHERE n BETWEEN 1 AND @through ORDER BY n`,
  );
  const insertDay = db.prepare('INSERT INTO hall_days (day, first_n, close_n, closed_at, archived_at) VALUES (?, ?, ?, ?, ?)');
  const copyFacts = db.prepare(
    `INSERT INTO report_day_figures SELECT @dayD, ${shiftSql('day')}, dim, key, ${FIGURE_COLUMNS.join(', ')} FROM report_day_figures WHERE range_day = @day0`,
  );
  const copyCases = db.prepare(
    `INSERT INTO report_follow_ups SELECT ${['case_id', 'opened_at', 'deadline'].map(shiftSql).join(', ')}, window_id, staff_id, zone_id, category_id, item_id, state,
       ${['contacted_at', 'rectified_at', 'closed_at'].map(shiftSql).join(', ')}, note, ${shiftSql('opened_day')}, ${shiftSql('closed_day')}, ${shiftSql('rating')}, appeal
       FROM report_follow_ups WHERE opened_at < @next0`,
  );
  const archivedAt = new Date().toISOString();
  let lastCloseN = closeN;
  for (let d = 1; d < days; d++) {
    const closed = d < days - 1; // the last copy is today: its events without the close
    const names = { day0: DAY0, next0: dayN(1), dayD: dayN(d), nextD: dayN(d + 1) };
    db.transaction(() => {
      const first = lastCloseN + 1;
      const last = Number(copyDay.run({ ...names, through: closed ? closeN : closeN - 1 }).lastInsertRowid);
      if (!closed) return;
      lastCloseN = last;
      insertDay.run(dayN(d), first, last, `${dayN(d + 1)}T00:00:05+08:00`, archivedAt);
      copyFacts.run(names);
      copyCases.run(names);
    })();
    if (d % 30 === 0) progress(`  day ${d}/${days}: ${(((performance.now() - t) / 1000) | 0)} s`);
  }
  // The checkpoint of the last closed day (every copied day ends alike: the simulated day's leftovers).
  if (days > 1) {
    db.prepare('INSERT INTO hall_checkpoints (n, day, body) VALUES (?, ?, ?)').run(lastCloseN, dayN(days - 2), shiftJs(JSON.stringify(takeCheckpoint(live.state)), days - 2));
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  // Rows are never deleted from the log: the last row number is the count (count(*) would read it all).
  const events = (db.prepare('SELECT max(n) AS n FROM hall_events').get() as { n: number }).n;
  return { events, eventsPerDay, lastCloseN, simulateMs, copyMs: performance.now() - t };
}

/** A second database holding only the year's today (no history, no checkpoint): the one-day center. */
export function copyToday(db: Database, yearPath: string, afterN: number): void {
  db.prepare('ATTACH DATABASE ? AS year').run(yearPath);
  db.prepare('INSERT INTO hall_events (type, at, source, body) SELECT type, at, source, body FROM year.hall_events WHERE n > ? ORDER BY n').run(afterN);
  db.exec('DETACH DATABASE year');
}

/** The figures of a database an earlier run built (the build itself is not timed again). */
export function builtYearLog(db: Database): YearLog {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const firstClose = n("SELECT close_n AS n FROM hall_days WHERE day = '" + DAY0 + "'");
  return { events: n('SELECT max(n) AS n FROM hall_events'), eventsPerDay: firstClose - 1, lastCloseN: n('SELECT max(close_n) AS n FROM hall_days'), simulateMs: NaN, copyMs: NaN };
}
