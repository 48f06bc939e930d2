import type { EvaluationChannel } from '../evaluation/channels.ts';
import type { EvaluationLevel } from '../evaluation/levels.ts';
import type { TicketSource } from '../tickets/Ticket.ts';
import type { DurationHistogram } from './durationBuckets.ts';

/** What a report can be broken down by; `hall` is the whole hall (key ''). */
export const REPORT_DIMENSIONS = ['hall', 'zone', 'category', 'window', 'staff', 'item'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/**
 * Additive figures of one day for one value of one dimension (the whole hall, zone A, window 12,
 * staff YT0501 …). Every field adds up across days and rows; the histograms add bucket by bucket.
 * - tickets (issued, bySource, served, noShow, cancelled, endedAtClose, waits) count on the ticket's
 *   day, under the window and staff that first called it;
 * - services (services, transfers, handling) count on the day they ended, where they were done;
 * - ratings count on the day they were given or lapsed, under the service they rate.
 */
export interface DayFigures {
  issued: number;
  bySource: Partial<Record<TicketSource, number>>;
  served: number;
  noShow: number;
  cancelled: number;
  /** Ended by the day's close (still waiting or held at closing). */
  endedAtClose: number;
  services: number;
  transfers: number;
  waitN: number;
  waitSumSeconds: number;
  waitHist: DurationHistogram;
  handleN: number;
  handleSumSeconds: number;
  handleHist: DurationHistogram;
  rated: number;
  lapsed: number;
  /** Per channel, the count of each level (a 差评 whose 申诉 was upheld no longer counts here nor in `rated`). */
  levels: Partial<Record<EvaluationChannel, Partial<Record<EvaluationLevel, number>>>>;
  /** Ratings of the day taken out of the figures by an upheld 申诉 (申诉成立), whenever it was decided. */
  appealUpheld: number;
}

export interface DayFactRow {
  day: string;
  dim: ReportDimension;
  key: string;
  figures: DayFigures;
}

/** One 差评 follow-up case as far as a stretch of the log tells it (later stretches fill the rest). */
export interface FollowUpFact {
  caseId: string;
  openedAt?: string;
  deadline?: string;
  windowId?: string;
  staffId?: string;
  zoneId?: string;
  categoryId?: string;
  itemId?: string;
  state?: 'open' | 'contacted' | 'rectified' | 'closed';
  contactedAt?: string;
  rectifiedAt?: string;
  closedAt?: string;
  note?: string;
  /** The rating the case is about, counted where and as this says (an upheld 申诉 takes it back out). */
  rating?: RatingCounted;
  appeal?: 'filed' | 'upheld' | 'rejected';
}

/** Where and how a rating was counted: its day and the keys of each dimension, its channel and level. */
export interface RatingCounted {
  day: string;
  channel: EvaluationChannel;
  level: EvaluationLevel;
  windowId: string;
  staffId: string;
  /** Absent when the service rated was done before the rating's stretch (then no category counts it). */
  categoryId?: string;
  itemId?: string;
}

export function emptyFigures(): DayFigures {
  return {
    issued: 0,
    bySource: {},
    served: 0,
    noShow: 0,
    cancelled: 0,
    endedAtClose: 0,
    services: 0,
    transfers: 0,
    waitN: 0,
    waitSumSeconds: 0,
    waitHist: {},
    handleN: 0,
    handleSumSeconds: 0,
    handleHist: {},
    rated: 0,
    lapsed: 0,
    levels: {},
    appealUpheld: 0,
  };
}

/** Adds `b` into `a` (every figure is additive). */
export function addFigures(a: DayFigures, b: DayFigures): DayFigures {
  a.issued += b.issued;
  for (const [s, n] of Object.entries(b.bySource) as [TicketSource, number][]) a.bySource[s] = (a.bySource[s] ?? 0) + n;
  a.served += b.served;
  a.noShow += b.noShow;
  a.cancelled += b.cancelled;
  a.endedAtClose += b.endedAtClose;
  a.services += b.services;
  a.transfers += b.transfers;
  a.waitN += b.waitN;
  a.waitSumSeconds += b.waitSumSeconds;
  a.handleN += b.handleN;
  a.handleSumSeconds += b.handleSumSeconds;
  for (const [k, n] of Object.entries(b.waitHist)) a.waitHist[Number(k)] = (a.waitHist[Number(k)] ?? 0) + n;
  for (const [k, n] of Object.entries(b.handleHist)) a.handleHist[Number(k)] = (a.handleHist[Number(k)] ?? 0) + n;
  a.rated += b.rated;
  a.lapsed += b.lapsed;
  a.appealUpheld += b.appealUpheld;
  for (const [ch, levels] of Object.entries(b.levels) as [EvaluationChannel, Partial<Record<EvaluationLevel, number>>][]) {
    const into = (a.levels[ch] ??= {});
    for (const [l, n] of Object.entries(levels) as [EvaluationLevel, number][]) into[l] = (into[l] ?? 0) + n;
  }
  return a;
}
