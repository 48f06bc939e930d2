// Reports for the director's office: any date range, by day/week/month, per hall, zone, category,
// window, staff or item — from the stored per-day figures (DayArchive) plus today's so far, computed
// from today's stretch of the log. Percentiles come from the merged duration histograms. A 差评 upheld
// on appeal (申诉成立) is out of the ratings, satisfaction and 差评 of its day and counted as
// appealUpheld — also when the appeal was decided today on a rating of a closed day.
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
  type DayFigures,
  type EvaluationChannel,
  type EvaluationLevel,
  type FollowUpFact,
  type ReportDimension,
  type ScreenLanguage,
  type TicketSource,
} from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import type { ReportLabels } from './ReportLabels.ts';
import { reportWords } from './reportWords.ts';
import { FigureSums } from './DayFigureRows.ts';
import { storedRating } from './DayArchive.ts';
import { addFollowUps, emptyFollowUps, followUpFigures, followUpKey, FollowUpSums, type FollowUpFigures } from './FollowUpSums.ts';

export type ReportPeriod = 'day' | 'week' | 'month';

export type { FollowUpFigures } from './FollowUpSums.ts';

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
  /** 差评 upheld on appeal (申诉成立): not in rated, levels, satisfaction nor bad. */
  appealUpheld: number;
  followUps: FollowUpFigures;
}

