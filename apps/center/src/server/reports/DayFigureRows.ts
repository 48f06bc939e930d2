// How a closed day's report figures are stored and added up (table report_day_figures, history
// migration 4): one row per day × dimension × key, the additive counts as columns that SQLite sums
// itself (GROUP BY), and everything keyed — the wait and handling histograms, tickets by source,
// ratings by channel × level — as one compact blob of (slot, count) pairs added in JS into one dense
// array per group. A month by window is one GROUP BY plus one pass over small blobs — no JSON document
// per row to parse and merge key by key (which cost 10–300× the plain aggregate). Durations are summed
// as integer milliseconds, so a sum does not depend on the order it was added in. Counts are signed
// (int32): a row that takes back a rating upheld on appeal carries −1 at its level (the values
// written before were all far below 2³¹, so they read the same).
import type { Database, Statement } from 'better-sqlite3';
import {
  HISTOGRAM_BUCKETS,
  emptyFigures,
  type DayFigures,
  type DurationHistogram,
  type EvaluationChannel,
  type EvaluationLevel,
  type ReportDimension,
  type TicketSource,
} from '@hallkit/core';

/** The columns of report_day_figures after (range_day, day, dim, key), in insert order. */
export const FIGURE_COLUMNS = ['issued', 'served', 'no_show', 'cancelled', 'ended_at_close', 'services', 'transfers', 'wait_n', 'wait_ms', 'handle_n', 'handle_ms', 'rated', 'lapsed', 'counts'] as const;
const SUMMED = FIGURE_COLUMNS.slice(0, 13);

export const INSERT_FIGURES_SQL = `INSERT INTO report_day_figures (range_day, day, dim, key, ${FIGURE_COLUMNS.join(', ')}) VALUES (${Array(4 + FIGURE_COLUMNS.length).fill('?').join(', ')})`;

// Slots of the counts blob. Stored: never renumber; a new source, channel or level is appended to its
// list (the lists are written out, not taken from core's, whose order may change).
const WAIT = 0;
const HANDLE = 1000;
const SOURCE = 2000;
const LEVEL = 3000;
const APPEAL_UPHELD = 5000;
const SOURCES: readonly TicketSource[] = ['on-site', 'id-card', 'appointment', 'remote'];
const CHANNELS: readonly EvaluationChannel[] = ['web', 'mobile', 'qr-code', 'hall-pad', 'hall-terminal', 'hotline', 'sms'];
const LEVELS: readonly EvaluationLevel[] = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'];
const SOURCE_SLOT = new Map(SOURCES.map((s, i) => [s, SOURCE + i]));
const CHANNEL_INDEX = new Map(CHANNELS.map((c, i) => [c, i]));
const LEVEL_INDEX = new Map(LEVELS.map((l, i) => [l, i]));
const LEVEL_STRIDE = 16;
// Dense layout for adding up: waits, handlings, sources, channel × level.
const D_HANDLE = HISTOGRAM_BUCKETS;
const D_SOURCE = 2 * HISTOGRAM_BUCKETS;
const D_LEVEL = D_SOURCE + SOURCES.length;
const D_APPEAL_UPHELD = D_LEVEL + CHANNELS.length * LEVEL_STRIDE;
const DENSE = D_APPEAL_UPHELD + 1;
const denseIndex = (slot: number): number =>
  slot < HANDLE ? slot : slot < SOURCE ? D_HANDLE + slot - HANDLE : slot < LEVEL ? D_SOURCE + slot - SOURCE : slot < APPEAL_UPHELD ? D_LEVEL + slot - LEVEL : D_APPEAL_UPHELD;

/** A day's figures as the values of FIGURE_COLUMNS. */
export function figureValues(f: DayFigures): (number | Buffer | null)[] {
  const pairs: number[] = [];
  const put = (slot: number, n: number | undefined) => {
    if (n) pairs.push(slot, n);
  };
  for (const [b, n] of Object.entries(f.waitHist)) put(WAIT + Number(b), n);
  for (const [b, n] of Object.entries(f.handleHist)) put(HANDLE + Number(b), n);
  for (const [src, n] of Object.entries(f.bySource)) put(known(SOURCE_SLOT.get(src as TicketSource), 'ticket source', src), n);
  for (const [ch, byLevel] of Object.entries(f.levels))
    for (const [l, n] of Object.entries(byLevel ?? {}))
      put(LEVEL + known(CHANNEL_INDEX.get(ch as EvaluationChannel), 'channel', ch) * LEVEL_STRIDE + known(LEVEL_INDEX.get(l as EvaluationLevel), 'level', l), n);
  put(APPEAL_UPHELD, f.appealUpheld);
  const counts = pairs.length > 0 ? Buffer.alloc(pairs.length * 4) : null;
  pairs.forEach((v, i) => counts?.writeInt32LE(v, i * 4));
  return [f.issued, f.served, f.noShow, f.cancelled, f.endedAtClose, f.services, f.transfers, f.waitN, Math.round(f.waitSumSeconds * 1000), f.handleN, Math.round(f.handleSumSeconds * 1000), f.rated, f.lapsed, counts];
}

