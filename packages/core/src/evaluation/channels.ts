import { z } from 'zod';

/**
 * Where a rating came from. Codes follow the national 好差评 data exchange (评价渠道):
 * 1 PC web, 2 mobile, 3 hall tablet (the window pad), 4 other hall terminal, 5 hotline, 6 SMS.
 */
export const EVALUATION_CHANNELS = ['web', 'mobile', 'hall-pad', 'hall-terminal', 'hotline', 'sms'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];
export const EvaluationChannelSchema = z.enum(EVALUATION_CHANNELS);

export function channelCode(channel: EvaluationChannel): string {
  return String(EVALUATION_CHANNELS.indexOf(channel) + 1);
}
