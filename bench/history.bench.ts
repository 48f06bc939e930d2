// A center with a long history: BENCH_DAYS days of BENCH_TICKETS tickets each in the shipped Qingdao
// hall (one simulated day copied inside SQLite, historyYear.ts), the last day closed with a real
// checkpoint, then "today". Measures, against a one-day replay in the same run: a center's start and a
// forced rebuild, each start in its own process with its RSS next to a center holding one day only;
// a monthly report and a year-long export from the per-day archive against a plain aggregate query
// over the same rows; and the old cost (full replay). The database lives under /tmp and is deleted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hall, HallEventSchema } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import { openCenterDb } from '../apps/center/src/server/store/CenterStore.ts';
import { HallService } from '../apps/center/src/server/hall/HallService.ts';
import { ReportQuery } from '../apps/center/src/server/reports/ReportQuery.ts';
import { ReportLabels } from '../apps/center/src/server/reports/ReportLabels.ts';
import { reportWorkbook } from '../apps/center/src/server/reports/ReportWorkbook.ts';
import { FIGURE_COLUMNS } from '../apps/center/src/server/reports/DayFigureRows.ts';
import { buildYearLog, builtYearLog, copyToday, dayN } from './historyYear.ts';
import { table, writeSection } from './report.ts';

// BENCH_HISTORY_DB: a database an earlier run built and kept (hard link it before that run ends):
// measured again without building it (give the BENCH_DAYS/BENCH_TICKETS it was built with).
const REUSE = process.env.BENCH_HISTORY_DB;
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 30_000);
const FULL_DAYS = Math.min(Number(process.env.BENCH_FULL_DAYS ?? 10), DAYS - 1);
const config = shippedHall('qingdao', { allDay: true });
const log = (s: string) => console.log(`[history ${new Date().toISOString().slice(11, 19)}] ${s}`);
const f = (x: number) => (Number.isNaN(x) ? 'not timed again' : `${x.toFixed(0)} ms`);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

