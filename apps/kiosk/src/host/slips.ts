// The printed wording in the kiosk's three languages, and the slips it prints besides tickets.
import { hallLocalTime, type ApplicationCase } from '@hallkit/core';
import type { GenericSlip, SlipLabels } from '@hallkit/devices/printer/receipt/slips';

export type Language = 'zh-CN' | 'zh-TW' | 'en';

export const SLIP_LABELS: Record<Language, SlipLabels> = {
  'zh-CN': {
    ticketTitle: '排队凭条',
    peopleAhead: (n) => `前面还有 ${n} 人`,
    estimatedWait: (m) => (m === null ? '暂无窗口办理，请留意叫号' : Math.round(m) < 1 ? '即将叫号，请留意叫号' : `预计等候约 ${Math.round(m)} 分钟`),
    issuedAt: '取号时间',
    scanToFollow: '微信扫码，随时查看排队进度',
  },
  'zh-TW': {
    ticketTitle: '排隊憑條',
    peopleAhead: (n) => `前面還有 ${n} 人`,
    estimatedWait: (m) => (m === null ? '暫無窗口辦理，請留意叫號' : Math.round(m) < 1 ? '即將叫號，請留意叫號' : `預計等候約 ${Math.round(m)} 分鐘`),
    issuedAt: '取號時間',
    scanToFollow: '掃碼隨時查看排隊進度',
  },
  en: {
    ticketTitle: 'Queue ticket',
    peopleAhead: (n) => `${n} people ahead`,
    estimatedWait: (m) => (m === null ? 'No window open yet — watch the call board' : Math.round(m) < 1 ? 'You will be called very soon' : `About ${Math.round(m)} min wait`),
    issuedAt: 'Issued',
    scanToFollow: 'Scan to follow your place in the queue',
  },
};

const CASE_WORDS: Record<Language, { title: string; item: string; dept: string; applicant: string; accepted: string; due: string; status: Record<ApplicationCase['status'], string> }> = {
  'zh-CN': { title: '办件进度', item: '事项', dept: '部门', applicant: '申请人', accepted: '受理时间', due: '承诺办结', status: { 'in-progress': '办理中', completed: '已办结', 'needs-supplement': '需补正材料', rejected: '不予受理' } },
  'zh-TW': { title: '辦件進度', item: '事項', dept: '部門', applicant: '申請人', accepted: '受理時間', due: '承諾辦結', status: { 'in-progress': '辦理中', completed: '已辦結', 'needs-supplement': '需補正材料', rejected: '不予受理' } },
  en: { title: 'Case progress', item: 'Service', dept: 'Department', applicant: 'Applicant', accepted: 'Accepted', due: 'Due', status: { 'in-progress': 'In progress', completed: 'Completed', 'needs-supplement': 'Documents needed', rejected: 'Rejected' } },
};

const MARK = { done: '✓', current: '▶', pending: '○' } as const;

/** A printed copy of a case's progress, the same steps the screen shows. */
export function caseSlip(c: ApplicationCase, lang: Language, timeZone: string): GenericSlip {
  const w = CASE_WORDS[lang];
  const when = (iso: string) => hallTime(iso, timeZone);
  return {
    title: w.title,
    subtitle: `${c.receiptCode} · ${w.status[c.status]}`,
    lines: [
      { label: w.item, value: c.itemName },
      { label: w.dept, value: c.department },
      { label: w.applicant, value: c.applicantMasked },
      { label: w.accepted, value: when(c.acceptedAt) },
      ...(c.dueDay ? [{ label: w.due, value: c.dueDay }] : []),
      ...c.steps.map((s) => `${MARK[s.status]} ${s.name}${s.at ? ` ${when(s.at)}` : ''}${s.by ? ` ${s.by}` : ''}`),
    ],
  };
}

/** `YYYY-MM-DD HH:MM` in the hall's zone; an unreadable time is printed as it came. */
export function hallTime(iso: string, timeZone: string): string {
  try {
    const t = hallLocalTime(iso, timeZone);
    return `${t.day} ${String(Math.floor(t.minuteOfDay / 60)).padStart(2, '0')}:${String(t.minuteOfDay % 60).padStart(2, '0')}`;
  } catch {
    return iso;
  }
}
