// The SMS a hall sends, by purpose. Each purpose is one template approved at the provider (its id
// lives in the hall's SMS settings); the parameters are filled in this order. The text here is what
// the template should say when a hall applies for it, and what the local stand-in shows.
export const SMS_PURPOSES = ['loginCode', 'queueAhead', 'called', 'bookingReminder'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export interface SmsTemplateText {
  /** Parameter names in order ({1}, {2}, …). */
  params: readonly string[];
  /** Suggested template text for the provider's 模板申请 (Tencent Cloud's {n} placeholders). */
  text: string;
  /** The parameters hold a secret (a login code): never in the audit, blanked once sent. */
  secret: boolean;
}

export const SMS_TEMPLATE_TEXT: Record<SmsPurpose, SmsTemplateText> = {
  loginCode: { params: ['code', 'minutes'], text: '您的验证码为{1}，{2}分钟内有效。如非本人操作，请忽略本短信。', secret: true },
  queueAhead: { params: ['number', 'ahead', 'category'], text: '您的{3}排队号{1}前面还有{2}人，请回到大厅留意叫号屏。', secret: false },
  called: { params: ['number', 'window'], text: '请{1}号到{2}号窗口办理，过号需重新排队。', secret: false },
  bookingReminder: { params: ['day', 'time', 'category', 'code'], text: '您预约了{1} {2}的{3}，请携带身份证按时到大厅取号机签到，预约码{4}。', secret: false },
};

/** The message as the citizen reads it (for the stand-in and the demo). */
export function smsText(purpose: SmsPurpose, params: readonly string[]): string {
  return SMS_TEMPLATE_TEXT[purpose].text.replace(/\{(\d+)\}/g, (_, n: string) => params[Number(n) - 1] ?? '');
}