export interface Report {
  v: 1;
  from: string;
  to: string;
  dim: ReportDimension;
  period: ReportPeriod;
  /** The language the rows, the total and the alarms are named in (the console's). */
  lang: ScreenLanguage;
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

// One collator a language: localeCompare with a locale builds one per call (most of a 400-window report's time).
const collators = new Map<ScreenLanguage, Intl.Collator>();
const collator = (lang: ScreenLanguage) => collators.get(lang) ?? collators.set(lang, new Intl.Collator(lang)).get(lang)!;

/** The Monday of a day's ISO week. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export class ReportQuery {
  private readonly sums: FigureSums;
  private readonly followUps: FollowUpSums;

  constructor(
    private readonly db: Database,
    private readonly hall: HallService,
    private readonly labels: ReportLabels,
    private readonly now: () => Date,
  ) {
    this.sums = new FigureSums(db);
    this.followUps = new FollowUpSums(db);
  }

  report(from: string, to: string, dim: ReportDimension, period: ReportPeriod = 'day', lang: ScreenLanguage = 'zh-CN'): Report {
    const tz = this.hall.config.catalog.hall.timeZone;
    const today = hallDay(this.now(), tz);
    // Closed days: summed in SQLite per key and per period (DayFigureRows); today: from today's log.
    const byKey = dim === 'hall' ? new Map<string, DayFigures>() : this.sums.sums(dim, from, to, 'key');
    const bySeries = this.sums.sums('hall', from, to, period);
    const total = emptyFigures();
    for (const f of bySeries.values()) addFigures(total, f);
    const includesToday = today >= from && today <= to && this.hall.state.closedThrough !== today;
    const since = this.hall.checkpoints.latestRow();
    // An appeal upheld today changes the day its rating was given on, which may be in a past range.
    const upheldToday = !includesToday && from < today && this.decidedAppealSince(since);
    let liveFollowUps: FollowUpFact[] = [];
    if (includesToday || upheldToday) {
      const live = dayFacts(this.hall.config, this.hall.log.between(since, Number.MAX_SAFE_INTEGER), storedRating(this.db, this.hall.log, () => this.hall.config));
      for (const f of live.rows) {
        if (f.day < from || f.day > to) continue;
        if (f.dim === 'hall') {
          addFigures(total, f.figures);
          const p = period === 'day' ? f.day : period === 'week' ? weekOf(f.day) : f.day.slice(0, 7);
          addFigures(bySeries.get(p) ?? bySeries.set(p, emptyFigures()).get(p)!, f.figures);
        } else if (f.dim === dim) addFigures(byKey.get(f.key) ?? byKey.set(f.key, emptyFigures()).get(f.key)!, f.figures);
      }
      liveFollowUps = live.followUps;
    }
    // 差评 follow-ups: the stored cases counted by SQLite; those today's log adds to (a case opened
    // today, or an older one stepped or appealed today) one by one, with what is stored of them.
    const liveIds = liveFollowUps.map((f) => f.caseId);
    const stored = this.followUps.cases(liveIds, from, to);
    const storedIds = new Set(stored.map((f) => f.caseId));
    const openedInRange = (f: FollowUpFact) => f.openedAt !== undefined && hallDay(f.openedAt, tz) >= from && hallDay(f.openedAt, tz) <= to;
    const merged = mergeFollowUps(stored, liveFollowUps.filter((f) => storedIds.has(f.caseId) || openedInRange(f)));
    const fuByKey = this.followUps.figures(dim, from, to, today, liveIds);
    // Every case has exactly one key (or ''): the hall's total is the keys' sum, not a second pass.
    const fuTotal = emptyFollowUps();
    for (const f of fuByKey.values()) addFollowUps(fuTotal, f);
    addFollowUps(fuTotal, followUpFigures(merged, today, tz));
    const liveByKey = new Map<string, FollowUpFact[]>();
    for (const f of merged) (liveByKey.get(followUpKey(dim, f)) ?? liveByKey.set(followUpKey(dim, f), []).get(followUpKey(dim, f))!).push(f);
    for (const [k, cases] of liveByKey) fuByKey.set(k, addFollowUps(fuByKey.get(k) ?? emptyFollowUps(), followUpFigures(cases, today, tz)));
    if (dim !== 'hall') for (const k of fuByKey.keys()) if (!byKey.has(k)) byKey.set(k, emptyFigures());

    const byLabel = collator(lang);
    const rows = [...byKey.entries()]
      .map(([key, fig]) => toRow(key, this.labels.label(dim, key, lang), fig, fuByKey.get(key) ?? emptyFollowUps()))
      .sort((a, b) => b.issued - a.issued || b.services - a.services || byLabel.compare(a.label, b.label));
    const series = [...bySeries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, fig]) => ({ period: p, ...toRow('', p, fig, emptyFollowUps()) }));
    return {
      v: 1,
      from,
      to,
      dim,
      period,
      lang,
      timeZone: tz,
      includesToday,
      total: toRow('', reportWords(lang).total, total, fuTotal),
      rows: dim === 'hall' ? [] : rows,
      series,
      alarms: alarmReport(this.db, from, to, this.now().getTime(), (d, k) => this.labels.label(d, k, lang), reportWords(lang).alarmKinds),
    };
  }

  /** Whether an appeal was decided after log row `n` (one probe of the index by type). */
  private decidedAppealSince(n: number): boolean {
    return this.db.prepare("SELECT 1 FROM hall_events WHERE type = 'EvaluationAppealDecided' AND n > ? LIMIT 1").get(n) !== undefined;
  }
}

/** Stored cases, updated by what today's stretch of the log says about them. */
function mergeFollowUps(stored: FollowUpFact[], live: FollowUpFact[]): FollowUpFact[] {
  const m = new Map(stored.map((f) => [f.caseId, { ...f }]));
  for (const f of live) m.set(f.caseId, { ...m.get(f.caseId), ...f });
  return [...m.values()];
}

export function toRow(key: string, label: string, f: DayFigures, followUps: FollowUpFigures): ReportRow {
  const levels = Object.fromEntries(EVALUATION_LEVELS.map((l) => [l, 0])) as Record<EvaluationLevel, number>;
  const byChannel: ReportRow['byChannel'] = {};
  let satisfied = 0;
  for (const [ch, byLevel] of Object.entries(f.levels) as [EvaluationChannel, Partial<Record<EvaluationLevel, number>>][]) {
    // A channel whose only ratings were taken back on appeal has none left.
    if (Object.values(byLevel).every((n) => !n)) continue;
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
    appealUpheld: f.appealUpheld,
    followUps,
  };
}
