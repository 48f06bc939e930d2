import type { EventOf } from '../events/HallEvent.ts';
import type { HallState } from '../hall/HallState.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import { isVoided } from '../followup/FollowUpCase.ts';

const DAY_MS = 86_400_000;

/**
 * Applies a day's close: its open tickets end, then the hall forgets what only that day needed, so
 * the state holds today plus what outlives the day — and no more:
 * - a finished service whose rating may still come (补充评价 within `laterRatingDays`, not yet
 *   given) keeps its ticket, so a late pad rating or a phone rating is checked as on the day;
 * - an open 差评 follow-up keeps its case and its evaluation until it is closed, however long;
 * - the learned handling times and the windows' calling rounds.
 * Everything is decided from the event (its `at`) and the config, so a replay forgets the same.
 */
export function forgetClosedDay(s: HallState, e: EventOf<'HallDayClosed'>): void {
  for (const id of e.ended) {
    const t = s.tickets.get(id);
    if (!t) continue;
    if (t.status === 'waiting') s.lines.remove(t);
    t.status = e.endedAs;
    t.targetWindowId = undefined;
    if (e.endedAs === 'no-show') t.noShowAt = e.at;
  }
  s.closedThrough = e.day;

  const ratingsOpenAfter = Date.parse(e.at) - s.config.evaluation.laterRatingDays * DAY_MS;
  const keepEvaluations = new Set<string>();
  for (const [caseId, c] of s.followUps) {
    // An upheld 申诉 ends the case as closing does: it would otherwise stay open in memory for ever.
    if (c.state === 'closed' || isVoided(c)) s.followUps.delete(caseId);
    else keepEvaluations.add(c.evaluationId);
  }
  for (const id of s.evaluations.keys()) if (!keepEvaluations.has(id)) s.evaluations.delete(id);

  for (const [id, t] of s.tickets) {
    if (t.day > e.day || mayStillBeRated(s, t, ratingsOpenAfter)) continue;
    s.tickets.delete(id);
    for (const svc of t.services) {
      s.ratings.delete(svc.serviceId);
      s.pendingRatings.delete(svc.serviceId);
    }
  }
  for (const key of s.numbering.keys()) if (key.slice(0, 10) <= e.day) s.numbering.delete(key);
  s.recentCalls.length = 0;
  s.lastCalledByCategory.clear();
}

function mayStillBeRated(s: HallState, t: Ticket, openAfter: number): boolean {
  return t.services.some((svc) => {
    const r = s.ratings.get(svc.serviceId);
    return r !== undefined && r.state !== 'given' && Date.parse(r.finishedAt) > openAfter;
  });
}
