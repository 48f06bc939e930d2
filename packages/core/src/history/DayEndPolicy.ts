import { z } from 'zod';

/**
 * The hall's rule for the end of a hall-day. Tickets are valid for their day only (当日有效):
 * whoever is still waiting or set aside at closing ends `cancelled` (作废, the default) or, in halls
 * that count them so, `no-show` (过号). Either way the day-close event lists them, so they count once.
 */
export const DayEndPolicySchema = z.object({
  unservedTicketsEndAs: z.enum(['cancelled', 'no-show']),
});
export type DayEndPolicy = z.infer<typeof DayEndPolicySchema>;

export const DEFAULT_DAY_END: DayEndPolicy = { unservedTicketsEndAs: 'cancelled' };
