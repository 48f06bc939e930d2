// ★ What-if for the director: a past hall-day's arrivals replayed through the real core with the
// day's own plan and with a changed one (core applyPlanChanges), waits side by side per category
// and per hour of the day. Seconds of CPU for a day; nothing is written.
import type { Database } from 'better-sqlite3';
import { applyPlanChanges, dayArrivals, Hall, hallLocalTime, simulateDay, type HallConfig, type NameTranslations, type PlanChange, type PlanProblem } from '@hallkit/core';
import type { HallLog } from '../hall/HallLog.ts';

export interface WaitFigures {
  tickets: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
}
export interface WhatIfResult {
  v: 1;
  day: string;
  /** Codes with their figures; the console words them in its language. */
  problems: PlanProblem[];
  asPlanned: WaitFigures;
  whatIf: WaitFigures;
  /** `i18n`: the category's 繁體/English, for the console to name it in its language. */
  byCategory: { categoryId: string; name: string; i18n?: NameTranslations; asPlanned: WaitFigures; whatIf: WaitFigures }[];
  byHour: { hour: number; asPlanned: WaitFigures; whatIf: WaitFigures }[];
}

const i18nOf = (named: { i18n?: NameTranslations | undefined } | undefined) => (named?.i18n ? { i18n: named.i18n } : {});

function figures(waits: number[]): WaitFigures {
  const s = [...waits].sort((a, b) => a - b);
  return { tickets: s.length, avgWaitSeconds: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null, p90WaitSeconds: s.length ? (s[Math.ceil(0.9 * s.length) - 1] ?? null) : null };
}

export function runWhatIf(db: Database, log: HallLog, config: HallConfig, day: string, changes: PlanChange[]): WhatIfResult | undefined {
  const row = db.prepare('SELECT first_n, close_n FROM hall_days WHERE day = ?').get(day) as { first_n: number; close_n: number } | undefined;
  if (!row) return undefined;
  const { arrivals, shifts } = dayArrivals(log.between(row.first_n - 1, row.close_n));
  const tz = config.catalog.hall.timeZone;
  const midnight = Date.parse(`${day}T00:00:00Z`) - (hallLocalTime(`${day}T12:00:00Z`, tz).minuteOfDay - 720) * 60_000;
  const plan = applyPlanChanges(config, shifts, changes, midnight);
  const run = (cfg: HallConfig, sh: typeof shifts) => {
    const h = new Hall(cfg);
    const ids = simulateDay(h, arrivals, sh, { withoutRatings: true });
    return ids.map((id) => {
      const t = h.state.tickets.get(id);
      const called = t?.services[0]?.calledAt ?? t?.calledAt;
      return called && t ? (Date.parse(called) - Date.parse(t.issuedAt)) / 1000 : undefined;
    });
  };
  const base = run(config, shifts);
  const changed = run(plan.config, plan.shifts);
  const pick = (w: (number | undefined)[], keep: (i: number) => boolean) => w.filter((x, i): x is number => x !== undefined && keep(i));
  const cats = [...new Set(arrivals.map((a) => a.categoryId))];
  const hours = [...new Set(arrivals.map((a) => Math.floor(hallLocalTime(a.at, tz).minuteOfDay / 60)))].sort((a, b) => a - b);
  const hourOf = arrivals.map((a) => Math.floor(hallLocalTime(a.at, tz).minuteOfDay / 60));
  return {
    v: 1,
    day,
    problems: plan.problems,
    asPlanned: figures(pick(base, () => true)),
    whatIf: figures(pick(changed, () => true)),
    byCategory: cats.map((c) => ({
      categoryId: c,
      name: config.catalog.categories.find((x) => x.id === c)?.name ?? c,
      ...i18nOf(config.catalog.categories.find((x) => x.id === c)),
      asPlanned: figures(pick(base, (i) => arrivals[i]?.categoryId === c)),
      whatIf: figures(pick(changed, (i) => arrivals[i]?.categoryId === c)),
    })),
    byHour: hours.map((h) => ({ hour: h, asPlanned: figures(pick(base, (i) => hourOf[i] === h)), whatIf: figures(pick(changed, (i) => hourOf[i] === h)) })),
  };
}
