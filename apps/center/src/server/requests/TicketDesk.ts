// The queue service's answers to dispensers: a ticket while they are online, a block of numbers
// to keep handing out when they are not. Refusals are answers with the domain's code.
import {
  DomainError,
  estimateForTicket,
  greenChannelPolicyOf,
  type NumbersLeaseRequest,
  type NumbersLeaseResponse,
  type TicketIssueRequest,
  type TicketIssueResponse,
  type TicketRequeueResponse,
  type TicketWithdrawResponse,
  type Ticket,
} from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { HallService } from '../hall/HallService.ts';
import type { TicketTokens } from './TicketTokens.ts';
import type { TicketRequests } from './TicketRequests.ts';

export class TicketDesk {
  constructor(
    private readonly service: HallService,
    private readonly tokens: TicketTokens,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
    /** Dispensers' requests by id (ghost tickets); without it a request is answered as it comes. */
    private readonly requests?: TicketRequests,
    private readonly logger?: Logger,
  ) {}

  /** What the ticket's QR code opens (printed on the slip, shown at the kiosk and desk): marked as a QR link. */
  followUrl(ticketId: string): string {
    return `${this.publicUrl.replace(/\/$/, '')}${this.tokens.qrPath(ticketId)}`;
  }

  issue(req: Omit<TicketIssueRequest, 'v'> & { appointmentId?: string }, issuerId: string, onIssued?: (ticketId: string) => void): TicketIssueResponse {
    try {
      return this.service.run(issuerId, (h) => {
        const e = h.issueTicket({
          categoryId: req.categoryId,
          ...(req.itemId !== undefined ? { itemId: req.itemId } : {}),
          source: req.source,
          priority: req.priority,
          issuerId,
          at: this.now().toISOString(),
          ...(req.appointmentId !== undefined ? { appointmentId: req.appointmentId } : {}),
        });
        // In the same transaction as the ticket: a crash cannot leave a ticket without its request.
        onIssued?.(e.ticketId);
        return this.answer(h.ticket(e.ticketId));
      });
    } catch (e) {
      if (e instanceof DomainError) return { v: 1, ok: false, code: e.code, message: e.message };
      throw e;
    }
  }

  private answer(t: Ticket): Extract<TicketIssueResponse, { ok: true }> {
    const est = estimateForTicket(this.service.state, t);
    return {
      v: 1 as const,
      ok: true as const,
      ticketId: t.id,
      number: t.number,
      categoryId: t.categoryId,
      peopleAhead: est?.peopleAhead ?? 0,
      estimatedWaitMinutes: est?.minutes ?? null,
      followUrl: this.followUrl(t.id),
      issuedAt: t.issuedAt,
    };
  }

  /**
   * A dispenser's request. 绿色通道 from a device only as the hall's policy gives it: by age, read
   * from the ID card on that kiosk's reader. Green for other grounds is the service desk's call.
   */
  issueForDevice(req: TicketIssueRequest, deviceId: string): TicketIssueResponse {
    if (req.priority === 'green') {
      const policy = greenChannelPolicyOf(this.service.config);
      if (!policy.byAge.enabled || req.source !== 'id-card')
        return { v: 1, ok: false, code: 'green-not-allowed', message: 'this hall gives green tickets at the kiosk only by age from an ID card, and that is off' };
    }
    const requestId = req.requestId;
    if (requestId === undefined || !this.requests) return this.issue(req, deviceId);
    const known = this.requests.get(deviceId, requestId);
    if (known?.state === 'withdrawn') {
      this.logger?.info('ticket request answered after its withdrawal: not issued', { deviceId, requestId });
      return { v: 1, ok: false, code: 'withdrawn', message: 'this request was withdrawn by the kiosk; no ticket issued' };
    }
    if (known?.ticketId) {
      // A redelivered or repeated request: the same ticket again, never a second one.
      const t = this.service.state.tickets.get(known.ticketId);
      if (t) return this.answer(t);
    }
    const requests = this.requests;
    return this.issue(req, deviceId, (ticketId) => requests.issued(deviceId, requestId, ticketId));
  }

