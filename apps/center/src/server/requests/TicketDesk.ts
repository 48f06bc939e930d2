// The queue service's answers to dispensers: a ticket while they are online, a block of numbers
// to keep handing out when they are not. Refusals are answers with the domain's code.
import {
  DomainError,
  estimateForTicket,
  type NumbersLeaseRequest,
  type NumbersLeaseResponse,
  type TicketIssueRequest,
  type TicketIssueResponse,
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
