// A handful of realistic cases from the Yantai seed, timed relative to "now" so the demo always
// shows one in approval, one mailed, one waiting for pick-up, one needing more documents.
import type { ApplicationCase, CaseStep } from '@hallkit/core';
import { idCheckCharacter } from '../identity/idNumber.ts';

/** Fictional applicants (valid check digits, not real people). */
export const DEMO_APPLICANTS = {
  zhang: withCheck('37060219850312123'),
  li: withCheck('37061319920707456'),
} as const;

function withCheck(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

const STEP_NAMES = ['受理', '审核', '审批', '制证'] as const;

function steps(now: number, doneCount: number, last: '寄送' | '领取', by: string[], notes: Partial<Record<number, string>> = {}): CaseStep[] {
  const names = [...STEP_NAMES, last];
  return names.map((name, i) => {
    const status: CaseStep['status'] = i < doneCount ? 'done' : i === doneCount ? 'current' : 'pending';
    const at = i < doneCount ? new Date(now - (doneCount - i) * 26 * 3_600_000).toISOString() : undefined;
    return { name, status, ...(at ? { at } : {}), ...(by[i] ? { by: by[i] } : {}), ...(notes[i] ? { note: notes[i] } : {}) };
  });
}

function day(now: number, plusDays: number): string {
  return new Date(now + plusDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function demoCases(now = Date.now()): { case: ApplicationCase; idNumber: string }[] {
  const accepted = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  return [
    {
      idNumber: DEMO_APPLICANTS.zhang,
      case: {
        v: 1,
        receiptCode: 'YT20260001',
        itemName: '企业开办（设立登记）',
        department: '市行政审批服务局',
        applicantMasked: '',
        acceptedAt: accepted(2),
        dueDay: day(now, 1),
        status: 'in-progress',
        steps: steps(now, 2, '领取', ['综合受理3号窗口', '市场准入科', '市场准入科', '制证中心', '综合受理出件窗口']),
      },
    },
    {
      idNumber: DEMO_APPLICANTS.zhang,
      case: {
        v: 1,
        receiptCode: 'YT20260002',
        itemName: '不动产登记（转移登记）',
        department: '市不动产登记中心',
        applicantMasked: '',
        acceptedAt: accepted(5),
        dueDay: day(now, 0),
        status: 'completed',
        steps: steps(now, 5, '寄送', ['不动产登记12号窗口', '登记审核科', '登记审核科', '制证中心', 'EMS'], { 4: '已交邮政 EMS 寄出（免费寄送）' }),
        delivery: { method: 'mail', trackingNo: 'EMS1100238467837' },
      },
    },
    {
      idNumber: DEMO_APPLICANTS.li,
      case: {
        v: 1,
        receiptCode: 'YT20260003',
        itemName: '住房公积金提取',
        department: '市住房公积金管理中心',
        applicantMasked: '',
        acceptedAt: accepted(1),
        dueDay: day(now, 2),
        status: 'in-progress',
        steps: steps(now, 4, '领取', ['公积金5号窗口', '提取审核科', '提取审核科', '公积金中心', '公积金出件窗口'], { 4: '可到二楼东厅出件窗口领取' }),
        delivery: { method: 'pickup' },
      },
    },
    {
      idNumber: DEMO_APPLICANTS.li,
      case: {
        v: 1,
        receiptCode: 'YT20260004',
        itemName: '食品经营许可',
        department: '市行政审批服务局',
        applicantMasked: '',
        acceptedAt: accepted(3),
        dueDay: day(now, 4),
        status: 'needs-supplement',
        steps: steps(now, 1, '领取', ['综合受理7号窗口', '食品药品科'], { 1: '请补充：经营场所平面布局图' }),
      },
    },
  ];
}
