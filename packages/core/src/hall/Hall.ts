import { isCategoryOpen } from '../catalog/Catalog.ts';
import { pickNext } from '../calling/pickNext.ts';
import { refuse } from '../DomainError.ts';
import type { EventOf, HallEvent, Staff, TransferTarget } from '../events/HallEvent.ts';
import { canAdvance, isVoided } from '../followup/FollowUpCase.ts';
import { appealDecidedEvent, appealFiledEvent } from '../followup/appealEvents.ts';
import { closeDayEvents } from '../dayClose/closeDayEvents.ts';
import { abandonedRatingLapses, evaluationGivenEvent, followUpOpenedEvent, type EvaluateCommand } from '../evaluation/evaluationEvents.ts';
import { refuseIfDayClosed } from '../dayClose/closedDayRefusal.ts';
import { restoreCheckpoint, type HallCheckpoint } from '../history/HallCheckpoint.ts';
import { blockId } from '../numbering/NumberBlock.ts';
import { AuthorityNumbering } from '../numbering/AuthorityNumbering.ts';
import { hallLocalTime } from '../time/hallDay.ts';
import type { ServiceOutcome, Ticket, TicketSource } from '../tickets/Ticket.ts';
import { formatTicketNumber, ticketId } from '../tickets/ticketNumber.ts';
import type { PriorityClass } from '../calling/CallingRule.ts';
import { applyEvent } from './applyEvent.ts';
import { AUTHORITY_ISSUER, type HallConfig } from './HallConfig.ts';
import { createHallState, numberingKey, type HallState, type WindowState } from './HallState.ts';
import { validateEvent } from './validateEvent.ts';
import { configChangedEvent } from '../configChange/decideConfigChange.ts';
import type { WaitingMoveRequest } from '../configChange/WaitingMove.ts';
import { callBackEvents, callByNumberEvents } from '../counter/callOutOfTurn.ts';
import type { CounterChoice } from '../counter/CounterChoice.ts';
import { finishEvents, serviceIdFor } from '../counter/finishEvents.ts';
import { transferEvents } from '../counter/transferEvents.ts';
import { decideAssignWindow, type WindowAssignment } from '../staffing/WindowAssignment.ts';
import { decideLeaveWindow, type AtCounter } from '../staffing/LeaveWindow.ts';

export interface IssueTicketCommand {
  categoryId: string;
  itemId?: string;
  source: TicketSource;
  priority: PriorityClass;
  /** The device that handed the ticket out (a kiosk, the phone gateway, the center itself). */
  issuerId: string;
  at: string;
  appointmentId?: string;
  /** Allow issuing outside opening hours (e.g. an appointment checked in early by staff). */
  ignoreOpeningHours?: boolean;
}

/**
 * A hall: its state plus the commands that change it. A command checks the rules against the
 * current state, returns the events it decided on, and applies them — nothing else mutates state.
 * The center runs the authoritative Hall; devices may run one to show a consistent local view.
 */
export class Hall {
  readonly state: HallState;
  private readonly listeners: ((e: HallEvent) => void)[] = [];
  private readonly authorityNumbers: AuthorityNumbering;

  constructor(config: HallConfig) {
    this.state = createHallState(config);
    this.authorityNumbers = new AuthorityNumbering(this.state);
  }

  /** Rebuild a hall from its event log. */
  static replay(config: HallConfig, events: Iterable<HallEvent>): Hall {
    return new Hall(config).replayOnto(events);
  }

  /** Apply logged events (already checked when they were made) without announcing them. */
  replayOnto(events: Iterable<HallEvent>): this {
    for (const e of events) applyEvent(this.state, e);
    return this;
  }

  /** A hall as it was at a checkpoint (the close of a day), to replay only what came after. */
  static fromCheckpoint(config: HallConfig, cp: HallCheckpoint): Hall {
    const h = new Hall(config);
    restoreCheckpoint(h.state, cp);
    return h;
  }

  onEvent(fn: (e: HallEvent) => void): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  private commit<E extends HallEvent[]>(events: E): E {
    for (const e of events) {
      applyEvent(this.state, e);
      for (const l of this.listeners) l(e);
    }
    return events;
  }

  /** An event made elsewhere (a dispenser's offline ticket, a pad's rating): checked, then applied. */
  ingest(e: HallEvent): void {
    validateEvent(this.state, e);
    this.commit([e]);
  }

  /** Put a new version of the hall definition in force; refused (with every reason) if it would strand anyone. */
  changeConfig(config: HallConfig, by: string, at: string, moves: readonly WaitingMoveRequest[] = []) {
    const e: HallEvent = configChangedEvent(this.state, config, by, at, moves);
    validateEvent(this.state, e);
    return this.commit([e]);
  }

