// What `hallkit-device read-card` prints for a technician: every field the card carries, in the
// card's own terms (民族 for residents, 国籍 for foreigners, 通行证号码/签发次数 for HMT permits), and
// whether the hall would accept it under @hallkit/core's one ID rule — and if not, why.
import { checkIdDocument, DOCUMENT_PROBLEM_TEXT, maskIdNumber } from '@hallkit/core';
import { describeCard, type IdCard } from '../idcard/IdCard.ts';

const LAYOUT_TEXT = {
  resident: '居民身份证',
  'hmt-permit': '港澳台居民居住证',
  'foreign-2023': '外国人永久居留身份证（2023版，18位）',
  'foreign-2017': '外国人永久居留身份证（2017版，15位）',
} as const;

function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function cardCheck(card: IdCard, timeZone = 'Asia/Shanghai') {
  return checkIdDocument(card, today(timeZone));
}

/** The card as JSON: numbers masked unless asked, the photo summarised, the hall's verdict added. */
export function cardView(card: IdCard, unmasked: boolean, timeZone?: string): Record<string, unknown> {
  const { photo, ...fields } = card;
  const mask = (s: string | undefined) => (s === undefined ? undefined : unmasked ? s : maskIdNumber(s));
  const check = cardCheck(card, timeZone);
  return {
    ...fields,
    idNumber: mask(card.idNumber),
    ...(card.passNumber !== undefined ? { passNumber: mask(card.passNumber) } : {}),
    photo: { format: photo.format, bytes: photo.bytes.length },
    check: check.ok ? { ok: true, layout: check.layout } : { ok: false, problem: check.problem, reason: DOCUMENT_PROBLEM_TEXT[check.problem]['zh-CN'] },
  };
}

export function cardText(card: IdCard, unmasked: boolean, timeZone?: string): string {
  const v = cardView(card, unmasked, timeZone);
  const check = cardCheck(card, timeZone);
  const validity = `有效期 ${card.validFrom}–${card.validTo ?? '长期'}`;
  const lines = [describeCard(card)];
  if (card.kind === 'foreign-permanent') {
    lines.push(`  中文姓名 ${card.name === card.englishName ? '—' : card.name}  英文姓名 ${card.englishName ?? '—'}  性别 ${card.gender}  国籍 ${card.nation}  出生 ${card.birthDate}`);
    lines.push(`  号码 ${String(v.idNumber)}  证件版本 ${card.cardVersion ?? '—'}  签发机关代码 ${card.authority}  ${validity}`);
  } else if (card.kind === 'hmt-permit') {
    lines.push(`  姓名 ${card.name}  性别 ${card.gender}  出生 ${card.birthDate}`);
    lines.push(`  住址 ${card.address}`);
    lines.push(`  号码 ${String(v.idNumber)}  通行证号码 ${String(v.passNumber ?? '—')}  签发次数 ${card.issueCount ?? '—'}  签发机关 ${card.authority}  ${validity}`);
  } else {
    lines.push(`  姓名 ${card.name}  性别 ${card.gender}  民族 ${card.nation}  出生 ${card.birthDate}`);
    lines.push(`  住址 ${card.address}`);
    lines.push(`  号码 ${String(v.idNumber)}  签发机关 ${card.authority}  ${validity}`);
  }
  lines.push(check.ok ? `  核验 通过：${LAYOUT_TEXT[check.layout]}` : `  核验 不通过：${DOCUMENT_PROBLEM_TEXT[check.problem]['zh-CN']}（本机和手机端都会拒绝，请到服务台人工核验）`);
  return lines.join('\n');
}
