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
} from '@hallkit/core';
import type { HallService } from '../hall/HallService.ts';
import type { TicketTokens } from './TicketTokens.ts';

export class TicketDesk {
  constructor(
    private readonly service: HallService,
    private readonly tokens: TicketTokens,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  followUrl(ticketId: string): string {
    return `${this.publicUrl.replace(/\/$/, '')}/m/t/${this.tokens.tokenFor(ticketId)}`;
  }

  issue(req: Omit<TicketIssueRequest, 'v'> & { appointmentId?: string }, issuerId: string): TicketIssueResponse {
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
        const t = h.ticket(e.ticketId);
        const est = estimateForTicket(h.state, t);
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
      });
    } catch (e) {
      if (e instanceof DomainError) return { v: 1, ok: false, code: e.code, message: e.message };
      throw e;
    }
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
    return this.issue(req, deviceId);
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
