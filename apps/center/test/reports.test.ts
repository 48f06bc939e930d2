// Reports equal the figures recomputed from the raw events: a generated month run through the real
// Hall (core simulateDay) in a real SQLite center store, closed day by day, archived per day, then
// queried by window, category, staff and for the whole hall — compared with a plain recount of the log.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { hallDay, isSatisfied, type HallEvent, type ReportDimension } from '@hallkit/core';
import { dayBefore } from '../src/server/history/DayCloser.ts';
import { DayArchive } from '../src/server/reports/DayArchive.ts';
import { reportWorkbook } from '../src/server/reports/ReportWorkbook.ts';
import { staffMonthRating } from '../src/server/views/staffMonthRating.ts';
import { config, generatedMonth, quiet } from './support/generatedMonth.ts';

const TZ = config.catalog.hall.timeZone;

/** A plain recount from the log: per key, tickets by first-calling window/staff/category, exact waits, ratings (less those upheld on appeal). */
function recount(events: HallEvent[], dim: 'window' | 'category' | 'staff' | 'hall') {
  const tickets = new Map<string, { day: string; cat: string; issued: number; window?: string; staff?: string; calledAt?: number; served: boolean; noShow: boolean }>();
  const ratings = new Map<string, { rated: number; satisfied: number; byLevel: Record<string, number> }>();
  const svcCat = new Map<string, string>();
  const catNow = new Map<string, string>();
  const rated = new Map<string, { key: string; level: string; counted: boolean }>();
  const caseOf = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'TicketIssued') {
      tickets.set(e.ticketId, { day: e.day, cat: e.categoryId, issued: Date.parse(e.at), served: false, noShow: false });
      catNow.set(e.ticketId, e.categoryId);
    } else if (e.type === 'TicketCalled') {
      const t = tickets.get(e.ticketId);
      if (t && t.calledAt === undefined) Object.assign(t, { window: e.windowId, staff: e.staffId, calledAt: Date.parse(e.at) });
    } else if (e.type === 'TicketFinished') {
      const t = tickets.get(e.ticketId);
      if (t) t.served = true;
      svcCat.set(e.serviceId, catNow.get(e.ticketId) ?? '');
    } else if (e.type === 'TicketTransferred') {
      svcCat.set(e.serviceId, catNow.get(e.ticketId) ?? '');
      if (e.to.kind === 'category') catNow.set(e.ticketId, e.to.categoryId);
    } else if (e.type === 'TicketNoShow') {
      const t = tickets.get(e.ticketId);
      if (t) t.noShow = true;
    } else if (e.type === 'EvaluationGiven') {
      const key = dim === 'window' ? e.windowId : dim === 'staff' ? e.staffId : dim === 'category' ? (svcCat.get(e.serviceId) ?? '') : '';
      const r = ratings.get(key) ?? ratings.set(key, { rated: 0, satisfied: 0, byLevel: {} }).get(key)!;
      if (hallDay(e.at, TZ).startsWith('2026-11')) {
        r.rated++;
        if (isSatisfied(e.level)) r.satisfied++;
        r.byLevel[e.level] = (r.byLevel[e.level] ?? 0) + 1;
      }
      rated.set(e.evaluationId, { key, level: e.level, counted: hallDay(e.at, TZ).startsWith('2026-11') });
    } else if (e.type === 'FollowUpOpened') caseOf.set(e.caseId, e.evaluationId);
    else if (e.type === 'EvaluationAppealDecided' && e.upheld) {
      // 申诉成立: the 差评 is not counted (it was not satisfied).
      const x = rated.get(caseOf.get(e.caseId) ?? '');
      const r = x && ratings.get(x.key);
      if (x?.counted && r) {
        r.rated--;
        r.byLevel[x.level] = (r.byLevel[x.level] ?? 0) - 1;
      }
    }
  }
  const out = new Map<string, { issued: number; served: number; noShow: number; waits: number[]; rated: number; satisfied: number; byLevel: Record<string, number> }>();
  for (const t of tickets.values()) {
    if (!t.day.startsWith('2026-11')) continue;
    const key = dim === 'window' ? t.window : dim === 'staff' ? t.staff : dim === 'category' ? t.cat : '';
    if (key === undefined) continue;
    const o = out.get(key) ?? out.set(key, { issued: 0, served: 0, noShow: 0, waits: [], rated: 0, satisfied: 0, byLevel: {} }).get(key)!;
    o.issued++;
    if (t.served) o.served++;
    if (t.noShow) o.noShow++;
    if (t.calledAt !== undefined) o.waits.push((t.calledAt - t.issued) / 1000);
  }
  for (const [k, r] of ratings) {
    const o = out.get(k) ?? out.set(k, { issued: 0, served: 0, noShow: 0, waits: [], rated: 0, satisfied: 0, byLevel: {} }).get(k)!;
    Object.assign(o, { rated: r.rated, satisfied: r.satisfied, byLevel: r.byLevel });
  }
  return out;
}

const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.9 * s.length) - 1)] ?? 0;
};