const dir = mkdtempSync(join(tmpdir(), 'hallkit-bench-history-'));
const yearPath = REUSE ?? join(dir, 'center.sqlite');
const onePath = join(dir, 'one-day.sqlite');
try {
  const db = openCenterDb(yearPath);
  log(REUSE ? `measuring ${yearPath} again` : `building ${DAYS} days × ${TICKETS} tickets in ${yearPath}`);
  const year = REUSE ? builtYearLog(db) : buildYearLog(db, config, DAYS, TICKETS, log);
  const sizeGiB = statSync(yearPath).size / 2 ** 30;
  log(`${year.events} events, ${sizeGiB.toFixed(1)} GiB (simulate ${f(year.simulateMs)}, copy ${f(year.copyMs)})`);

  // Baseline: one day's replay from the same database (read, parse, validate, apply today's events).
  let t = performance.now();
  const oneDayHall = new Hall(config);
  for (const r of db.prepare('SELECT body FROM hall_events WHERE n > ? ORDER BY n').iterate(year.lastCloseN) as IterableIterator<{ body: string }>)
    oneDayHall.replayOnto([HallEventSchema.parse(JSON.parse(r.body))]);
  const baselineMs = performance.now() - t;

  t = performance.now();
  const service = new HallService(db, config);
  const loadMs = performance.now() - t;
  t = performance.now();
  service.rebuild();
  const rebuildMs = performance.now() - t;
  log(`baseline ${f(baselineMs)}, hall load ${f(loadMs)}, rebuild ${f(rebuildMs)}`);

  // Each center start in a process of its own: the year's, and one holding only today's events.
  const one = openCenterDb(onePath);
  copyToday(one, yearPath, year.lastCloseN);
  one.close();
  const start = (path: string) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/historyRss.child.ts', path], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`center start on ${path} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as { startMs: number; replayed: number; tickets: number; rss: number; rssBefore: number; heapUsed: number };
  };
  const yearStart = start(yearPath);
  const oneStart = start(onePath);
  log(`process starts: year ${f(yearStart.startMs)} ${mib(yearStart.rss)}, one day ${f(oneStart.startMs)} ${mib(oneStart.rss)}`);

  // The old start: every event of the log replayed (measured on the first FULL_DAYS days only).
  const limitN = (db.prepare('SELECT close_n AS n FROM hall_days ORDER BY close_n LIMIT 1 OFFSET ?').get(FULL_DAYS - 1) as { n: number }).n;
  t = performance.now();
  new Hall(config).replayOnto(service.log.between(0, limitN));
  const fullMs = performance.now() - t;
  log(`full replay of ${FULL_DAYS} days ${f(fullMs)}`);

  // Reports over the archive, against a plain aggregate over the same rows: the range's figure rows
  // of the dimension and of the whole hall, and its 差评 follow-up cases, which the report reads too.
  // Each timed warm (one run first: statements prepared, pages cached), median of three.
  const today = dayN(DAYS - 1);
  const q = new ReportQuery(db, service, new ReportLabels(service, () => undefined), () => new Date(`${today}T12:00:00+08:00`));
  const plainFigures = db.prepare(
    `SELECT dim, key, ${FIGURE_COLUMNS.slice(0, 13).map((c) => `sum(${c})`).join(', ')} FROM report_day_figures WHERE dim IN (?, 'hall') AND day BETWEEN ? AND ? GROUP BY dim, key`,
  );
  const plainCases = (dim: string) => db.prepare(`SELECT coalesce(${dim}_id, '') AS k, count(*), sum(state = 'closed') FROM report_follow_ups WHERE opened_day BETWEEN ? AND ? GROUP BY k`);
  const plain = (dim: 'window' | 'category', from: string, to: string) => [plainFigures.all(dim, from, to), plainCases(dim).all(from, to)];
  const month = [dayN(Math.max(0, DAYS - 32)), dayN(DAYS - 2)] as const;
  const timed = <T>(fn: () => T): [T, number] => {
    fn();
    const runs = [0, 1, 2].map(() => {
      const t0 = performance.now();
      return [fn(), performance.now() - t0] as const;
    });
    const [out, ms] = [...runs].sort((x, y) => x[1] - y[1])[1]!;
    return [out, ms];
  };
  const [monthly, monthMs] = timed(() => q.report(month[0], month[1], 'window', 'day'));
  const [, monthBaseMs] = timed(() => plain('window', month[0], month[1]));
  const [yearReport, yearQueryMs] = timed(() => q.report(dayN(0), dayN(DAYS - 2), 'category', 'month'));
  await reportWorkbook(yearReport, config.catalog.hall.name);
  const t1 = performance.now();
  const xlsx = await reportWorkbook(yearReport, config.catalog.hall.name);
  const xlsxMs = performance.now() - t1;
  const yearMs = yearQueryMs + xlsxMs;
  const [, yearBaseMs] = timed(() => plain('category', dayN(0), dayN(DAYS - 2)));
  const countCases = (from: string, to: string) => (db.prepare('SELECT count(*) AS n FROM report_follow_ups WHERE opened_day BETWEEN ? AND ?').get(from, to) as { n: number }).n;
  const monthCases = countCases(month[0], month[1]);
  const yearCases = countCases(dayN(0), dayN(DAYS - 2));
  const factRows = (db.prepare('SELECT count(*) AS n FROM report_day_figures').get() as { n: number }).n;
  log(`month ${f(monthMs)} vs ${f(monthBaseMs)}; year ${f(yearQueryMs)} + xlsx ${f(xlsxMs)} vs ${f(yearBaseMs)}`);
  db.close();

  const ratio = (x: number) => (x / baselineMs).toFixed(2);
  const body = `
${REUSE ? 'Measured again on the database an earlier run of the same command built (its build times are from that run). ' : ''}${DAYS} days of history: ${year.events.toLocaleString('en-US')} events in the log (${sizeGiB.toFixed(1)} GiB), ${factRows.toLocaleString('en-US')} archived report rows.
One day of ${TICKETS.toLocaleString('en-US')} tickets in the shipped Qingdao hall (400 windows) simulated through the core
(${year.eventsPerDay.toLocaleString('en-US')} events, ${f(year.simulateMs)}), then copied to every other day inside SQLite with its dates
shifted (${Number.isNaN(year.copyMs) ? "not timed again" : `${(year.copyMs / 1000).toFixed(0)} s`}); each copy a closed hall-day with its report rows, the last one with a real checkpoint; the
last day is today. Command: \`BENCH_DAYS=${DAYS} BENCH_TICKETS=${TICKETS} nice npm run bench -- history\`.

${table(
  ['what', 'time', 'ratio vs one-day replay'],
  [
    ["baseline: one day's replay (read, parse, validate, apply today's events)", f(baselineMs), '1.00'],
    ['hall load on the open database (HallService: newest checkpoint + events after it)', f(loadMs), ratio(loadMs)],
    ['forced rebuild (HallService.rebuild)', f(rebuildMs), ratio(rebuildMs)],
    ['center start in its own process: open + check + migrate the file, load the hall, archive pending days', f(yearStart.startMs), ratio(yearStart.startMs)],
    ['the same start of a center holding only today (no history)', f(oneStart.startMs), ratio(oneStart.startMs)],
    [`old start: full replay, first ${FULL_DAYS} days only`, f(fullMs), ratio(fullMs)],
  ],
)}

Start-up replayed ${yearStart.replayed.toLocaleString('en-US')} events (today's); tickets held in memory after start: ${yearStart.tickets.toLocaleString('en-US')}
(today's plus the carried unrated services of the last ${config.evaluation.laterRatingDays} days; the one-day center: ${oneStart.tickets.toLocaleString('en-US')}).
The old start grows linearly: about ${((fullMs / FULL_DAYS) * DAYS / 1000).toFixed(0)} s for all ${DAYS} days at the measured rate.

${table(
  ['memory after start (own process, after a full GC)', 'year of history', 'today only', 'ratio'],
  [
    ['RSS', mib(yearStart.rss), mib(oneStart.rss), (yearStart.rss / oneStart.rss).toFixed(2)],
    ['RSS added by the start (minus the process before opening)', mib(yearStart.rss - yearStart.rssBefore), mib(oneStart.rss - oneStart.rssBefore), ((yearStart.rss - yearStart.rssBefore) / (oneStart.rss - oneStart.rssBefore)).toFixed(2)],
    ['JS heap used', mib(yearStart.heapUsed), mib(oneStart.heapUsed), (yearStart.heapUsed / oneStart.heapUsed).toFixed(2)],
  ],
)}

${table(
  ['report (warm, median of 3)', 'time', 'baseline: plain SUM/count … GROUP BY over the same figure rows and cases', 'ratio'],
  [
    [`monthly report by window, per day (${monthly.rows.length} rows; ${monthCases.toLocaleString('en-US')} follow-up cases)`, f(monthMs), f(monthBaseMs), (monthMs / Math.max(monthBaseMs, 0.1)).toFixed(1)],
    [`year by category, per month: the report (${yearCases.toLocaleString('en-US')} follow-up cases)`, f(yearQueryMs), f(yearBaseMs), (yearQueryMs / Math.max(yearBaseMs, 0.1)).toFixed(1)],
    [`… and written as .xlsx (${(xlsx.length / 1024).toFixed(0)} KiB)`, f(yearMs), f(yearBaseMs), (yearMs / Math.max(yearBaseMs, 0.1)).toFixed(1)],
  ],
)}
`;
  console.log(body);
  writeSection('history', 'History: start-up, rebuild and reports over a long history', body);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
