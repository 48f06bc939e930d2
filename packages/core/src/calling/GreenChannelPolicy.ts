import { z } from 'zod';
import type { PriorityClass } from './CallingRule.ts';

/**
 * 绿色通道 at the kiosk: which citizens get a green ticket by themselves, read from their ID card.
 * Off unless the hall turns it on; the service desk issues green tickets for other grounds
 * (disability, key projects) by hand.
 */
export const GreenChannelPolicySchema = z.object({
  byAge: z
    .object({
      enabled: z.boolean().default(false),
      /** Whole years on the hall-day, from the card's birth date: 70 means "70 and over". */
      minAge: z.number().int().min(50).max(120).default(70),
    })
    .default({ enabled: false, minAge: 70 }),
});
export type GreenChannelPolicy = z.infer<typeof GreenChannelPolicySchema>;

export const defaultGreenChannelPolicy: GreenChannelPolicy = { byAge: { enabled: false, minAge: 70 } };

/** The hall's policy, or the default (off) for a hall definition that does not state one. */
export function greenChannelPolicyOf(config: { greenChannel?: GreenChannelPolicy | undefined }): GreenChannelPolicy {
  return config.greenChannel ?? defaultGreenChannelPolicy;
}

/** The class a card holder's ticket gets at the kiosk: green when the policy is on and their age reaches it. */
export function priorityForAge(policy: GreenChannelPolicy, age: number | null): PriorityClass {
  return policy.byAge.enabled && age !== null && age >= policy.byAge.minAge ? 'green' : 'normal';
}
