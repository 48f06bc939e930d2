import { refuse } from '../DomainError.ts';
import type { HallEvent } from '../events/HallEvent.ts';
import { BAD_REVIEW_REASONS } from '../evaluation/reasons.ts';
import { isBadReview } from '../evaluation/levels.ts';
import { centerLapseDueAt, padRatingClosesAt } from '../evaluation/ratingWindow.ts';
import { formatTicketNumber, ticketId } from '../tickets/ticketNumber.ts';
import { hallDay } from '../time/hallDay.ts';
import { validateDayClosed } from '../dayClose/closeDay.ts';
import { refuseIfDayClosed } from '../dayClose/closedDayRefusal.ts';
import { checkConfigChange } from './definition/checkConfigChange.ts';
import { AUTHORITY_ISSUER } from './HallConfig.ts';
import { numberingKey, type HallState } from './HallState.ts';

/**
 * Checks an event that a device made on its own (offline ticket, rating, lapse) before the center
 * accepts it. Throws a DomainError saying why not; the ingest logs it and never applies it.
 */
export function validateEvent(s: HallState, e: HallEvent): void {
  switch (e.type) {
    case 'HallConfigChanged': {
      const problems = checkConfigChange(s, e.config, e.moves ?? []).filter((p) => p.severity === 'error');
      if (problems.length > 0)
        refuse('config-change-refused', problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
      return;
    }
    case 'TicketIssued': {
      if (s.closedThrough !== undefined && e.day <= s.closedThrough)
        refuse('day-closed', `ticket ${e.number} of ${e.day} arrived after that hall-day was closed`);
      const cat = s.categories.get(e.categoryId) ?? refuse('unknown-category', `no category ${e.categoryId}`);
      if (e.number !== formatTicketNumber(cat.prefix, e.seq))
        refuse('invalid-argument', `number ${e.number} does not match ${cat.prefix}/${e.seq}`);
      if (e.day !== hallDay(e.at, s.config.catalog.hall.timeZone))
        refuse('invalid-argument', `ticket ${e.number} issued at ${e.at} is not of day ${e.day}`);
      if (e.ticketId !== ticketId(e.day, e.number))
        refuse('invalid-argument', `ticket id ${e.ticketId} does not match ${e.day}/${e.number}`);
      const n = s.numbering.get(numberingKey(e.day, e.categoryId));
      const owner = e.offline ? e.issuerId : AUTHORITY_ISSUER;
      if (!n || !n.blocks.some((b) => b.issuerId === owner && e.seq >= b.from && e.seq <= b.to)) {
        refuse('number-outside-lease', `${e.number} is not in a block leased to ${owner}`);
      }
      if (n.used.has(e.seq) || s.tickets.has(e.ticketId))
        refuse('number-already-used', `${e.number} was already issued on ${e.day}`);
      return;
    }
    case 'EvaluationGiven': {
      refuseIfDayClosed(s, e.serviceId);
      const r = s.ratings.get(e.serviceId) ?? refuse('unknown-service', `no finished service ${e.serviceId}`);
      // A rating belongs to the service as the hall recorded it — never to whoever the sender names.
      const svc = s.tickets.get(r.ticketId)?.services.find((x) => x.serviceId === e.serviceId);
      if (!svc) refuse('unknown-service', `no finished service ${e.serviceId}`);
      if (e.ticketId !== r.ticketId || e.windowId !== svc.windowId || e.staffId !== svc.staffId)
        refuse(
          'evaluation-mismatch',
          `rating names ${e.ticketId}/${e.windowId}/${e.staffId}, but ${e.serviceId} was ${r.ticketId} at ${svc.windowId} by ${svc.staffId}`,
        );
      if (e.itemId !== undefined && e.itemId !== svc.itemId)
        refuse('evaluation-mismatch', `rating names item ${e.itemId}, but ${e.serviceId} was ${svc.itemId ?? 'no item'}`);
      if (r.state === 'given') refuse('already-evaluated', `service ${e.serviceId} was already rated`);
      if (s.evaluations.has(e.evaluationId))
        refuse('already-evaluated', `evaluation ${e.evaluationId} exists`);
      const policy = s.config.evaluation;
      const at = Date.parse(e.at);
      if (at < Date.parse(r.finishedAt)) refuse('rated-before-service', `rating made at ${e.at}, before service ${e.serviceId} finished at ${r.finishedAt}`);
      if (e.channel === 'hall-pad') {
        if (r.state === 'lapsed' && r.lapsedBy !== 'center')
          refuse('evaluation-closed', 'the window recorded this service as not rated');
        // Also after the center's sweep: a pad that was merely offline delivers what the citizen did in time.
        if (at > padRatingClosesAt(policy, r.finishedAt))
          refuse('evaluation-closed', 'the rating time at the window had passed when this rating was made');
      } else if (r.state === 'pending' && at < centerLapseDueAt(policy, r.finishedAt)) {
        // The window's pad has the first say: a phone rating now could beat a pad that already said 谢谢.
        refuse('evaluation-pending-at-window', `service ${e.serviceId} still waits for its rating at the window`);
      }
      const days = policy.laterRatingDays;
      if (at - Date.parse(r.finishedAt) > days * 86_400_000)
        refuse('evaluation-closed', `ratings close ${days} days after the service`);
      if (isBadReview(e.level) && e.reasons.length === 0)
        refuse('evaluation-needs-reason', 'a 差评 needs at least one reason');
      for (const reason of e.reasons)
        if (!(reason in BAD_REVIEW_REASONS)) refuse('unknown-reason', `unknown reason ${reason}`);
      return;
    }
    case 'EvaluationLapsed': {
      refuseIfDayClosed(s, e.serviceId);
      const r = s.ratings.get(e.serviceId) ?? refuse('unknown-service', `no finished service ${e.serviceId}`);
      if (e.ticketId !== r.ticketId)
        refuse('evaluation-mismatch', `lapse names ${e.ticketId}, but ${e.serviceId} was ${r.ticketId}`);
      // The pad's own lapse after the center's sweep is its confirmation, not a second count.
      const confirms = r.state === 'lapsed' && r.lapsedBy === 'center' && e.by === undefined;
      if (r.state !== 'pending' && !confirms) refuse('evaluation-closed', `service ${e.serviceId} is ${r.state}`);
      return;
    }
    case 'TicketPrinted': {
      const t = s.tickets.get(e.ticketId) ?? refuse('unknown-ticket', `no ticket ${e.ticketId}`);
      if (t.issuerId !== e.by) refuse('not-issuer', `${t.number} was issued by ${t.issuerId}, not ${e.by}`);
      return;
    }
    case 'TicketCancelled': {
      const t = s.tickets.get(e.ticketId) ?? refuse('unknown-ticket', `no ticket ${e.ticketId}`);
      if (t.status !== 'waiting') refuse('ticket-not-waiting', `${t.number} is ${t.status}`);
      return;
    }
    case 'HallDayClosed':
      validateDayClosed(s, e);
      return;
    default:
      // Window and calling events are made by the authority's own commands, which check them.
      if (e.type === 'FollowUpOpened' && s.evaluations.get(e.evaluationId) === undefined)
        refuse('invalid-argument', `no evaluation ${e.evaluationId}`);
      return;
  }
}
