/**
 * The fixed list a 差评 picks its reasons from (after the national 好差评 spec's categories).
 * A hall may show a subset; it may not invent free-text reasons — those go in the comment.
 */
export const BAD_REVIEW_REASONS = {
  attitude: '服务态度差',
  'long-wait': '等候时间长',
  'many-trips': '多次跑腿',
  'unclear-guide': '办事指南不清楚',
  'slow-handling': '办理效率低',
  'extra-materials': '要求提供额外材料',
  'unclear-answer': '答复解释不清',
  'system-fault': '系统故障',
  environment: '服务环境差',
  other: '其他',
} as const;
export type BadReviewReason = keyof typeof BAD_REVIEW_REASONS;
export const BAD_REVIEW_REASON_IDS = Object.keys(BAD_REVIEW_REASONS) as BadReviewReason[];