describe('reports', () => {
  const month = generatedMonth();
  const events = [...month.hall.log.all()];

  it.each(['hall', 'window', 'category', 'staff'] satisfies ReportDimension[])('a month by %s equals a plain recount of the raw events', (dim) => {
    const report = month.query.report('2026-11-01', '2026-11-30', dim, 'week');
    const expected = recount(events, dim);
    const rows = dim === 'hall' ? [{ ...report.total, key: '' }] : report.rows;
    expect(rows.length).toBe([...expected.values()].filter((x) => x.issued > 0 || x.rated > 0).length);
    for (const r of rows) {
      const x = expected.get(r.key);
      expect(x, r.key).toBeDefined();
      if (!x) continue;
      expect([r.key, r.issued, r.served, r.noShow, r.rated]).toEqual([r.key, x.issued, x.served, x.noShow, x.rated]);
      expect(r.satisfactionRate).toBeCloseTo(x.rated ? x.satisfied / x.rated : NaN, 9);
      for (const [level, n] of Object.entries(x.byLevel)) expect(r.levels[level as keyof typeof r.levels]).toBe(n);
      if (x.waits.length > 0) {
        expect(r.avgWaitSeconds).toBeCloseTo(x.waits.reduce((a, b) => a + b, 0) / x.waits.length, 6);
        // Percentiles come from 30-second buckets: the bucket's upper edge, never below the exact figure.
        const exact = p90(x.waits);
        expect(r.p90WaitSeconds).toBeGreaterThanOrEqual(exact);
        expect(r.p90WaitSeconds).toBeLessThanOrEqual(exact + 30);
      }
    }
  });

  it('the month as weeks adds up to the month, and 差评 follow-ups are counted with their deadlines', () => {
    const report = month.query.report('2026-11-01', '2026-11-30', 'hall', 'week');
    expect(report.series.map((s) => s.period)[0]).toBe('2026-10-26');
    expect(report.series.reduce((n, s) => n + s.issued, 0)).toBe(report.total.issued);
    const opened = events.filter((e) => e.type === 'FollowUpOpened').length;
    const upheldCases = new Set(events.flatMap((e) => (e.type === 'EvaluationAppealDecided' && e.upheld ? [e.caseId] : [])));
    const upheld = upheldCases.size;
    expect(upheld).toBeGreaterThan(0);
    expect(report.total.appealUpheld).toBe(upheld);
    expect(report.total.bad).toBe(opened - upheld);
    // A 差评 voided on appeal leaves the follow-up figures too: there is nothing to follow up.
    expect(report.total.followUps.opened).toBe(opened - upheld);
    const closed = events.filter((e) => e.type === 'FollowUpAdvanced' && e.to === 'closed' && !upheldCases.has(e.caseId)).length;
    expect(report.total.followUps.byState.closed).toBe(closed);
    expect(report.total.followUps.closedOnTime + report.total.followUps.closedLate).toBe(closed);
    expect(report.total.followUps.openOverdue).toBeGreaterThanOrEqual(0);
  });

  it("a staff member's month on the pad counts the closed days from the archive", () => {
    const expected = recount(events, 'staff');
    const [staffId, x] = [...expected.entries()].find(([, v]) => v.rated > 0) ?? ['', undefined];
    const r = staffMonthRating(month.hall.state, staffId, new Date('2026-11-30T12:00:00+08:00'), month.db);
    const without = staffMonthRating(month.hall.state, staffId, new Date('2026-11-30T12:00:00+08:00'));
    if (!r.ok || !without.ok) throw new Error('refused');
    expect([r.rated, r.satisfied]).toEqual([x?.rated, x?.satisfied]);
    expect(without.rated).toBe(0);
  });

  it('a closed day recomputed from its own stretch of the log gives the same stored figures', () => {
    const before = month.db.prepare("SELECT * FROM report_day_figures WHERE range_day = '2026-11-12' ORDER BY dim, key, day").all();
    new DayArchive(month.db, month.hall.log, () => config, quiet).archive('2026-11-12');
    const after = month.db.prepare("SELECT * FROM report_day_figures WHERE range_day = '2026-11-12' ORDER BY dim, key, day").all();
    expect(before.length).toBeGreaterThan(10);
    expect(after).toEqual(before);
    expect(dayBefore('2026-12-01')).toBe('2026-11-30');
  });

  it('exports the report as a workbook whose first sheet holds the rows and the total', async () => {
    const report = month.query.report('2026-11-01', '2026-11-30', 'window', 'day');
    const wb = new ExcelJS.Workbook();
    const file = await reportWorkbook(report, '烟台市政务服务中心');
    await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('按窗口');
    expect(String(ws?.getCell(1, 1).value)).toContain('2026-11-01 至 2026-11-30');
    expect(ws?.getCell(2, 2).value).toBe('取号');
    expect(ws?.getCell(3, 1).value).toBe(report.rows[0]?.label);
    expect(ws?.getCell(3 + report.rows.length, 2).value).toBe(report.total.issued);
    // 申诉成立 has its own column: out of 评价数/差评, counted on its own.
    const headers = (ws?.getRow(2).values as unknown[]).map(String);
    expect(report.total.appealUpheld).toBeGreaterThan(0);
    expect(ws?.getCell(3 + report.rows.length, headers.indexOf('申诉成立')).value).toBe(report.total.appealUpheld);
    expect(ws?.getCell(3 + report.rows.length, headers.indexOf('差评')).value).toBe(report.total.bad);
  });
});
