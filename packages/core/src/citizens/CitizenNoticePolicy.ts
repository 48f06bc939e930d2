import { z } from 'zod';

/**
 * When a hall texts citizens who asked for it (an optional part of the hall definition; absent: the
 * defaults). 「前面还有 N 人」 goes when `aheadThreshold` or fewer are ahead; an appointment's reminder
 * on the day before at `bookingReminderAt` (hall-local HH:mm).
 */
export const CitizenNoticePolicySchema = z.object({
  aheadThreshold: z.number().int().min(1).max(50).default(3),
  bookingReminderAt: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:mm, e.g. 10:00')
    .default('10:00'),
});
export type CitizenNoticePolicy = z.infer<typeof CitizenNoticePolicySchema>;

export const DEFAULT_CITIZEN_NOTICE_POLICY: CitizenNoticePolicy = { aheadThreshold: 3, bookingReminderAt: '10:00' };

export function citizenNoticePolicy(config: { citizenNotices?: CitizenNoticePolicy | undefined }): CitizenNoticePolicy {
  return config.citizenNotices ?? DEFAULT_CITIZEN_NOTICE_POLICY;
}
