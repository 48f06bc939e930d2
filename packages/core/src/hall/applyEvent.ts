import type { HallEvent } from '../events/HallEvent.ts';
import { forgetClosedDay } from '../dayClose/forgetClosedDay.ts';
import { isPriority } from '../calling/CallingRule.ts';
import type { Ticket } from '../tickets/Ticket.ts';
import { nextHandlingEstimate } from '../wait/handlingTime.ts';
import { moveWaitingTickets } from '../configChange/moveWaitingTickets.ts';
import { applyConfig } from './definition/applyConfig.ts';
import { callingRule, lapseAssignments } from '../staffing/WindowAssignment.ts';
import { RECENT_CALLS_KEPT, numberingKey, type HallState, type WindowState } from './HallState.ts';

/**
 * The one place where hall state changes. Deterministic and I/O-free: the same events in the same
 * order always give the same hall, which is what lets the center replay its log after a restart
 * and a device rebuild its view. It trusts its input — commands and `validateEvent` check first.
 */
export function applyEvent(s: HallState, e: HallEvent): void {
  s.eventCount++;
  lapseAssignments(s, e.at);
  switch (e.type) {
    case 'HallConfigChanged':
      moveWaitingTickets(s, e.moves ?? []);
      applyConfig(s, e.config);
      return;
    case 'WindowOpened': {
      const w = win(s, e.windowId);
      w.status = 'open';
      w.staff = e.staff;
      w.pauseReason = undefined;
      return;
    }
    case 'WindowPaused': {
      const w = win(s, e.windowId);
      w.status = 'paused';
      w.pauseReason = e.reason;
      return;
    }
    case 'WindowResumed':
      win(s, e.windowId).status = 'open';
      return;
    case 'WindowClosed': {
      const w = win(s, e.windowId);
      w.status = 'closed';
      w.staff = undefined;
      w.pauseReason = undefined;
      return;
    }
    case 'NumberBlockLeased': {
      const key = numberingKey(e.day, e.categoryId);
      let n = s.numbering.get(key);
      if (!n) s.numbering.set(key, (n = { nextFrom: 1, blocks: [], used: new Set() }));
      n.blocks.push({
        blockId: e.blockId,
        categoryId: e.categoryId,
        day: e.day,
        issuerId: e.issuerId,
        from: e.from,
        to: e.to,
      });
      n.nextFrom = Math.max(n.nextFrom, e.to + 1);
      return;
    }
    case 'TicketIssued': {
      const t: Ticket = {
        id: e.ticketId,
        number: e.number,
        seq: e.seq,
        day: e.day,
        categoryId: e.categoryId,
        issuedCategoryId: e.categoryId,
        itemId: e.itemId,
        source: e.source,
        priority: e.priority,
        issuerId: e.issuerId,
        issuedAt: e.at,
        queuedAt: e.at,
        status: 'waiting',
        targetWindowId: undefined,
        returnToWindowId: undefined,
        windowId: undefined,
        calledAt: undefined,
        recalls: 0,
        noShowAt: undefined,
        appointmentId: e.appointmentId,
        services: [],
      };
      s.tickets.set(t.id, t);
      s.numbering.get(numberingKey(e.day, e.categoryId))?.used.add(e.seq);
      s.lines.add(t);
      return;
    }
    case 'TicketPrinted': {
      const t = ticket(s, e.ticketId);
      if (e.printed) delete t.unprinted;
      else t.unprinted = e.problem ?? 'error';
      return;
    }
    case 'TicketCancelled': {
      const t = ticket(s, e.ticketId);
      if (t.status === 'waiting') s.lines.remove(t);
      t.status = 'cancelled';
      return;
    }
    case 'TicketCalled': {
      const t = ticket(s, e.ticketId);
      const w = win(s, e.windowId);
      if (t.status === 'waiting') s.lines.remove(t);
      t.status = 'called';
      t.windowId = w.config.id;
      t.calledAt = e.at;
      t.recalls = 0;
      t.targetWindowId = undefined;
      w.currentTicketId = t.id;
      if (e.via === 'next') countRound(w, isPriority(t.priority));
      recordCall(s, t, w, e.at, false);
      return;
    }
    case 'TicketRecalled': {
      const t = ticket(s, e.ticketId);
      t.recalls++;
      recordCall(s, t, win(s, e.windowId), e.at, true);
      return;
    }
    case 'TicketNoShow': {
      const t = ticket(s, e.ticketId);
      t.status = 'no-show';
      t.noShowAt = e.at;
      release(s, e.windowId, t);
      return;
    }
    case 'TicketRequeued': {
      const t = ticket(s, e.ticketId);
      t.status = 'waiting';
      t.queuedAt = e.queuedAt;
      t.windowId = undefined;
      t.noShowAt = undefined;
      s.lines.add(t);
      return;
    }
    case 'TicketHeld': {
      const t = ticket(s, e.ticketId);
      t.status = 'held';
      t.targetWindowId = e.windowId;
      release(s, e.windowId, t);
      return;
    }
    case 'TicketReturnedToLine': {
      const t = ticket(s, e.ticketId);
      if (t.status === 'waiting') s.lines.remove(t); // out of the named window's line first
      release(s, e.windowId, t);
      t.targetWindowId = undefined;
      t.status = 'waiting';
      t.windowId = undefined;
      s.lines.add(t); // queuedAt unchanged: the citizen keeps their place
      return;
    }
    case 'TicketTransferred': {
      const t = ticket(s, e.ticketId);
      const from = win(s, e.fromWindowId);
      t.services.push({
        serviceId: e.serviceId,
        windowId: from.config.id,
        staffId: from.staff?.id ?? '',
        categoryId: t.categoryId,
        itemId: e.itemId ?? t.itemId,
        calledAt: t.calledAt ?? e.at,
        finishedAt: e.at,
        outcome: 'referred',
      });
      // 一次一评: what this window did is a service of its own, rated apart from the next window's.
      s.ratings.set(e.serviceId, { serviceId: e.serviceId, ticketId: t.id, finishedAt: e.at, state: 'pending', evaluationId: undefined });
      s.pendingRatings.add(e.serviceId);
      release(s, e.fromWindowId, t);
      if (e.to.kind === 'category') {
        t.categoryId = e.to.categoryId;
        t.targetWindowId = undefined;
      } else t.targetWindowId = e.to.windowId;
      t.returnToWindowId = e.returnToWindowId;
      t.status = 'waiting';
      t.windowId = undefined;
      s.lines.add(t); // queuedAt unchanged: a transfer keeps the citizen's place
      return;
    }
    case 'TicketFinished': {
      const t = ticket(s, e.ticketId);
      const calledAt = t.calledAt ?? e.at;
      t.services.push({
        serviceId: e.serviceId,
        windowId: e.windowId,
        staffId: e.staffId,
        categoryId: t.categoryId,
        itemId: e.itemId ?? t.itemId,
        calledAt,
        finishedAt: e.at,
        outcome: e.outcome,
      });
      s.ratings.set(e.serviceId, {
        serviceId: e.serviceId,
        ticketId: t.id,
        finishedAt: e.at,
        state: 'pending',
        evaluationId: undefined,
      });
      s.pendingRatings.add(e.serviceId);
      const prev = s.handlingSeconds.get(t.categoryId);
      if (prev !== undefined) {
        s.handlingSeconds.set(
          t.categoryId,
          nextHandlingEstimate(prev, (Date.parse(e.at) - Date.parse(calledAt)) / 1000),
        );
      }
      release(s, e.windowId, t);
      if (t.returnToWindowId !== undefined && t.returnToWindowId !== e.windowId) {
        // Redirect-and-return: back to the window that sent the citizen away, in the original place.
        t.targetWindowId = t.returnToWindowId;
        t.returnToWindowId = undefined;
        t.status = 'waiting';
        t.windowId = undefined;
        s.lines.add(t);
      } else {
        t.status = 'done';
        t.returnToWindowId = undefined;
      }
      return;
    }
    case 'WindowAssigned': {
      const w = win(s, e.windowId);
      w.assignment = { categoryIds: e.categoryIds, rule: e.rule, day: e.day, untilMs: e.untilMs, by: e.by };
      w.round = { priority: 0, normal: 0 };
      s.assignedWindows.add(e.windowId);
      return;
    }
    case 'EvaluationGiven': {
      s.evaluations.set(e.evaluationId, {
        evaluationId: e.evaluationId,
        serviceId: e.serviceId,
        ticketId: e.ticketId,
        level: e.level,
        reasons: e.reasons,
        comment: e.comment,
        channel: e.channel,
        windowId: e.windowId,
        staffId: e.staffId,
        itemId: e.itemId,
        at: e.at,
      });
      const r = s.ratings.get(e.serviceId);
      if (r) {
        // Also over a lapse the center's sweep made: the pad's in-time rating replaces it, counted once.
        r.state = 'given';
        r.evaluationId = e.evaluationId;
        delete r.lapsedBy;
      }
      s.pendingRatings.delete(e.serviceId);
      return;
    }
    case 'EvaluationLapsed': {
      const r = s.ratings.get(e.serviceId);
      // A pad's own lapse arriving after the center's sweep confirms it: the pad will never rate this.
      if (r && (r.state === 'pending' || (r.state === 'lapsed' && r.lapsedBy === 'center'))) {
        r.state = 'lapsed';
        r.lapsedBy = e.by ?? 'pad';
      }
      s.pendingRatings.delete(e.serviceId);
      return;
    }
    case 'FollowUpOpened': {
      const ev = s.evaluations.get(e.evaluationId);
      const number = ev ? s.tickets.get(ev.ticketId)?.number : undefined;
      s.followUps.set(e.caseId, {
        caseId: e.caseId,
        evaluationId: e.evaluationId,
        serviceId: ev?.serviceId ?? '',
        windowId: ev?.windowId ?? '',
        staffId: ev?.staffId ?? '',
        openedAt: e.at,
        deadline: e.deadline,
        state: 'open',
        history: [],
        ...(number !== undefined ? { ticketNumber: number } : {}),
      });
      return;
    }
    case 'FollowUpAdvanced': {
      const c = s.followUps.get(e.caseId);
      if (!c) return;
      c.state = e.to;
      c.history.push({ to: e.to, by: e.by, note: e.note, at: e.at });
      return;
    }
    case 'EvaluationAppealed': {
      const c = s.followUps.get(e.caseId);
      if (c) c.appeal = { state: 'filed', by: e.by, reason: e.reason, at: e.at, ...(e.enteredBy ? { enteredBy: e.enteredBy } : {}) };
      return;
    }
    case 'EvaluationAppealDecided': {
      const c = s.followUps.get(e.caseId);
      if (c?.appeal) c.appeal = { ...c.appeal, state: e.upheld ? 'upheld' : 'rejected', decidedBy: e.by, decidedAt: e.at, ...(e.note ? { note: e.note } : {}) };
      return;
    }
    case 'HallDayClosed':
      forgetClosedDay(s, e);
      return;
  }
}

