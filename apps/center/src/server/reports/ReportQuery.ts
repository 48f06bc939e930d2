// Reports for the director's office: any date range, by day/week/month, per hall, zone, category,
// window, staff or item — from the stored per-day figures (DayArchive) plus today's so far, computed
// from today's stretch of the log. Percentiles come from the merged duration histograms.
import { alarmReport, type AlarmReport } from './AlarmFigures.ts';
import type { Database } from 'better-sqlite3';
import {
  addFigures,
  dayFacts,
  emptyFigures,
  EVALUATION_LEVELS,
  hallDay,
  histogramPercentile,
  isSatisfied,
  type DayFactRow,
  type DayFigures,
  type EvaluationChannel,
  type EvaluationLevel,
  type FollowUpFact,
  type ReportDimension,
  type TicketSource,
} from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import type { ReportLabels } from './ReportLabels.ts';

export type ReportPeriod = 'day' | 'week' | 'month';

export interface FollowUpFigures {
  opened: number;
  byState: Record<'open' | 'contacted' | 'rectified' | 'closed', number>;
  closedOnTime: number;
  closedLate: number;
  /** Not closed and past the deadline today. */
  openOverdue: number;
}

export interface ReportRow {
  key: string;
  label: string;
  issued: number;
  bySource: Partial<Record<TicketSource, number>>;
  served: number;
  noShow: number;
  noShowRate: number | null;
  cancelled: number;
  endedAtClose: number;
  services: number;
  transfers: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  avgHandleSeconds: number | null;
  p90HandleSeconds: number | null;
  rated: number;
  lapsed: number;
  levels: Record<EvaluationLevel, number>;
  byChannel: Partial<Record<EvaluationChannel, { rated: number; satisfied: number }>>;
  satisfactionRate: number | null;
  bad: number;
  followUps: FollowUpFigures;
}

export interface Report {
  v: 1;
  from: string;
  to: string;
  dim: ReportDimension;
  period: ReportPeriod;
  timeZone: string;
  /** Today's figures are live (the day is not closed yet). */
  includesToday: boolean;
  total: ReportRow;
  rows: ReportRow[];
  /** The whole hall per day, week or month of the range, oldest first. */
  series: (ReportRow & { period: string })[];
  /** Alarms raised over the range: counts and durations, by kind, zone and window. */
  alarms: AlarmReport;
}

/** The Monday of a day's ISO week. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export class ReportQuery {
  constructor(
    private readonly db: Database,
    private readonly hall: HallService,
    private readonly labels: ReportLabels,
    private readonly now: () => Date,
  ) {}

  report(from: string, to: string, dim: ReportDimension, period: ReportPeriod = 'day'): Report {
    const tz = this.hall.config.catalog.hall.timeZone;
    const today = hallDay(this.now(), tz);
    const stored = this.db
      .prepare("SELECT day, dim, key, figures FROM report_day_facts WHERE dim IN (?, 'hall') AND day BETWEEN ? AND ?")
      .all(dim, from, to) as { day: string; dim: ReportDimension; key: string; figures: string }[];
    const facts: DayFactRow[] = [];
    for (const r of stored) facts.push({ day: r.day, dim: r.dim, key: r.key, figures: JSON.parse(r.figures) as DayFigures });
    let followUps = this.storedFollowUps(from, to, tz);
    const includesToday = today >= from && today <= to && this.hall.state.closedThrough !== today;
    if (includesToday) {
      const live = dayFacts(this.hall.config, this.hall.log.between(this.hall.checkpoints.latestRow(), Number.MAX_SAFE_INTEGER));
      for (const r of live.rows) if ((r.dim === dim || r.dim === 'hall') && r.day >= from && r.day <= to) facts.push(r);
      followUps = mergeFollowUps(followUps, live.followUps.filter((f) => f.openedAt !== undefined && hallDay(f.openedAt, tz) >= from && hallDay(f.openedAt, tz) <= to));
    }

    const byKey = new Map<string, DayFigures>();
    const bySeries = new Map<string, DayFigures>();
    const total = emptyFigures();
    for (const f of facts) {
      if (f.dim === 'hall') {
        addFigures(total, f.figures);
        const p = period === 'day' ? f.day : period === 'week' ? weekOf(f.day) : f.day.slice(0, 7);
        addFigures(bySeries.get(p) ?? bySeries.set(p, emptyFigures()).get(p)!, f.figures);
      }
      if (f.dim === dim) addFigures(byKey.get(f.key) ?? byKey.set(f.key, emptyFigures()).get(f.key)!, f.figures);
    }
    const fuKey = (f: FollowUpFact): string =>
      ({ hall: '', zone: f.zoneId, category: f.categoryId, window: f.windowId, staff: f.staffId, item: f.itemId })[dim] ?? '';
    const fuByKey = new Map<string, FollowUpFact[]>();
    for (const f of followUps) (fuByKey.get(fuKey(f)) ?? fuByKey.set(fuKey(f), []).get(fuKey(f))!).push(f);
    if (dim !== 'hall') for (const k of fuByKey.keys()) if (!byKey.has(k)) byKey.set(k, emptyFigures());

    const rows = [...byKey.entries()]
      .map(([key, fig]) => toRow(key, this.labels.label(dim, key), fig, followUpFigures(fuByKey.get(key) ?? [], today, tz)))
      .sort((a, b) => b.issued - a.issued || b.services - a.services || a.label.localeCompare(b.label, 'zh-CN'));
    const series = [...bySeries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, fig]) => ({ period: p, ...toRow('', p, fig, followUpFigures([], today, tz)) }));
    return {
      v: 1,
      from,
      to,
      dim,
      period,
      timeZone: tz,
      includesToday,
      total: toRow('', '合计', total, followUpFigures(followUps, today, tz)),
      rows: dim === 'hall' ? [] : rows,
      series,
      alarms: alarmReport(this.db, from, to, this.now().getTime(), (d, k) => this.labels.label(d, k)),
    };
  }

  private storedFollowUps(from: string, to: string, tz: string): FollowUpFact[] {
    type Row = Record<'case_id' | 'opened_at' | 'deadline' | 'window_id' | 'staff_id' | 'zone_id' | 'category_id' | 'item_id' | 'state' | 'contacted_at' | 'rectified_at' | 'closed_at' | 'note', string | null>;
    // opened_at is UTC; a day either side, then the hall's own day decides.
    const rows = this.db.prepare('SELECT * FROM report_follow_ups WHERE opened_at >= ? AND opened_at < ?').all(`${dayShift(from, -1)}`, `${dayShift(to, 2)}`) as Row[];
    return rows
      .filter((r) => r.opened_at !== null && hallDay(r.opened_at, tz) >= from && hallDay(r.opened_at, tz) <= to)
      .map((r) => {
        const f: FollowUpFact = { caseId: r.case_id ?? '' };
        if (r.opened_at) f.openedAt = r.opened_at;
        if (r.deadline) f.deadline = r.deadline;
        if (r.window_id) f.windowId = r.window_id;
        if (r.staff_id) f.staffId = r.staff_id;
        if (r.zone_id) f.zoneId = r.zone_id;
        if (r.category_id) f.categoryId = r.category_id;
        if (r.item_id) f.itemId = r.item_id;
        if (r.state) f.state = r.state as NonNullable<FollowUpFact['state']>;
        if (r.contacted_at) f.contactedAt = r.contacted_at;
        if (r.rectified_at) f.rectifiedAt = r.rectified_at;
        if (r.closed_at) f.closedAt = r.closed_at;
        return f;
      });
  }
}

function dayShift(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Stored cases, updated by what today's stretch of the log says about them. */
function mergeFollowUps(stored: FollowUpFact[], live: FollowUpFact[]): FollowUpFact[] {
  const m = new Map(stored.map((f) => [f.caseId, { ...f }]));
  for (const f of live) m.set(f.caseId, { ...m.get(f.caseId), ...f });
  return [...m.values()];
}

