// Turns a hall event into the record the province receives (or none): EvaluationGiven → evaluation,
// EvaluationLapsed → not-rated, FollowUpOpened/Advanced → follow-up step, EvaluationAppealed/
// AppealDecided → appeal step. Codes come from the
// hall definition in force (item code, department and its code, the hall's region code), the
// settings' tables only where the definition has none; the result is checked against the schema.
import { BAD_REVIEW_REASONS, CHANNEL_CODES, LEVEL_LABEL_ZH, isBadReview, toNationalCode, toReversedCode, type HallConfig, type HallEvent } from '@hallkit/core';
import type { ProvinceFeedSettings } from './ProvinceFeedSettings.ts';
import { ProvinceRecordSchema, type ProvinceRecord } from './ProvinceRecord.ts';

type ProvinceLevelWord = Extract<ProvinceRecord, { kind: 'evaluation' }>['evaLevel'];

export const FEED_EVENT_TYPES = ['EvaluationGiven', 'EvaluationLapsed', 'FollowUpOpened', 'FollowUpAdvanced', 'EvaluationAppealed', 'EvaluationAppealDecided'] as const;

export interface RecordContext {
  settings: ProvinceFeedSettings;
  config: HallConfig;
  staffName(staffId: string): string | undefined;
  /** The service (projectNo) and evaluation a follow-up case belongs to, as recorded when it opened. */
  caseOf(caseId: string): { projectNo: string; evaluationId: string } | undefined;
  /** The service an evaluation was of (for a case opened after it). */
  projectOfEvaluation(evaluationId: string): string | undefined;
  /** Who the ticket was for, masked, when the hall knows (phone tickets, bookings). */
  applicantOf?(ticketId: string): { idMasked: string; phoneMasked: string } | undefined;
}

/** The hall's 辖区 code: the hall definition's, else the feed settings' (an older hall file). */
export function areaCodeOf(settings: ProvinceFeedSettings, config: HallConfig): string | undefined {
  return config.catalog.hall.regionCode ?? settings.regionCode;
}

export function hallCodeOf(settings: ProvinceFeedSettings, config: HallConfig): string {
  return settings.hallCode ?? config.catalog.hall.id;
}

export function projectNoOf(hallCode: string, serviceId: string): string {
  return `${hallCode}-${serviceId}`;
}

export function recordOfEvent(e: HallEvent, c: RecordContext): ProvinceRecord | undefined {
  const { settings, config } = c;
  const hallCode = hallCodeOf(settings, config);
  const common = { v: 1 as const, areaCode: areaCodeOf(settings, config) ?? '', hallCode, hallName: config.catalog.hall.name };
  let record: ProvinceRecord;
  switch (e.type) {
    case 'EvaluationGiven': {
      const item = e.itemId !== undefined ? config.catalog.items.find((i) => i.id === e.itemId) : undefined;
      const department = item?.department ?? '';
      const win = config.windows.find((w) => w.id === e.windowId);
      const applicant = c.applicantOf?.(e.ticketId);
      record = {
        kind: 'evaluation',
        ...common,
        recordId: `${hallCode}-evaluation-${e.evaluationId}`,
        projectNo: projectNoOf(hallCode, e.serviceId),
        taskCode: e.itemId !== undefined ? (item?.code ?? settings.itemCodes[e.itemId] ?? e.itemId) : '',
        taskName: item?.name ?? '',
        proDepart: department,
        deptCode: item?.departmentCode ?? (department ? (settings.departmentCodes[department] ?? '') : ''),
        windowNo: win?.number !== undefined ? String(win.number) : e.windowId,
        operateUserGuid: e.staffId,
        operateUserName: c.staffName(e.staffId) ?? e.staffId,
        userPageType: applicant ? '111' : '',
        certKeyMasked: applicant?.idMasked ?? '',
        mobileMasked: applicant?.phoneMasked ?? '',
        pf: settings.channelCodes[e.channel] ?? CHANNEL_CODES[e.channel],
        evalNum: settings.levelNumbering === '5-best' ? toReversedCode(e.level) : toNationalCode(e.level),
        levelNumbering: settings.levelNumbering,
        evaLevel: LEVEL_LABEL_ZH[e.level] as ProvinceLevelWord,
        badReview: isBadReview(e.level),
        evaCode: e.reasons.map((r) => (settings.reasonCodes as Record<string, string | undefined>)[r] ?? r),
        evaContent: e.reasons.map((r) => (BAD_REVIEW_REASONS as Record<string, string | undefined>)[r] ?? r).join('；'),
        writingEvaluation: e.comment ?? '',
        assessTime: e.at,
        assessNumber: 1,
        evaluationId: e.evaluationId,
      };
      break;
    }
    case 'EvaluationLapsed':
      record = { kind: 'not-rated', ...common, recordId: `${hallCode}-not-rated-${e.serviceId}${e.by === 'center' ? '-center' : ''}`, projectNo: projectNoOf(hallCode, e.serviceId), lapsedAt: e.at, by: e.by === 'center' ? 'center' : 'pad' };
      break;
    case 'FollowUpOpened': {
      const projectNo = c.projectOfEvaluation(e.evaluationId) ?? `${hallCode}-case-${e.caseId}`;
      record = { kind: 'follow-up', ...common, recordId: `${hallCode}-follow-up-${e.caseId}-opened`, projectNo, caseId: e.caseId, evaluationId: e.evaluationId, step: 'opened', stepTime: e.at, stepBy: 'center', deadline: e.deadline };
      break;
    }
    case 'FollowUpAdvanced': {
      const k = c.caseOf(e.caseId);
      const note = e.note ?? '';
      record = {
        kind: 'follow-up',
        ...common,
        recordId: `${hallCode}-follow-up-${e.caseId}-${e.to}`,
        projectNo: k?.projectNo ?? `${hallCode}-case-${e.caseId}`,
        caseId: e.caseId,
        evaluationId: k?.evaluationId ?? '',
        step: e.to,
        stepTime: e.at,
        stepBy: e.by,
        ...(e.to === 'rectified' ? { rectification: note } : { answer: note }),
      };
      break;
    }
    case 'EvaluationAppealed':
    case 'EvaluationAppealDecided': {
      const k = c.caseOf(e.caseId);
      const filed = e.type === 'EvaluationAppealed';
      record = {
        kind: 'appeal',
        ...common,
        recordId: `${hallCode}-appeal-${e.caseId}-${filed ? 'filed' : 'decided'}`,
        projectNo: k?.projectNo ?? `${hallCode}-case-${e.caseId}`,
        caseId: e.caseId,
        evaluationId: filed ? e.evaluationId : (k?.evaluationId ?? ''),
        step: filed ? 'filed' : 'decided',
        stepTime: e.at,
        stepBy: e.by,
        ...(filed ? { reason: e.reason } : { upheld: e.upheld, effectivEvalua: !e.upheld, ...(e.note ? { note: e.note } : {}) }),
      };
      break;
    }
    default:
      return undefined;
  }
  return ProvinceRecordSchema.parse(record);
}
