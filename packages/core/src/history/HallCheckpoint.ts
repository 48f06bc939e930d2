import type { FollowUpCase } from '../followup/FollowUpCase.ts';
import type { Evaluation, HallState, ServiceRating } from '../hall/HallState.ts';
import type { NumberBlock } from '../numbering/NumberBlock.ts';
import type { Ticket } from '../tickets/Ticket.ts';

/**
 * What a hall holds right after a day closed — the part that outlives the day (see
 * forgetClosedDay) — as plain JSON. The center stores one with each HallDayClosed and starts from
 * the newest, replaying only the events after it: start-up costs at most one day's replay however
 * long the hall has run. At a close every window is closed and no one of a closed day waits, so lines
 * (rebuilt from the tickets) and calls are not part of it.
 */
export interface HallCheckpoint {
  v: 1;
  closedThrough: string;
  eventCount: number;
  tickets: Ticket[];
  ratings: ServiceRating[];
  /** In the hall's order (oldest finish first), which is what the sweep walks. */
  pendingRatings: string[];
  evaluations: Evaluation[];
  followUps: FollowUpCase[];
  handlingSeconds: [string, number][];
  windowRounds: [string, { priority: number; normal: number }][];
  /** Only of days after the closed one (a close made late, after the next day began). */
  numbering: [string, { nextFrom: number; blocks: NumberBlock[]; used: number[] }][];
}

export function takeCheckpoint(s: HallState): HallCheckpoint {
  if (s.closedThrough === undefined) throw new Error('a checkpoint is taken when a day closes');
  for (const w of s.windows.values())
    if (w.status !== 'closed' || w.currentTicketId !== undefined) throw new Error(`window ${w.config.id} is not closed at the checkpoint`);
  return {
    v: 1,
    closedThrough: s.closedThrough,
    eventCount: s.eventCount,
    tickets: [...s.tickets.values()],
    ratings: [...s.ratings.values()],
    pendingRatings: [...s.pendingRatings],
    evaluations: [...s.evaluations.values()],
    followUps: [...s.followUps.values()],
    handlingSeconds: [...s.handlingSeconds],
    windowRounds: [...s.windows].map(([id, w]) => [id, { ...w.round }]),
    numbering: [...s.numbering].map(([key, n]) => [key, { nextFrom: n.nextFrom, blocks: n.blocks, used: [...n.used] }]),
  };
}

/** Fills a fresh state (of the current config) from a checkpoint. */
export function restoreCheckpoint(s: HallState, cp: HallCheckpoint): void {
  if (cp.v !== 1) throw new Error(`checkpoint version ${String(cp.v)} is not known`);
  s.closedThrough = cp.closedThrough;
  s.eventCount = cp.eventCount;
  for (const t of cp.tickets) {
    s.tickets.set(t.id, t);
    // Tickets of a day that began before a late close still wait in line.
    if (t.status === 'waiting') s.lines.add(t);
  }
  for (const [key, n] of cp.numbering) s.numbering.set(key, { nextFrom: n.nextFrom, blocks: n.blocks, used: new Set(n.used) });
  for (const r of cp.ratings) s.ratings.set(r.serviceId, r);
  for (const id of cp.pendingRatings) s.pendingRatings.add(id);
  for (const e of cp.evaluations) s.evaluations.set(e.evaluationId, e);
  for (const c of cp.followUps) s.followUps.set(c.caseId, c);
  for (const [cat, sec] of cp.handlingSeconds) if (s.handlingSeconds.has(cat)) s.handlingSeconds.set(cat, sec);
  for (const [id, round] of cp.windowRounds) {
    const w = s.windows.get(id);
    if (w) w.round = { ...round };
  }
}
