import type { Hall } from '../hall/Hall.ts';
import { isBadReview, type EvaluationLevel } from '../evaluation/levels.ts';
import type { EvaluationChannel } from '../evaluation/channels.ts';
import type { Arrival, Shift } from './Arrival.ts';
import { TimeQueue } from './TimeQueue.ts';

export interface SimulationOptions {
  /** Seconds a window takes between finishing and calling the next ticket. */
  turnaroundSeconds?: number;
  /** Seconds between recalls of a citizen who does not come. */
  recallSeconds?: number;
  /** Leave out the ratings (a what-if compares waits only). */
  withoutRatings?: boolean;
}

type Job =
  | { kind: 'open'; shift: Shift }
  | { kind: 'close'; windowId: string }
  | { kind: 'arrive'; index: number }
  | { kind: 'done'; windowId: string; ticketId: string }
  | { kind: 'recall'; windowId: string; ticketId: string; left: number }
  | { kind: 'ready'; windowId: string };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Runs a day through the real Hall's commands: arrivals take tickets, each staffed window calls
 * the next ticket its calling rule picks whenever it is free, serves it for the arrival's service
 * time, and the citizen rates, misses the call, or is sent on as the arrival says. Windows that are
 * free wait for the next arrival they serve. Deterministic: the same input gives the same events.
 * Returns the ticket id each arrival got, in arrival order.
 */
export function simulateDay(hall: Hall, arrivals: readonly Arrival[], shifts: readonly Shift[], o: SimulationOptions = {}): string[] {
  const turnaround = (o.turnaroundSeconds ?? 5) * 1000;
  const recallMs = (o.recallSeconds ?? 30) * 1000;
  const queue = new TimeQueue<Job>();
  const byTicket = new Map<string, Arrival>();
  const ticketOf: string[] = [];
  const idle = new Set<string>();
  const closing = new Set<string>();

  for (const s of shifts) {
    queue.push(s.from, { kind: 'open', shift: s });
    queue.push(s.to, { kind: 'close', windowId: s.windowId });
  }
  arrivals.forEach((a, index) => queue.push(a.at, { kind: 'arrive', index }));

  const tryCall = (windowId: string, at: number) => {
    if (closing.has(windowId)) {
      closing.delete(windowId);
      hall.closeWindow(windowId, iso(at));
      return;
    }
    const { called } = hall.callNext(windowId, iso(at));
    if (!called) {
      idle.add(windowId);
      return;
    }
    idle.delete(windowId);
    const a = byTicket.get(called.id);
    if (a?.noShow) {
      queue.push(at + recallMs, { kind: 'recall', windowId, ticketId: called.id, left: hall.state.config.noShow.recallsBeforeNoShow });
      return;
    }
    const seconds = called.services.length > 0 && a?.transferTo ? a.transferTo.serviceSeconds : (a?.serviceSeconds ?? 300);
    queue.push(at + seconds * 1000, { kind: 'done', windowId, ticketId: called.id });
  };

  const wake = (categoryId: string, at: number) => {
    for (const id of idle) {
      if (hall.window(id).config.categoryIds.includes(categoryId)) {
        tryCall(id, at);
        return;
      }
    }
  };

  let item: { at: number; job: Job } | undefined;
  while ((item = queue.pop())) {
    const { at, job } = item;
    switch (job.kind) {
      case 'open':
        hall.openWindow(job.shift.windowId, job.shift.staff, iso(at));
        tryCall(job.shift.windowId, at);
        break;
      case 'close':
        if (idle.delete(job.windowId)) hall.closeWindow(job.windowId, iso(at));
        else if (hall.window(job.windowId).status !== 'closed') closing.add(job.windowId);
        break;
      case 'arrive': {
        const a = arrivals[job.index] as Arrival;
        const t = hall.issueTicket({
          categoryId: a.categoryId,
          ...(a.itemId !== undefined ? { itemId: a.itemId } : {}),
          source: a.source,
          priority: a.priority,
          issuerId: a.issuerId,
          at: iso(at),
          ignoreOpeningHours: true,
        });
        ticketOf[job.index] = t.ticketId;
        byTicket.set(t.ticketId, a);
        wake(a.categoryId, at);
        break;
      }
      case 'recall':
        if (job.left > 0) {
          hall.recall(job.windowId, iso(at));
          queue.push(at + recallMs, { ...job, left: job.left - 1 });
        } else {
          hall.markNoShow(job.windowId, iso(at));
          queue.push(at + turnaround, { kind: 'ready', windowId: job.windowId });
        }
        break;
      case 'done': {
        const a = byTicket.get(job.ticketId);
        const t = hall.ticket(job.ticketId);
        if (a?.transferTo && t.services.length === 0) {
          // The first window's service is rated too (its pad asks as at any 办结): no service is left
          // waiting for a rating the center would give up on days later.
          const [tr] = hall.transfer(job.windowId, { kind: 'category', categoryId: a.transferTo.categoryId }, iso(at));
          if (tr?.type === 'TicketTransferred' && !o.withoutRatings) rate(hall, a, tr.serviceId, at);
          wake(a.transferTo.categoryId, at);
        } else {
          const [fin] = hall.finish(job.windowId, 'completed', iso(at));
          if (fin?.type === 'TicketFinished' && !o.withoutRatings) rate(hall, a, fin.serviceId, at);
        }
        queue.push(at + turnaround, { kind: 'ready', windowId: job.windowId });
        break;
      }
      case 'ready':
        tryCall(job.windowId, at);
        break;
    }
  }
  return ticketOf;
}

function rate(hall: Hall, a: Arrival | undefined, serviceId: string, at: number): void {
  const r = a?.rating;
  if (r === undefined) return;
  if (r !== 'lapse') return give(hall, serviceId, r, at + 8000);
  const lapsedAt = at + hall.state.config.evaluation.ratingSeconds * 1000;
  hall.lapseRating(serviceId, iso(lapsedAt));
  const later = a?.laterRating;
  if (later) give(hall, serviceId, later, lapsedAt + later.afterMinutes * 60_000);
}

/** One rating of the service (a 差评 always with a reason, as the pad and the phone ask for one). */
function give(hall: Hall, serviceId: string, r: { level: EvaluationLevel; reasons: string[]; channel: EvaluationChannel }, at: number): void {
  hall.evaluate({
    evaluationId: `ev/${serviceId}`,
    serviceId,
    level: r.level,
    reasons: isBadReview(r.level) && r.reasons.length === 0 ? ['long-wait'] : r.reasons,
    channel: r.channel,
    at: iso(at),
  });
}
