// One record of the provincial 好差评 feed (v1): a rating, a service recorded as not rated, a step
// of a 差评's follow-up (回访/整改), or a step of its 申诉 (filed, decided). Field names follow the ones provincial platforms exchange
// (shared/reference/haochaping.md: Epoint EvaInstance — projectno, taskcode, prodepart, areacode, pf,
// evacode, writingEvaluation, assessTime, rectification, answer…). `recordId` is the idempotency key:
// the same record is always sent with the same id, and a receiver keeps the first copy only.
import { z } from 'zod';

const Time = z.string().datetime({ offset: true });
/** A masked identifier (`3706**********1234`, `138****5678`) or '' — never a whole one (PIPL). */
const Masked = z.string().refine((v) => v === '' || v.includes('*'), 'only masked forms leave the hall');

const common = {
  v: z.literal(1),
  /** Idempotency key, unique per record across the province: `<hallCode>-<kind>-<id>`. */
  recordId: z.string().min(1).max(128),
  /** 办件编号: this hall's service (one ticket's service at one window). */
  projectNo: z.string().min(1),
  /** 辖区编码 (12-digit region code): the hall definition's `catalog.hall.regionCode`. */
  areaCode: z.string().regex(/^\d{12}$/),
  /** The 政务服务机构 (the hall) as the province knows it. */
  hallCode: z.string().min(1),
  hallName: z.string().min(1),
};

/** What the evaluated service was and who served it. */
const served = {
  /** 事项编码: the hall definition's item `code` ('' when the service named no 事项). */
  taskCode: z.string(),
  taskName: z.string(),
  /** 实施/受理部门 and its code: the item's `department` and `departmentCode` ('' when not given). */
  proDepart: z.string(),
  deptCode: z.string(),
  windowNo: z.string(),
  /** The staff evaluated. */
  operateUserGuid: z.string(),
  operateUserName: z.string(),
  /**
   * The applicant, as far as the hall knows them (a ticket taken on the phone or a booking): 证件类型
   * (`111` 居民身份证; '' unknown), the ID number and phone MASKED ('' unknown). A walk-in is unknown.
   */
  userPageType: z.enum(['111', '']),
  certKeyMasked: Masked,
  mobileMasked: Masked,
};

export const ProvinceRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('evaluation'),
    ...common,
    ...served,
    /** 评价渠道: pc=1, 移动端=2, 二维码=3, 大厅平板=4, 大厅其他终端=5. */
    pf: z.number().int().min(1).max(9),
    /** Level 1–5 in the province's numbering (`levelNumbering` says which end is 非常满意). */
    evalNum: z.number().int().min(1).max(5),
    levelNumbering: z.enum(['5-best', '1-best']),
    /** 满意度等级, in words: no reader has to guess the numbering. */
    evaLevel: z.enum(['非常满意', '满意', '基本满意', '不满意', '非常不满意']),
    /** 差评 (不满意/非常不满意): opens a follow-up. */
    badReview: z.boolean(),
    /** 评价内容编码 and their text. */
    evaCode: z.array(z.string()),
    evaContent: z.string(),
    /** 文字评价 (the citizen's own words). */
    writingEvaluation: z.string(),
    assessTime: Time,
    assessNumber: z.number().int().positive(),
    evaluationId: z.string().min(1),
  }),
  z.object({
    kind: z.literal('not-rated'),
    ...common,
    /** When the rating time ran out: recorded as not rated, never as a default rating. */
    lapsedAt: Time,
    /** `center`: the center gave up on a pad that never answered (a late rating from it may follow). */
    by: z.enum(['pad', 'center']),
  }),
  z.object({
    kind: z.literal('follow-up'),
    ...common,
    caseId: z.string().min(1),
    evaluationId: z.string(),
    step: z.enum(['opened', 'contacted', 'rectified', 'closed']),
    stepTime: Time,
    stepBy: z.string(),
    /** The last day to finish rectification (opened only). */
    deadline: z.string().optional(),
    /** 整改反馈 (the rectified step's note). */
    rectification: z.string().optional(),
    /** 答复/回访 result (contacted and closed steps' notes). */
    answer: z.string().optional(),
  }),
  z.object({
    kind: z.literal('appeal'),
    ...common,
    caseId: z.string().min(1),
    evaluationId: z.string(),
    /** 申诉 filed (by or for the staff evaluated), then decided (申诉复核). */
    step: z.enum(['filed', 'decided']),
    stepTime: Time,
    stepBy: z.string(),
    /** Why the 差评 is disputed (filed). */
    reason: z.string().optional(),
    /** Decided: upheld (申诉成立) or not. */
    upheld: z.boolean().optional(),
    /** 是否有效评价 after the decision: false when upheld — the 差评 no longer counts. */
    effectivEvalua: z.boolean().optional(),
    /** The decision's note (复核意见). */
    note: z.string().optional(),
  }),
]);
export type ProvinceRecord = z.infer<typeof ProvinceRecordSchema>;
export type ProvinceRecordKind = ProvinceRecord['kind'];