  // ── windows ─────────────────────────────────────────────────────────────
  openWindow(windowId: string, staff: Staff, at: string) {
    this.window(windowId);
    return this.commit([{ type: 'WindowOpened', v: 1, at, windowId, staff }] as const satisfies HallEvent[]);
  }

  pauseWindow(windowId: string, at: string, reason?: string) {
    const w = this.window(windowId);
    if (w.status !== 'open') refuse('window-not-open', `window ${w.config.number} is ${w.status}`);
    return this.commit([
      { type: 'WindowPaused', v: 1, at, windowId, ...(reason ? { reason } : {}) },
    ] satisfies HallEvent[]);
  }

  resumeWindow(windowId: string, at: string) {
    const w = this.window(windowId);
    if (w.status !== 'paused') refuse('invalid-transition', `window ${w.config.number} is not paused`);
    return this.commit([{ type: 'WindowResumed', v: 1, at, windowId }] satisfies HallEvent[]);
  }

  /** Close a window (下班): the ticket at the counter finished (default: unrecorded) or handed back; nobody stranded. */
  closeWindow(windowId: string, at: string, atCounter: AtCounter = { kind: 'finish', outcome: 'unrecorded' }) {
    return this.commit(decideLeaveWindow(this.state, this.window(windowId), at, atCounter));
  }

  /** 调流: what the window serves and how it calls, for the rest of the hall-day. */
  assignWindow(windowId: string, assignment: WindowAssignment, at: string, by: string) {
    return this.commit([decideAssignWindow(this.state, windowId, assignment, at, by)]);
  }

  // ── numbering and tickets ───────────────────────────────────────────────
  /** Lease the next block of numbers of a category for today to an issuer (a dispenser or the center). */
  leaseBlock(issuerId: string, categoryId: string, at: string, size = this.state.config.numbering.blockSize) {
    this.category(categoryId);
    const day = this.day(at);
    const from = this.state.numbering.get(numberingKey(day, categoryId))?.nextFrom ?? 1;
    return this.commit([
      {
        type: 'NumberBlockLeased',
        v: 1,
        at,
        blockId: blockId(day, categoryId, from),
        categoryId,
        day,
        issuerId,
        from,
        to: from + size - 1,
      },
    ] satisfies HallEvent[])[0] as EventOf<'NumberBlockLeased'>;
  }

  /** The authority issues a ticket online, numbering it from its own leased blocks. */
  issueTicket(cmd: IssueTicketCommand): EventOf<'TicketIssued'> {
    const cat = this.category(cmd.categoryId);
    if (cmd.itemId !== undefined && this.state.items.get(cmd.itemId)?.categoryId !== cmd.categoryId) {
      refuse('invalid-argument', `item ${cmd.itemId} is not served in category ${cmd.categoryId}`);
    }
    const local = hallLocalTime(cmd.at, this.state.config.catalog.hall.timeZone);
    if (!cmd.ignoreOpeningHours && !isCategoryOpen(cat, local, this.state.config.calendar)) {
      refuse('category-closed', `${cat.name} is not open now`);
    }
    const issuedToday = this.state.numbering.get(numberingKey(local.day, cat.id))?.used.size ?? 0;
    if (cat.dailyQuota !== undefined && issuedToday >= cat.dailyQuota) {
      refuse('daily-quota-reached', `${cat.name}: all ${cat.dailyQuota} numbers of today are taken`);
    }
    const events: HallEvent[] = [];
    let seq = this.authorityNumbers.next(local.day, cat.id);
    if (seq === undefined) {
      const lease = this.leaseBlock(AUTHORITY_ISSUER, cat.id, cmd.at);
      seq = lease.from;
    }
    const number = formatTicketNumber(cat.prefix, seq);
    events.push({
      type: 'TicketIssued',
      v: 1,
      at: cmd.at,
      ticketId: ticketId(local.day, number),
      number,
      seq,
      day: local.day,
      categoryId: cat.id,
      ...(cmd.itemId !== undefined ? { itemId: cmd.itemId } : {}),
      source: cmd.source,
      priority: cmd.priority,
      issuerId: cmd.issuerId,
      offline: false,
      ...(cmd.appointmentId !== undefined ? { appointmentId: cmd.appointmentId } : {}),
    });
    return this.commit(events)[0] as EventOf<'TicketIssued'>;
  }

