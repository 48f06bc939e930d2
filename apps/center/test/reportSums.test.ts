// The reports' fast path (figures summed by SQLite from report_day_figures, follow-ups counted by
// SQL, histograms added from compact blobs) gives exactly what core dayFacts recomputed from each
// closed day's own stretch of the log gives when added up in memory — every figure of every row
// and period, the 90th percentiles and the satisfaction by level and by channel included. And a
// center archived before history migration 4 (figures as one JSON document per row) reports the same
// after it. The month has 差评 appealed (申诉): upheld in the same stretch, upheld the next morning (a
// later stretch, after the rating's day closed) and rejected — the recount takes each upheld rating
// out of its own day, as the stored rows do.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addFigures, dayFacts, emptyFigures, hallDay, type DayFigures, type FollowUpFact, type ReportDimension } from '@hallkit/core';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { HallService } from '../src/server/hall/HallService.ts';
import { HallLog } from '../src/server/hall/HallLog.ts';
import { DayArchive } from '../src/server/reports/DayArchive.ts';
import { ReportLabels } from '../src/server/reports/ReportLabels.ts';
import { ReportQuery, toRow, weekOf, type Report, type ReportPeriod, type ReportRow } from '../src/server/reports/ReportQuery.ts';
import { followUpFigures, followUpKey } from '../src/server/reports/FollowUpSums.ts';
import { config, generatedMonth, quiet } from './support/generatedMonth.ts';

const TZ = config.catalog.hall.timeZone;
const TODAY = '2026-12-01';

/** The report as the archive of old computed it: dayFacts of each closed day, added up in memory. */
function recomputed(db: Database.Database, from: string, to: string, dim: ReportDimension, period: ReportPeriod) {
  const log = new HallLog(db);
  const byKey = new Map<string, DayFigures>();
  const bySeries = new Map<string, DayFigures>();
  const total = emptyFigures();
  const cases = new Map<string, FollowUpFact>();
  const days = db.prepare('SELECT first_n, close_n FROM hall_days ORDER BY close_n').all() as { first_n: number; close_n: number }[];
  for (const d of days) {
    const { rows, followUps } = dayFacts(config, log.between(d.first_n - 1, d.close_n), (id) => cases.get(id)?.rating);
    for (const r of rows) {
      if (r.day < from || r.day > to) continue;
      if (r.dim === 'hall') {
        addFigures(total, r.figures);
        const p = period === 'day' ? r.day : period === 'week' ? weekOf(r.day) : r.day.slice(0, 7);
        addFigures(bySeries.get(p) ?? bySeries.set(p, emptyFigures()).get(p)!, r.figures);
      } else if (r.dim === dim) addFigures(byKey.get(r.key) ?? byKey.set(r.key, emptyFigures()).get(r.key)!, r.figures);
    }
    // A later stretch fills in what it knows; the opening stays as first recorded.
    for (const f of followUps) cases.set(f.caseId, { ...f, ...cases.get(f.caseId), ...(f.state ? { state: f.state } : {}), ...(f.closedAt ? { closedAt: f.closedAt } : {}), ...(f.appeal ? { appeal: f.appeal } : {}) });
  }
  const inRange = [...cases.values()].filter((c) => c.openedAt !== undefined && hallDay(c.openedAt, TZ) >= from && hallDay(c.openedAt, TZ) <= to);
  const fuByKey = new Map<string, FollowUpFact[]>();
  for (const c of inRange) (fuByKey.get(followUpKey(dim, c)) ?? fuByKey.set(followUpKey(dim, c), []).get(followUpKey(dim, c))!).push(c);
  if (dim !== 'hall') for (const k of fuByKey.keys()) if (!byKey.has(k)) byKey.set(k, emptyFigures());
  return {
    total: toRow('', '合计', total, followUpFigures(inRange, TODAY, TZ)),
    rows: [...byKey].map(([k, f]) => toRow(k, '', f, followUpFigures(fuByKey.get(k) ?? [], TODAY, TZ))),
    series: [...bySeries].map(([p, f]) => ({ period: p, ...toRow('', p, f, followUpFigures([], TODAY, TZ)) })),
  };
}

/** Averages are sums of milliseconds divided once: equal to the in-memory float sums to 1e-9 s. */
const comparable = (r: ReportRow & { period?: string }) => ({
  ...r,
  label: undefined,
  avgWaitSeconds: r.avgWaitSeconds === null ? null : Math.round(r.avgWaitSeconds * 1e6),
  avgHandleSeconds: r.avgHandleSeconds === null ? null : Math.round(r.avgHandleSeconds * 1e6),
});
const byKeyOf = (rows: ReportRow[]) => Object.fromEntries(rows.map((r) => [r.key, comparable(r)]));

function expectSame(report: Report, expected: ReturnType<typeof recomputed>) {
  expect(byKeyOf(report.rows)).toEqual(byKeyOf(expected.rows));
  expect(comparable(report.total)).toEqual(comparable(expected.total));
  expect(report.series.map(comparable)).toEqual([...expected.series].sort((a, b) => (a.period < b.period ? -1 : 1)).map(comparable));
}