export function followUpFigures(cases: FollowUpFact[], today: string, tz: string): FollowUpFigures {
  const out: FollowUpFigures = { opened: cases.length, byState: { open: 0, contacted: 0, rectified: 0, closed: 0 }, closedOnTime: 0, closedLate: 0, openOverdue: 0 };
  for (const c of cases) {
    out.byState[c.state ?? 'open']++;
    if (c.closedAt && c.deadline) {
      if (hallDay(c.closedAt, tz) <= c.deadline) out.closedOnTime++;
      else out.closedLate++;
    } else if (c.state !== 'closed' && c.deadline && today > c.deadline) out.openOverdue++;
  }
  return out;
}

export function toRow(key: string, label: string, f: DayFigures, followUps: FollowUpFigures): ReportRow {
  const levels = Object.fromEntries(EVALUATION_LEVELS.map((l) => [l, 0])) as Record<EvaluationLevel, number>;
  const byChannel: ReportRow['byChannel'] = {};
  let satisfied = 0;
  for (const [ch, byLevel] of Object.entries(f.levels) as [EvaluationChannel, Partial<Record<EvaluationLevel, number>>][]) {
    const c = (byChannel[ch] = { rated: 0, satisfied: 0 });
    for (const [l, n] of Object.entries(byLevel) as [EvaluationLevel, number][]) {
      levels[l] += n;
      c.rated += n;
      if (isSatisfied(l)) c.satisfied += n;
    }
    satisfied += c.satisfied;
  }
  const called = f.served + f.noShow;
  return {
    key,
    label,
    issued: f.issued,
    bySource: f.bySource,
    served: f.served,
    noShow: f.noShow,
    noShowRate: called > 0 ? f.noShow / called : null,
    cancelled: f.cancelled,
    endedAtClose: f.endedAtClose,
    services: f.services,
    transfers: f.transfers,
    avgWaitSeconds: f.waitN > 0 ? f.waitSumSeconds / f.waitN : null,
    p90WaitSeconds: histogramPercentile(f.waitHist, 90),
    avgHandleSeconds: f.handleN > 0 ? f.handleSumSeconds / f.handleN : null,
    p90HandleSeconds: histogramPercentile(f.handleHist, 90),
    rated: f.rated,
    lapsed: f.lapsed,
    levels,
    byChannel,
    satisfactionRate: f.rated > 0 ? satisfied / f.rated : null,
    bad: levels.dissatisfied + levels['very-dissatisfied'],
    followUps,
  };
}