  cancelTicket(id: string, by: string, at: string) {
    const t = this.ticket(id);
    if (t.status !== 'waiting') refuse('ticket-not-waiting', `${t.number} is ${t.status}`);
    return this.commit([{ type: 'TicketCancelled', v: 1, at, ticketId: id, by }] satisfies HallEvent[]);
  }

  // ── calling ─────────────────────────────────────────────────────────────
  /** Call the next ticket; a ticket staff forgot to finish is finished first (outcome unrecorded). */
  callNext(windowId: string, at: string): { events: HallEvent[]; called: Ticket | undefined } {
    const w = this.servingWindow(windowId);
    const events = this.finishCurrentIfAny(w, at, 'unrecorded');
    this.commit(events);
    const next = pickNext(this.state, w);
    if (!next) return { events, called: undefined };
    const call: HallEvent = {
      type: 'TicketCalled',
      v: 1,
      at,
      ticketId: next.id,
      windowId,
      staffId: w.staff?.id ?? '',
      via: 'next',
    };
    this.commit([call]);
    return { events: [...events, call], called: next };
  }

  recall(windowId: string, at: string) {
    const t = this.current(this.servingWindow(windowId));
    return this.commit([
      { type: 'TicketRecalled', v: 1, at, ticketId: t.id, windowId },
    ] satisfies HallEvent[]);
  }

  markNoShow(windowId: string, at: string) {
    const t = this.current(this.window(windowId));
    const need = this.state.config.noShow.recallsBeforeNoShow;
    if (t.recalls < need)
      refuse('recalls-not-exhausted', `${t.number} has been recalled ${t.recalls} of ${need} times`);
    return this.commit([{ type: 'TicketNoShow', v: 1, at, ticketId: t.id, windowId }] satisfies HallEvent[]);
  }

  /** A citizen who missed their call turns up: back in line if the hall's rule allows it. */
  requeueLate(id: string, at: string) {
    const t = this.ticket(id);
    if (t.status !== 'no-show' || t.noShowAt === undefined)
      refuse('ticket-not-no-show', `${t.number} is ${t.status}`);
    const rule = this.state.config.noShow.lateArrival;
    if (!rule.allowed) refuse('late-arrival-not-allowed', 'this hall does not re-queue missed tickets');
    if (Date.parse(at) - Date.parse(t.noShowAt) > rule.withinMinutes * 60_000) {
      refuse('late-arrival-too-late', `more than ${rule.withinMinutes} minutes since ${t.number} was missed`);
    }
    const queuedAt = rule.placement === 'keep' ? t.queuedAt : at;
    return this.commit([{ type: 'TicketRequeued', v: 1, at, ticketId: id, queuedAt }] satisfies HallEvent[]);
  }

  hold(windowId: string, at: string) {
    const t = this.current(this.window(windowId));
    return this.commit([{ type: 'TicketHeld', v: 1, at, ticketId: t.id, windowId }] satisfies HallEvent[]);
  }

  /** 回呼: call back a ticket this window held; `counter` says what becomes of the ticket at the counter. */
  callBack(windowId: string, id: string, at: string, counter?: CounterChoice) {
    return this.commit(callBackEvents(this.state, this.servingWindow(windowId), id, at, counter));
  }

  /** Call a given waiting ticket of this window (按号呼叫); `counter` as for callBack. */
  callByNumber(windowId: string, id: string, at: string, counter?: CounterChoice) {
    return this.commit(callByNumberEvents(this.state, this.servingWindow(windowId), id, at, counter));
  }

  /** 转办 to a category's line or to an open window (a closed or paused one is refused). */
  transfer(
    windowId: string,
    to: TransferTarget,
    at: string,
    opts: { returnHere?: boolean; itemId?: string } = {},
  ) {
    const w = this.window(windowId);
    return this.commit(transferEvents(this.state, w, this.current(w), to, at, opts));
  }

  finish(windowId: string, outcome: ServiceOutcome, at: string, itemId?: string) {
    const w = this.window(windowId);
    return this.commit(finishEvents(this.state, w, this.current(w), outcome, at, itemId));
  }

  // ── evaluations and follow-up ───────────────────────────────────────────
  evaluate(cmd: EvaluateCommand) {
    const given = evaluationGivenEvent(this.state, cmd);
    validateEvent(this.state, given);
    const events: HallEvent[] = [given];
    if (cmd.level === 'dissatisfied' || cmd.level === 'very-dissatisfied') events.push(this.followUpFor(cmd.evaluationId, cmd.at));
    return this.commit(events);
  }

  /** The follow-up case a 差评 opens, with its deadline in the region's working days. */
  followUpFor(evaluationId: string, at: string): EventOf<'FollowUpOpened'> {
    return followUpOpenedEvent(this.state, evaluationId, at);
  }