  /**
   * The dispenser gave up on a request (it printed from its own block) or could not keep the answer:
   * the request is never issued, or its ticket leaves the line. Only the kiosk that asked can withdraw.
   */
  withdraw(requestId: string, deviceId: string): TicketWithdrawResponse {
    if (!this.requests) return { v: 1, ok: false, code: 'unsupported', message: 'this center keeps no request record' };
    const requests = this.requests;
    const known = requests.get(deviceId, requestId);
    if (!known) {
      requests.withdrawn(deviceId, requestId, null);
      this.logger?.info('ticket request withdrawn before it was answered', { deviceId, requestId });
      return { v: 1, ok: true, outcome: 'never-issued' };
    }
    if (known.state === 'withdrawn') return { v: 1, ok: true, outcome: 'already-withdrawn', ...(known.ticketId ? { ticketId: known.ticketId } : {}) };
    const t = known.ticketId ? this.service.state.tickets.get(known.ticketId) : undefined;
    if (!t || t.status === 'cancelled') {
      requests.withdrawn(deviceId, requestId, known.ticketId);
      return { v: 1, ok: true, outcome: 'cancelled', ...(known.ticketId ? { ticketId: known.ticketId } : {}) };
    }
    if (t.status !== 'waiting') {
      // Called in the moment between the late answer and the withdrawal: the window sees nobody come.
      requests.withdrawn(deviceId, requestId, t.id);
      this.logger?.warn('withdrawn ticket request had already been called', { deviceId, requestId, ticketId: t.id, status: t.status });
      return { v: 1, ok: true, outcome: 'in-service', ticketId: t.id };
    }
    this.service.run(deviceId, (h) => {
      h.cancelTicket(t.id, deviceId, this.now().toISOString());
      requests.withdrawn(deviceId, requestId, t.id);
    });
    this.logger?.info('ticket of a withdrawn request cancelled (nobody holds it)', { deviceId, requestId, ticketId: t.id, number: t.number });
    return { v: 1, ok: true, outcome: 'cancelled', ticketId: t.id };
  }

  /** 过号重排 from a kiosk that scanned the ticket's QR code: the hall's late-arrival rule decides. */
  requeueByToken(token: string, deviceId: string): TicketRequeueResponse {
    const ticketId = this.tokens.ticketFor(token);
    const t = ticketId !== undefined ? this.service.state.tickets.get(ticketId) : undefined;
    if (!t) return { v: 1, ok: false, code: 'not-found', message: 'no ticket for this code' };
    try {
      return this.service.run(deviceId, (h) => {
        h.requeueLate(t.id, this.now().toISOString());
        const est = estimateForTicket(h.state, t);
        const rule = h.state.config.noShow.lateArrival;
        return {
          v: 1 as const,
          ok: true as const,
          number: t.number,
          categoryId: t.categoryId,
          peopleAhead: est?.peopleAhead ?? 0,
          estimatedWaitMinutes: est?.minutes ?? null,
          placement: rule.allowed ? rule.placement : 'end',
        };
      });
    } catch (e) {
      if (e instanceof DomainError) return { v: 1, ok: false, code: e.code, message: e.message, number: t.number, status: t.status };
      throw e;
    }
  }

  lease(req: NumbersLeaseRequest, issuerId: string): NumbersLeaseResponse {
    try {
      const e = this.service.run(issuerId, (h) => h.leaseBlock(issuerId, req.categoryId, this.now().toISOString()));
      return { v: 1, ok: true, block: { blockId: e.blockId, categoryId: e.categoryId, day: e.day, issuerId: e.issuerId, from: e.from, to: e.to } };
    } catch (e) {
      if (e instanceof DomainError) return { v: 1, ok: false, code: e.code, message: e.message };
      throw e;
    }
  }
}