function known(slot: number | undefined, what: string, name: string): number {
  if (slot === undefined) throw new Error(`report figures: no slot for ${what} ${name} (append it in DayFigureRows.ts)`);
  return slot;
}

/** Ratings in a counts blob: [satisfied-or-not level, count] for each channel × level (the pad's month). */
export function levelCounts(counts: Buffer | null): [EvaluationLevel, number][] {
  const out: [EvaluationLevel, number][] = [];
  if (!counts) return out;
  for (let i = 0; i < counts.length; i += 8) {
    const slot = counts.readInt32LE(i);
    if (slot >= LEVEL && slot < APPEAL_UPHELD) out.push([LEVELS[(slot - LEVEL) % LEVEL_STRIDE]!, counts.readInt32LE(i + 4)]);
  }
  return out;
}

function addCounts(dense: Float64Array, counts: Buffer | null): void {
  if (!counts) return;
  for (let i = 0; i < counts.length; i += 8) dense[denseIndex(counts.readInt32LE(i))]! += counts.readInt32LE(i + 4);
}

function fromDense(f: DayFigures, d: Float64Array): void {
  const hist = (offset: number): DurationHistogram => {
    const h: DurationHistogram = {};
    for (let b = 0; b < HISTOGRAM_BUCKETS; b++) if (d[offset + b]! > 0) h[b] = d[offset + b]!;
    return h;
  };
  f.waitHist = hist(0);
  f.handleHist = hist(D_HANDLE);
  SOURCES.forEach((src, i) => {
    if (d[D_SOURCE + i]! > 0) f.bySource[src] = d[D_SOURCE + i]!;
  });
  CHANNELS.forEach((ch, c) =>
    LEVELS.forEach((l, i) => {
      const n = d[D_LEVEL + c * LEVEL_STRIDE + i]!;
      if (n !== 0) (f.levels[ch] ??= {})[l] = n;
    }),
  );
  f.appealUpheld = d[D_APPEAL_UPHELD]!;
}

/** What the rows of a range are added up by: the key, or the day / ISO week (its Monday) / month. */
export type FigureGroup = 'key' | 'day' | 'week' | 'month';

const GROUP_SQL: Record<FigureGroup, string> = {
  key: 'f.key',
  day: 'f.day',
  month: 'substr(f.day, 1, 7)',
  week: "date(f.day, '-' || ((CAST(strftime('%w', f.day) AS INTEGER) + 6) % 7) || ' days')",
};

interface GroupStatements {
  scalars: Statement;
  counts: Statement;
}

export class FigureSums {
  private readonly statements = new Map<FigureGroup, GroupStatements>();

  constructor(private readonly db: Database) {}

  /** The figures of one dimension's rows with `from` ≤ day ≤ `to`, added up per group. */
  sums(dim: ReportDimension, from: string, to: string, group: FigureGroup): Map<string, DayFigures> {
    const s = this.prepared(group);
    const out = new Map<string, DayFigures>();
    const at = (g: string) => out.get(g) ?? out.set(g, emptyFigures()).get(g)!;
    for (const r of s.scalars.iterate(dim, from, to) as IterableIterator<[string, ...number[]]>) {
      const f = at(r[0]);
      const n = (i: number): number => (r[i] as number | undefined) ?? 0;
      Object.assign(f, {
        issued: n(1),
        served: n(2),
        noShow: n(3),
        cancelled: n(4),
        endedAtClose: n(5),
        services: n(6),
        transfers: n(7),
        waitN: n(8),
        waitSumSeconds: n(9) / 1000,
        handleN: n(10),
        handleSumSeconds: n(11) / 1000,
        rated: n(12),
        lapsed: n(13),
      });
    }
    const dense = new Map<string, Float64Array>();
    for (const [g, counts] of s.counts.iterate(dim, from, to) as IterableIterator<[string, Buffer | null]>) {
      addCounts(dense.get(g) ?? dense.set(g, new Float64Array(DENSE)).get(g)!, counts);
    }
    for (const [g, d] of dense) fromDense(at(g), d);
    return out;
  }

  private prepared(group: FigureGroup): GroupStatements {
    const cached = this.statements.get(group);
    if (cached) return cached;
    const g = GROUP_SQL[group];
    const where = 'f.dim = ? AND f.day BETWEEN ? AND ?';
    const sums = SUMMED.map((c) => `sum(f.${c})`).join(', ');
    const made: GroupStatements = {
      scalars: this.db.prepare(`SELECT ${g} AS g, ${sums} FROM report_day_figures f WHERE ${where} GROUP BY g`).raw(),
      counts: this.db.prepare(`SELECT ${g} AS g, f.counts FROM report_day_figures f WHERE ${where} AND f.counts IS NOT NULL`).raw(),
    };
    this.statements.set(group, made);
    return made;
  }
}