  /** The window's own "not rated" (what a pad records when its time is up): final for the pad. */
  lapseRating(serviceId: string, at: string) {
    refuseIfDayClosed(this.state, serviceId);
    const r = this.state.ratings.get(serviceId);
    if (!r) refuse('unknown-service', `no finished service ${serviceId}`);
    if (r.state !== 'pending') refuse('evaluation-closed', `service ${serviceId} is already ${r.state}`);
    return this.commit([
      { type: 'EvaluationLapsed', v: 1, at, serviceId, ticketId: r.ticketId },
    ] satisfies HallEvent[]);
  }

  /**
   * The center's sweep (超时未评): every service still pending after its window's rating time plus
   * the hall's grace is recorded as not rated, `by: 'center'`. Run on a timer with the center's
   * clock; the events carry `at`, so a replay needs no clock. A rating the pad made in time and
   * delivers later still replaces such a lapse (see validateEvent).
   */
  lapseAbandonedRatings(at: string): EventOf<'EvaluationLapsed'>[] {
    return this.commit(abandonedRatingLapses(this.state, at));
  }

  advanceFollowUp(
    caseId: string,
    to: 'contacted' | 'rectified' | 'closed',
    by: string,
    at: string,
    note?: string,
  ) {
    const c = this.state.followUps.get(caseId);
    if (!c) refuse('unknown-follow-up', `no follow-up case ${caseId}`);
    if (to !== 'closed' && isVoided(c)) refuse('appeal-upheld', `the appeal of case ${caseId} was upheld: the 差评 needs no 回访 or 整改`);
    if (!canAdvance(c.state, to)) refuse('invalid-transition', `a ${c.state} case cannot become ${to}`);
    if (to === 'closed' && c.appeal?.state === 'filed') refuse('appeal-pending', `decide the appeal of case ${caseId} first`);
    return this.commit([
      { type: 'FollowUpAdvanced', v: 1, at, caseId, to, by, ...(note ? { note } : {}) },
    ] satisfies HallEvent[]);
  }

  /** 申诉 of a 差评 by (or for) the staff evaluated; see followup/appealEvents. */
  appealEvaluation(caseId: string, by: string, reason: string, at: string, enteredBy?: string) {
    return this.commit([appealFiledEvent(this.state, caseId, by, reason, at, enteredBy)]);
  }

  /** 申诉复核: upheld (the 差评 is 无效) or rejected. */
  decideAppeal(caseId: string, upheld: boolean, by: string, at: string, note?: string) {
    return this.commit([appealDecidedEvent(this.state, caseId, upheld, by, at, note)]);
  }

  // ── the end of a hall-day ───────────────────────────────────────────────
  /**
   * Close a hall-day: a ticket still at a counter is finished (outcome unrecorded), every window
   * closes, and the day's still-open tickets end by the hall's day-end rule in one HallDayClosed.
   */
  closeDay(day: string, at: string): HallEvent[] {
    return closeDayEvents(this.state, day, at, (id) => this.closeWindow(id, at), (e) => this.commit(e));
  }

  // ── look-ups ────────────────────────────────────────────────────────────
  day(at: string): string {
    return hallLocalTime(at, this.state.config.catalog.hall.timeZone).day;
  }

  window(id: string): WindowState {
    return this.state.windows.get(id) ?? refuse('unknown-window', `no window ${id}`);
  }

  ticket(id: string): Ticket {
    return this.state.tickets.get(id) ?? refuse('unknown-ticket', `no ticket ${id}`);
  }

  private category(id: string) {
    return this.state.categories.get(id) ?? refuse('unknown-category', `no category ${id}`);
  }

  private servingWindow(id: string): WindowState {
    const w = this.window(id);
    if (w.status === 'paused') refuse('window-paused', `window ${w.config.number} is paused`);
    if (w.status !== 'open') refuse('window-not-open', `window ${w.config.number} is closed`);
    return w;
  }

  private current(w: WindowState): Ticket {
    if (w.currentTicketId === undefined)
      refuse('no-current-ticket', `window ${w.config.number} has no ticket at the counter`);
    return this.ticket(w.currentTicketId);
  }

  private finishCurrentIfAny(w: WindowState, at: string, outcome: ServiceOutcome): HallEvent[] {
    if (w.currentTicketId === undefined) return [];
    return finishEvents(this.state, w, this.ticket(w.currentTicketId), outcome, at);
  }
}

export { serviceIdFor };
export type { EvaluateCommand };
