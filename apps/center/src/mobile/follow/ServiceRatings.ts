// Rating a ticket's services after the window: the phone's 补充评价 and the hall's rating point (a
// kiosk scanning the ticket's QR code). One place for the rules both share — which services of the
// ticket (one per window it was served at), the hall's own 差评 reasons, a comment within the record's
// size — and core's validateEvent for the rest (once per service, after it finished, the pad's say
// first, within laterRatingDays).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError, EvaluationLevelSchema, isBadReview, laterRatings, type EvaluationChannel, type LaterRating } from '@hallkit/core';
import { fail } from '../access/MobileError.ts';
import type { HallAccess } from '../HallAccess.ts';

/** What a citizen gives: the level, 差评 reasons from the hall's list, a comment (the record keeps 200 characters). */
export const ServiceRatingInputSchema = z.object({
  level: EvaluationLevelSchema,
  reasons: z.array(z.string().max(40)).max(10).default([]),
  comment: z.string().trim().max(200).optional(),
  /** Which service of the ticket; unset: the one open for rating (the last one when several are). */
  serviceId: z.string().min(1).max(80).optional(),
});
export type ServiceRatingInput = z.infer<typeof ServiceRatingInputSchema>;

export class ServiceRatings {
  constructor(private readonly hall: HallAccess) {}

  list(ticketId: string, now: number): LaterRating[] {
    return laterRatings(this.hall.state, ticketId, now);
  }

  /** The hall's 差评 reasons (a subset of the national list, in the hall definition). */
  reasons(): string[] {
    return this.hall.state.config.evaluation.reasons;
  }

  /** Rate one service of the ticket through `channel`; refusals are MobileErrors with the domain's code. */
  rate(ticketId: string, input: ServiceRatingInput, channel: Extract<EvaluationChannel, 'mobile' | 'qr-code' | 'hall-terminal'>, source: string, now: number): { evaluationId: string; followUp: boolean } {
    const services = this.list(ticketId, now);
    if (services.length === 0) fail('nothing-to-rate');
    const svc = input.serviceId !== undefined ? services.find((s) => s.serviceId === input.serviceId) : ([...services].reverse().find((s) => s.state === 'open') ?? services.at(-1));
    if (!svc) fail('nothing-to-rate');
    const reasons = isBadReview(input.level) ? [...new Set(input.reasons)] : [];
    const offered = new Set(this.reasons());
    const foreign = reasons.find((r) => !offered.has(r));
    if (foreign !== undefined) fail('bad-request', `reason ${foreign} is not one this hall offers`);
    const evaluationId = randomUUID();
    try {
      this.hall.run(source, (h) =>
        h.evaluate({
          evaluationId,
          serviceId: svc.serviceId,
          level: input.level,
          reasons,
          ...(input.comment ? { comment: input.comment } : {}),
          channel,
          at: new Date(now).toISOString(),
        }),
      );
    } catch (e) {
      if (e instanceof DomainError) {
        if (e.code === 'already-evaluated' || e.code === 'evaluation-closed' || e.code === 'evaluation-needs-reason' || e.code === 'evaluation-pending-at-window') fail(e.code);
        if (e.code === 'unknown-reason') fail('bad-request', e.message);
        if (e.code === 'unknown-service') fail('nothing-to-rate');
      }
      throw e;
    }
    return { evaluationId, followUp: isBadReview(input.level) };
  }
}
