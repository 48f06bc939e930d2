import { refuse } from '../DomainError.ts';
import type { EventOf } from '../events/HallEvent.ts';
import { refuseIfDayClosed } from '../dayClose/closedDayRefusal.ts';
import type { HallState } from '../hall/HallState.ts';
import { hallLocalTime } from '../time/hallDay.ts';
import { addWorkingDays } from '../time/workingDays.ts';
import type { EvaluationChannel } from './channels.ts';
import type { EvaluationLevel } from './levels.ts';
import { centerLapseDueAt } from './ratingWindow.ts';

export interface EvaluateCommand {
  evaluationId: string;
  serviceId: string;
  level: EvaluationLevel;
  reasons: string[];
  comment?: string;
  channel: EvaluationChannel;
  at: string;
}

/** The rating of one finished service, copied from who served it (the rating belongs to them). */
export function evaluationGivenEvent(s: HallState, cmd: EvaluateCommand): EventOf<'EvaluationGiven'> {
  refuseIfDayClosed(s, cmd.serviceId);
  const rating = s.ratings.get(cmd.serviceId);
  if (!rating) refuse('unknown-service', `no finished service ${cmd.serviceId}`);
  const t = s.tickets.get(rating.ticketId) ?? refuse('unknown-ticket', `no ticket ${rating.ticketId}`);
  const svc = t.services.find((x) => x.serviceId === cmd.serviceId);
  if (!svc) refuse('unknown-service', `no finished service ${cmd.serviceId}`);
  return {
    type: 'EvaluationGiven',
    v: 1,
    at: cmd.at,
    evaluationId: cmd.evaluationId,
    serviceId: cmd.serviceId,
    ticketId: t.id,
    level: cmd.level,
    reasons: cmd.reasons,
    ...(cmd.comment ? { comment: cmd.comment } : {}),
    channel: cmd.channel,
    windowId: svc.windowId,
    staffId: svc.staffId,
    ...(svc.itemId !== undefined ? { itemId: svc.itemId } : {}),
  };
}

/** The follow-up case a 差评 opens, with its deadline in the region's working days. */
export function followUpOpenedEvent(s: HallState, evaluationId: string, at: string): EventOf<'FollowUpOpened'> {
  const cfg = s.config;
  const day = hallLocalTime(at, cfg.catalog.hall.timeZone).day;
  return {
    type: 'FollowUpOpened',
    v: 1,
    at,
    caseId: `fu/${evaluationId}`,
    evaluationId,
    deadline: addWorkingDays(day, cfg.evaluation.followUpWorkingDays, cfg.calendar),
  };
}

/** 超时未评: every service still pending after its window's rating time plus the hall's grace. */
export function abandonedRatingLapses(s: HallState, at: string): EventOf<'EvaluationLapsed'>[] {
  const now = Date.parse(at);
  const events: EventOf<'EvaluationLapsed'>[] = [];
  for (const serviceId of s.pendingRatings) {
    const r = s.ratings.get(serviceId);
    if (r?.state !== 'pending' || centerLapseDueAt(s.config.evaluation, r.finishedAt) > now) continue;
    events.push({ type: 'EvaluationLapsed', v: 1, at, serviceId, ticketId: r.ticketId, by: 'center' });
  }
  return events;
}

