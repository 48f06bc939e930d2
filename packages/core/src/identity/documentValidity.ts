// Whether a card may be used today: its number (idNumber.ts) and its validity period. One rule for
// every place a card or number enters; the decision (issue 16) is to REFUSE in plain words and send
// the citizen to the service desk (服务台), where staff can look at the document — the same answer
// the phone pages give — rather than hand out a ticket for a number the center cannot match.
import { checkIdNumber, type IdLayout, type IdProblem } from './idNumber.ts';

export type DocumentProblem = IdProblem | 'expired' | 'not-yet-valid' | 'birth-date-mismatch';

export interface IdDocumentFacts {
  idNumber: string;
  /** YYYY-MM-DD as printed on the card (chip). */
  birthDate?: string;
  validFrom?: string;
  /** YYYY-MM-DD, or null for 长期 (long term). */
  validTo?: string | null;
}

export type DocumentCheck = { ok: true; layout: IdLayout; birthDate: string } | { ok: false; problem: DocumentProblem };

export function checkIdDocument(card: IdDocumentFacts, today: string): DocumentCheck {
  const n = checkIdNumber(card.idNumber, today);
  if (!n.ok) return { ok: false, problem: n.problem };
  // The chip's birth date and the number's must agree (a forged or mis-written chip otherwise).
  if (card.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(card.birthDate) && card.birthDate !== n.birthDate) return { ok: false, problem: 'birth-date-mismatch' };
  if (card.validFrom && /^\d{4}-\d{2}-\d{2}$/.test(card.validFrom) && card.validFrom > today) return { ok: false, problem: 'not-yet-valid' };
  // Valid through the last day printed (有效期至 2024-01-01 means that day still counts).
  if (card.validTo && /^\d{4}-\d{2}-\d{2}$/.test(card.validTo) && card.validTo < today) return { ok: false, problem: 'expired' };
  return { ok: true, layout: n.layout, birthDate: n.birthDate };
}

/** Plain words for a refusal, per language (screen, phone page, CLI). */
export const DOCUMENT_PROBLEM_TEXT: Record<DocumentProblem, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  format: { 'zh-CN': '证件号码的格式不对', 'zh-TW': '證件號碼的格式不對', en: 'the ID number is not in a known format' },
  'check-character': { 'zh-CN': '证件号码的最后一位校验不通过，号码有误', 'zh-TW': '證件號碼的最後一位校驗不通過，號碼有誤', en: 'the last character (check digit) of the ID number does not match — the number is wrong' },
  'birth-date': { 'zh-CN': '证件号码里的出生日期不存在', 'zh-TW': '證件號碼裡的出生日期不存在', en: 'the birth date inside the ID number is impossible' },
  'birth-date-mismatch': { 'zh-CN': '证件上的出生日期与号码不一致', 'zh-TW': '證件上的出生日期與號碼不一致', en: 'the birth date on the card does not match its number' },
  expired: { 'zh-CN': '证件已过有效期', 'zh-TW': '證件已過有效期', en: 'the card has expired' },
  'not-yet-valid': { 'zh-CN': '证件还未到生效日期', 'zh-TW': '證件還未到生效日期', en: 'the card is not valid yet' },
};
