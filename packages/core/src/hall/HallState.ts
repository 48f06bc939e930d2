import type { QueueCategory, ServiceItem } from '../catalog/Catalog.ts';
import type { PriorityClass } from '../calling/CallingRule.ts';
import type { Staff } from '../events/HallEvent.ts';
import type { ActiveAssignment } from '../staffing/WindowAssignment.ts';
import type { EvaluationChannel } from '../evaluation/channels.ts';
import type { EvaluationLevel } from '../evaluation/levels.ts';
import type { FollowUpCase } from '../followup/FollowUpCase.ts';
import type { NumberBlock } from '../numbering/NumberBlock.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import type { HallConfig, ServiceWindow } from './HallConfig.ts';
import { WaitingLines } from './WaitingLine.ts';

export type WindowStatus = 'closed' | 'open' | 'paused';

export interface WindowState {
  config: ServiceWindow;
  status: WindowStatus;
  staff: Staff | undefined;
  pauseReason: string | undefined;
  currentTicketId: string | undefined;
  /** Calls made in the current interleave round (see CallingRule). */
  round: { priority: number; normal: number };
  /** 调流 for today: categories and rule over the hall definition's (staffing/WindowAssignment.ts). */
  assignment?: ActiveAssignment | undefined;
}

export interface Evaluation {
  evaluationId: string;
  serviceId: string;
  ticketId: string;
  level: EvaluationLevel;
  reasons: string[];
  comment: string | undefined;
  channel: EvaluationChannel;
  windowId: string;
  staffId: string;
  itemId: string | undefined;
  at: string;
}

/** Whether a service still waits for its rating, got one, or ran out of time at the window. */
export interface ServiceRating {
  serviceId: string;
  ticketId: string;
  finishedAt: string;
  state: 'pending' | 'given' | 'lapsed';
  evaluationId: string | undefined;
  /** Who recorded the lapse: the window's pad (final) or the center's sweep (a late in-time pad rating still counts). */
  lapsedBy?: 'pad' | 'center';
}

export interface CallRecord {
  ticketId: string;
  number: string;
  categoryId: string;
  windowId: string;
  windowNumber: number;
  at: string;
  recall: boolean;
  priority?: PriorityClass;
}

export interface NumberingDay {
  /** The next sequence number not yet leased for this (day, category). */
  nextFrom: number;
  blocks: NumberBlock[];
  used: Set<number>;
}

export interface HallState {
  config: HallConfig;
  categories: Map<string, QueueCategory>;
  items: Map<string, ServiceItem>;
  windows: Map<string, WindowState>;
  tickets: Map<string, Ticket>;
  lines: WaitingLines;
  /** Key `day/categoryId`. */
  numbering: Map<string, NumberingDay>;
  ratings: Map<string, ServiceRating>;
  /** Service ids whose rating is still pending, oldest finish first: what the center's sweep looks at. */
  pendingRatings: Set<string>;
  evaluations: Map<string, Evaluation>;
  followUps: Map<string, FollowUpCase>;
  /** Smoothed handling seconds per category, learned from finished services. */
  handlingSeconds: Map<string, number>;
  /** Newest first, capped: what a call board's "recent calls" list shows. */
  recentCalls: CallRecord[];
  lastCalledByCategory: Map<string, CallRecord>;
  eventCount: number;
  /** The last hall-day closed (`YYYY-MM-DD`): it and every day before it are history, not state. */
  closedThrough: string | undefined;
  /** Windows with a 调流 assignment, so a new day's first event lapses them cheaply. */
  assignedWindows: Set<string>;
}

export const RECENT_CALLS_KEPT = 20;

export function createHallState(config: HallConfig): HallState {
  const windows = new Map<string, WindowState>();
  for (const w of config.windows) {
    windows.set(w.id, {
      config: w,
      status: 'closed',
      staff: undefined,
      pauseReason: undefined,
      currentTicketId: undefined,
      round: { priority: 0, normal: 0 },
    });
  }
  return {
    config,
    categories: new Map(config.catalog.categories.map((c) => [c.id, c])),
    items: new Map(config.catalog.items.map((i) => [i.id, i])),
    windows,
    tickets: new Map(),
    lines: new WaitingLines(),
    numbering: new Map(),
    ratings: new Map(),
    pendingRatings: new Set(),
    evaluations: new Map(),
    followUps: new Map(),
    handlingSeconds: new Map(config.catalog.categories.map((c) => [c.id, c.averageHandlingSeconds])),
    recentCalls: [],
    lastCalledByCategory: new Map(),
    eventCount: 0,
    closedThrough: undefined,
    assignedWindows: new Set(),
  };
}

export function numberingKey(day: string, categoryId: string): string {
  return `${day}/${categoryId}`;
}
