// A center with a long history: BENCH_DAYS days of BENCH_TICKETS tickets each (one simulated day,
// copied day by day straight into the center's SQLite log with its dates shifted), the last day
// closed with a real checkpoint, then "today". Measures start-up and a forced rebuild against a
// one-day replay in the same run, the memory held, a monthly report and a year-long export from the
// per-day archive against a plain aggregate query over the same rows, and the old cost (full replay).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDay, Hall, HallEventSchema, simulateDay, takeCheckpoint, type HallEvent } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import type { Logger } from '@hallkit/sync';
import { openCenterDb } from '../apps/center/src/server/store/CenterStore.ts';
import { HallService } from '../apps/center/src/server/hall/HallService.ts';
import { DayArchive } from '../apps/center/src/server/reports/DayArchive.ts';
import { ReportQuery } from '../apps/center/src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../apps/center/src/server/reports/ReportLabels.ts';
import { reportWorkbook } from '../apps/center/src/server/reports/ReportWorkbook.ts';
import { table, writeSection } from './report.ts';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1500);
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const config = shippedHall('qingdao', { allDay: true });
const DAY0 = '2025-01-01';
const dayN = (n: number) => new Date(Date.parse(`${DAY0}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

// One simulated day, then closed: its events and the checkpoint after it.
const live = new Hall(config);
const dayLog: HallEvent[] = [];
live.onEvent((e) => dayLog.push(e));
const { arrivals, shifts } = generateDay(config, DAY0, { tickets: TICKETS, seed: 42 });
simulateDay(live, arrivals, shifts);
const closeEvents = live.closeDay(DAY0, `${dayN(1)}T00:00:05+08:00`);
const oneDay = dayLog.slice(0, dayLog.length - closeEvents.length).map((e) => JSON.stringify(e));
const closeJson = closeEvents.map((e) => JSON.stringify(e));

const dir = mkdtempSync(join(tmpdir(), 'hallkit-bench-history-'));
const db = openCenterDb(join(dir, 'center.sqlite'));
let t = performance.now();
const insert = db.prepare('INSERT INTO hall_events (type, at, source, body) VALUES (?, ?, ?, ?)');
const insertDay = db.prepare('INSERT INTO hall_days (day, first_n, close_n, closed_at) VALUES (?, ?, ?, ?)');
let lastClose = 0;
for (let d = 0; d < DAYS; d++) {
  const day = dayN(d);
  const shift = (s: string) => s.replaceAll(DAY0, day).replaceAll(dayN(1), dayN(d + 1));
  db.transaction(() => {
    const first = lastClose + 1;
    for (const s of [...oneDay, ...(d < DAYS - 1 ? closeJson : [])]) {
      const body = shift(s);
      const type = /"type":"(\w+)"/.exec(body)?.[1] ?? '';
      lastClose = Number(insert.run(type, /"at":"([^"]+)"/.exec(body)?.[1] ?? '', 'bench', body).lastInsertRowid);
    }
    if (d < DAYS - 1) insertDay.run(day, first, lastClose, `${dayN(d + 1)}T00:00:05+08:00`);
  })();
}
// The checkpoint of the last closed day (same shape every day: the copied day's leftovers).
const cp = takeCheckpoint(live.state);
const cpDay = dayN(DAYS - 2);
db.prepare('INSERT INTO hall_checkpoints (n, day, body) VALUES (?, ?, ?)').run(
  (db.prepare("SELECT max(n) AS n FROM hall_events WHERE type = 'HallDayClosed'").get() as { n: number }).n,
  cpDay,
  JSON.stringify(cp).replaceAll(DAY0, cpDay),
);
const generateMs = ms(t);
const events = (db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n;

// Baseline: one day's replay from the same database (read, parse, validate, apply).
const today = dayN(DAYS - 1);
t = performance.now();
const oneDayHall = new Hall(config);
const firstToday = (db.prepare('SELECT max(close_n) AS n FROM hall_days').get() as { n: number }).n;
for (const r of db.prepare('SELECT body FROM hall_events WHERE n > ? ORDER BY n').iterate(firstToday) as IterableIterator<{ body: string }>)
  oneDayHall.replayOnto([HallEventSchema.parse(JSON.parse(r.body))]);
const baselineMs = performance.now() - t;

t = performance.now();
const service = new HallService(db, config);
const startMs = performance.now() - t;
t = performance.now();
service.rebuild();
const rebuildMs = performance.now() - t;
const heapYear = process.memoryUsage().heapUsed;
const ticketsHeld = service.state.tickets.size;

// The old start: every event of the log replayed (measured on the first 30 days only).
const limitN = (db.prepare('SELECT close_n AS n FROM hall_days ORDER BY close_n LIMIT 1 OFFSET ?').get(Math.min(29, DAYS - 2)) as { n: number }).n;
t = performance.now();
new Hall(config).replayOnto(service.log.between(0, limitN));
const full30Ms = performance.now() - t;
const fullDays = Math.min(30, DAYS - 1);

// Reports: archive the copied day once, copy its rows to every closed day, then query.
new DayArchive(db, service.log, () => config, quiet).archive(dayN(0));
const rows = db.prepare('SELECT day, dim, key, issued, served, rated, figures FROM report_day_facts WHERE range_day = ?').all(dayN(0)) as Record<string, string | number>[];
const ins = db.prepare('INSERT INTO report_day_facts (range_day, day, dim, key, issued, served, rated, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
db.transaction(() => {
  for (let d = 1; d < DAYS - 1; d++) for (const r of rows) ins.run(dayN(d), String(r.day).replace(DAY0, dayN(d)), r.dim, r.key, r.issued, r.served, r.rated, r.figures);
})();
const q = new ReportQuery(db, service, new ReportLabels(service, () => undefined), () => new Date(`${today}T12:00:00+08:00`));
const month = [dayN(DAYS - 32), dayN(DAYS - 2)] as const;
t = performance.now();
const monthly = q.report(month[0], month[1], 'window', 'day');
const monthMs = performance.now() - t;
t = performance.now();
db.prepare('SELECT key, sum(issued), sum(served), sum(rated) FROM report_day_facts WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key').all('window', month[0], month[1]);
const monthBaseMs = performance.now() - t;
t = performance.now();
const year = q.report(dayN(0), dayN(DAYS - 2), 'category', 'month');
const xlsx = await reportWorkbook(year, config.catalog.hall.name);
const yearMs = performance.now() - t;
t = performance.now();
db.prepare('SELECT key, sum(issued), sum(served), sum(rated) FROM report_day_facts WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key').all('category', dayN(0), dayN(DAYS - 2));
const yearBaseMs = performance.now() - t;

const f = (x: number) => `${x.toFixed(0)} ms`;
const body = `
${DAYS} days of history (${events.toLocaleString('en-US')} events; one simulated day of ${TICKETS.toLocaleString('en-US')} tickets in the shipped
Qingdao hall copied day by day into the center's SQLite log, generated in ${generateMs}), the last closed day with its
checkpoint, then today. Command: \`BENCH_DAYS=${DAYS} BENCH_TICKETS=${TICKETS} npm run bench -- history\`.

${table(
  ['what', 'time', 'ratio vs one-day replay'],
  [
    ['baseline: one day\'s replay (read, parse, validate, apply today\'s events)', f(baselineMs), '1.00'],
    ['center start (HallService: newest checkpoint + events after it)', f(startMs), (startMs / baselineMs).toFixed(2)],
    ['forced rebuild (HallService.rebuild)', f(rebuildMs), (rebuildMs / baselineMs).toFixed(2)],
    [`old start: full replay, first ${fullDays} days only`, f(full30Ms), (full30Ms / baselineMs).toFixed(2)],
  ],
)}

Start-up replayed ${service.replayedAtLoad.toLocaleString('en-US')} events (today's); tickets held in memory after start: ${ticketsHeld.toLocaleString('en-US')}
(today's plus the carried unrated services of the last ${config.evaluation.laterRatingDays} days); heap after start ${(heapYear / 2 ** 20).toFixed(0)} MiB.
The old start grows linearly: about ${((full30Ms / fullDays) * DAYS / 1000).toFixed(0)} s for all ${DAYS} days at the measured rate.

${table(
  ['report', 'time', 'baseline (plain SUM … GROUP BY over the same rows)', 'ratio'],
  [
    [`monthly report by window (${monthly.rows.length} rows)`, f(monthMs), f(monthBaseMs), (monthMs / Math.max(monthBaseMs, 0.1)).toFixed(1)],
    [`year by category, per month, as .xlsx (${(xlsx.length / 1024).toFixed(0)} KiB)`, f(yearMs), f(yearBaseMs), (yearMs / Math.max(yearBaseMs, 0.1)).toFixed(1)],
  ],
)}
`;
console.log(body);
writeSection('history', 'History: start-up, rebuild and reports over a long history', body);
db.close();
