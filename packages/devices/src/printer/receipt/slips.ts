import { z } from 'zod';

/** What the kiosk prints when a citizen takes a ticket (取号凭条). */
export const QueueTicketSlipSchema = z.object({
  hallName: z.string().min(1),
  ticketNumber: z.string().min(1),
  serviceName: z.string().min(1),
  categoryName: z.string().optional(),
  peopleAhead: z.number().int().nonnegative(),
  /** null while no open window serves the category: the slip says so instead of promising "0 minutes". */
  estimatedWaitMinutes: z.number().nonnegative().nullable(),
  issuedAt: z.union([z.date(), z.string()]),
  /** The QR payload: a link for following the queue on a phone. */
  followUrl: z.string().min(1),
  notice: z.string().optional(),
  /** e.g. 绿色通道 / 预约 */
  priorityLabel: z.string().optional(),
  /** e.g. 请到 3 楼 社保综合窗口 */
  windowHint: z.string().optional(),
});
export type QueueTicketSlip = z.infer<typeof QueueTicketSlipSchema>;

/** Any other slip: a progress-query copy (办件进度), an appointment check-in, a test page. */
export const GenericSlipSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  lines: z.array(z.union([z.string(), z.object({ label: z.string(), value: z.string() })])),
  qr: z.object({ payload: z.string().min(1), caption: z.string().optional() }).optional(),
  footer: z.string().optional(),
});
export type GenericSlip = z.infer<typeof GenericSlipSchema>;

/** Printed wording; zh-CN by default, the kiosk passes its own for 繁體/English. */
export interface SlipLabels {
  ticketTitle: string;
  peopleAhead: (n: number) => string;
  estimatedWait: (minutes: number | null) => string;
  issuedAt: string;
  scanToFollow: string;
}

export const ZH_CN_LABELS: SlipLabels = {
  ticketTitle: '排队凭条',
  peopleAhead: (n) => `前面还有 ${n} 人`,
  estimatedWait: (m) => (m === null ? '暂无窗口办理，请留意叫号' : `预计等候约 ${Math.round(m)} 分钟`),
  issuedAt: '取号时间',
  scanToFollow: '微信扫码，随时查看排队进度',
};