describe('reports from summed day rows', () => {
  const month = generatedMonth();

  it.each([
    ['window', 'day', '2026-11-01', '2026-11-30'],
    ['category', 'month', '2026-11-01', '2026-11-30'],
    ['staff', 'week', '2026-11-03', '2026-11-26'],
    ['item', 'day', '2026-11-10', '2026-11-12'],
    ['zone', 'week', '2026-11-01', '2026-11-30'],
    ['hall', 'day', '2026-11-01', '2026-11-30'],
  ] as const)('a range by %s per %s equals dayFacts recomputed from the log (%s … %s)', (dim, period, from, to) => {
    const report = month.query.report(from, to, dim, period);
    const expected = recomputed(month.db, from, to, dim, period);
    expect(report.rows.length).toBe(dim === 'hall' ? 0 : expected.rows.length);
    expect(report.total.issued).toBeGreaterThan(100);
    expect(report.total.p90WaitSeconds).not.toBeNull();
    expect(Object.keys(report.total.byChannel).length).toBeGreaterThan(0);
    expect(report.total.followUps.opened).toBeGreaterThan(0);
    expectSame(report, expected);
  });

  it('the month has appeals upheld at once, upheld on a later day, and rejected; upheld ratings are out of their day', () => {
    const decided = [...month.hall.log.all()].filter((e) => e.type === 'EvaluationAppealDecided');
    const opened = new Map([...month.hall.log.all()].flatMap((e) => (e.type === 'FollowUpOpened' ? [[e.caseId, hallDay(e.at, TZ)] as const] : [])));
    const later = decided.filter((e) => e.upheld && hallDay(e.at, TZ) > opened.get(e.caseId)!);
    expect(later.length).toBeGreaterThan(0);
    expect(decided.filter((e) => e.upheld && hallDay(e.at, TZ) === opened.get(e.caseId)).length).toBeGreaterThan(0);
    expect(decided.filter((e) => !e.upheld).length).toBeGreaterThan(0);
    const upheld = decided.filter((e) => e.upheld && opened.get(e.caseId)! <= '2026-11-30').length;
    const report = month.query.report('2026-11-01', '2026-11-30', 'hall', 'day');
    expect(report.total.appealUpheld).toBe(upheld);
    // The day of a rating upheld the next morning counts it as 申诉成立, not in its 差评.
    const day = opened.get(later[0]!.caseId)!;
    const one = month.query.report(day, day, 'window', 'day');
    expect(one.total.appealUpheld).toBeGreaterThan(0);
    expectSame(one, recomputed(month.db, day, day, 'window', 'day'));
    expect(one.total.rated).toBe(Object.values(one.total.levels).reduce((a, b) => a + b, 0));
  });

  it('a center archived before migration 4 (figures as JSON) reports the same after it', () => {
    // The month's file taken back to history v3: figures as one JSON document per row, cases undated.
    const path = join(mkdtempSync(join(tmpdir(), 'hallkit-report-migration-')), 'center.sqlite');
    month.db.prepare('VACUUM INTO ?').run(path);
    const old = new Database(path);
    old.exec(`
      CREATE TABLE report_day_facts (range_day TEXT NOT NULL, day TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL,
        issued INTEGER NOT NULL, served INTEGER NOT NULL, rated INTEGER NOT NULL, figures TEXT NOT NULL);
      CREATE INDEX report_day_facts_by_dim ON report_day_facts (dim, day);
      CREATE INDEX report_day_facts_by_range ON report_day_facts (range_day);
      DROP TABLE report_day_figures;
      DROP INDEX report_follow_ups_by_day;
      ALTER TABLE report_follow_ups DROP COLUMN opened_day;
      ALTER TABLE report_follow_ups DROP COLUMN closed_day;
      ALTER TABLE report_follow_ups DROP COLUMN rating;
      ALTER TABLE report_follow_ups DROP COLUMN appeal;
      DELETE FROM sync_migrations WHERE namespace = 'history' AND version IN (4, 5);
    `);
    const log = new HallLog(old);
    const insert = old.prepare('INSERT INTO report_day_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const d of old.prepare('SELECT day, first_n, close_n FROM hall_days').all() as { day: string; first_n: number; close_n: number }[])
      for (const r of dayFacts(config, log.between(d.first_n - 1, d.close_n)).rows) insert.run(d.day, r.day, r.dim, r.key, r.figures.issued, r.figures.served, r.figures.rated, JSON.stringify(r.figures));
    old.close();

    const db = openCenterDb(path);
    const hall = new HallService(db, config);
    // The old archive did not know how a rating was counted when its appeal was upheld on a later
    // day: migration 5 has the days holding an appeal decision archived again (their earlier
    // ratings found in the log), the others stay as they were.
    const decidedOn = new Set(
      (db.prepare("SELECT d.day FROM hall_days d JOIN hall_events e ON e.type = 'EvaluationAppealDecided' AND e.n BETWEEN d.first_n AND d.close_n").pluck().all() as string[]),
    );
    expect(decidedOn.size).toBeGreaterThan(0);
    expect(new DayArchive(db, hall.log, () => config, quiet).archivePending().sort()).toEqual([...decidedOn].sort());
    const query = new ReportQuery(db, hall, new ReportLabels(hall, () => undefined), () => new Date('2026-12-01T00:30:00+08:00'));
    for (const [dim, period] of [['window', 'week'], ['category', 'month']] as const) {
      const after = query.report('2026-11-01', '2026-11-30', dim, period);
      expect(after).toEqual(month.query.report('2026-11-01', '2026-11-30', dim, period));
      expectSame(after, recomputed(db, '2026-11-01', '2026-11-30', dim, period));
    }
    db.close();
  }, 180_000);
});
