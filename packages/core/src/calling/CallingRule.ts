import { z } from 'zod';

/**
 * Priority classes, highest first. 绿色通道 (elderly, disabled, key projects) and appointments
 * checked in within their slot are "priority"; everything else is "normal".
 */
export const PRIORITY_CLASSES = ['green', 'appointment', 'normal'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];
export const PriorityClassSchema = z.enum(PRIORITY_CLASSES);

export function isPriority(c: PriorityClass): boolean {
  return c !== 'normal';
}

/**
 * How one window picks its next ticket. Declarative, so the admin console can edit it and the
 * window console can explain it.
 * - strict: any priority ticket goes before any normal ticket.
 * - interleave: at most `priority` priority calls, then up to `normal` normal calls, and round
 *   again — a normal ticket never waits behind an endless stream of priority tickets.
 */
export const CallingRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('strict') }),
  z.object({
    mode: z.literal('interleave'),
    priority: z.number().int().min(1),
    normal: z.number().int().min(1),
  }),
]);
export type CallingRule = z.infer<typeof CallingRuleSchema>;

/** What happens when a called citizen does not come, and when they turn up late. */
export const NoShowPolicySchema = z.object({
  /** Recalls (重呼) required before staff may mark 过号: protects citizens from a hasty skip. */
  recallsBeforeNoShow: z.number().int().min(0).default(2),
  lateArrival: z.discriminatedUnion('allowed', [
    z.object({ allowed: z.literal(false) }),
    z.object({
      allowed: z.literal(true),
      /** Minutes after the no-show within which the ticket may be re-queued. */
      withinMinutes: z.number().int().positive(),
      /** `keep`: back in its original place; `end`: behind everyone waiting now. */
      placement: z.enum(['keep', 'end']),
    }),
  ]),
});
export type NoShowPolicy = z.infer<typeof NoShowPolicySchema>;

export const defaultNoShowPolicy: NoShowPolicy = {
  recallsBeforeNoShow: 2,
  lateArrival: { allowed: true, withinMinutes: 30, placement: 'end' },
};
