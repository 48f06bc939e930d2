import { z } from 'zod';

/**
 * Where a rating came from: the web (pc), a phone page (移动端), a window's rating QR code (二维码),
 * the window pad (大厅平板), another hall terminal such as a kiosk (大厅其他终端), the hotline, SMS.
 */
export const EVALUATION_CHANNELS = ['web', 'mobile', 'qr-code', 'hall-pad', 'hall-terminal', 'hotline', 'sms'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];
export const EvaluationChannelSchema = z.enum(EVALUATION_CHANNELS);

/**
 * 评价渠道 (`pf`) as the national 好差评 exchange numbers it: pc端=1, 移动端=2, 二维码=3,
 * 政务大厅平板电脑=4, 政务大厅其他终端=5 (shared/reference/haochaping.md). Hotline and SMS are not in
 * that list; 6 and 7 are this project's choice, and a province's feed settings may map them otherwise.
 * Written out, never derived from the order of EVALUATION_CHANNELS (adding a channel must not renumber).
 */
export const CHANNEL_CODES: Readonly<Record<EvaluationChannel, number>> = {
  web: 1,
  mobile: 2,
  'qr-code': 3,
  'hall-pad': 4,
  'hall-terminal': 5,
  hotline: 6,
  sms: 7,
};

export function channelCode(channel: EvaluationChannel): number {
  return CHANNEL_CODES[channel];
}