function win(s: HallState, id: string): WindowState {
  const w = s.windows.get(id);
  if (!w) throw new Error(`event names unknown window ${id}`);
  return w;
}

function ticket(s: HallState, id: string): Ticket {
  const t = s.tickets.get(id);
  if (!t) throw new Error(`event names unknown ticket ${id}`);
  return t;
}

function release(s: HallState, windowId: string, t: Ticket): void {
  const w = win(s, windowId);
  if (w.currentTicketId === t.id) w.currentTicketId = undefined;
}

function countRound(w: WindowState, priority: boolean): void {
  const rule = callingRule(w);
  if (rule.mode !== 'interleave') return;
  if (priority) w.round.priority++;
  else w.round.normal++;
  if (w.round.priority >= rule.priority && w.round.normal >= rule.normal)
    w.round = { priority: 0, normal: 0 };
}

function recordCall(s: HallState, t: Ticket, w: WindowState, at: string, recall: boolean): void {
  const rec = {
    ticketId: t.id,
    number: t.number,
    categoryId: t.categoryId,
    windowId: w.config.id,
    windowNumber: w.config.number,
    at,
    recall,
    ...(t.priority !== 'normal' ? { priority: t.priority } : {}),
  };
  s.recentCalls.unshift(rec);
  if (s.recentCalls.length > RECENT_CALLS_KEPT) s.recentCalls.length = RECENT_CALLS_KEPT;
  s.lastCalledByCategory.set(t.categoryId, rec);
}
