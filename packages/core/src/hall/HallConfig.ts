import { z } from 'zod';
import { CatalogSchema } from '../catalog/Catalog.ts';
import { textTranslationsSchema, TRANSLATION_MAX } from '../catalog/Translations.ts';
import { CallingRuleSchema, NoShowPolicySchema } from '../calling/CallingRule.ts';
import { BAD_REVIEW_REASON_IDS, type BadReviewReason } from '../evaluation/reasons.ts';
import { HallHardwareSchema } from '../hardware/HallHardware.ts';
import { GreenChannelPolicySchema } from '../calling/GreenChannelPolicy.ts';
import { DayEndPolicySchema } from '../history/DayEndPolicy.ts';
import { CitizenNoticePolicySchema } from '../citizens/CitizenNoticePolicy.ts';
import { DoorQueuePolicySchema } from '../citizens/DoorQueuePolicy.ts';

export const WindowLabelTranslationsSchema = textTranslationsSchema(TRANSLATION_MAX.label);

export const ServiceWindowSchema = z.object({
  id: z.string(),
  /** What citizens see and hear: "5号窗口". */
  number: z.number().int().positive(),
  zoneId: z.string(),
  /** Categories this window serves; a 无差别/综合 window serves many. */
  categoryIds: z.array(z.string()).min(1),
  rule: CallingRuleSchema,
  /** Shown with the number where a window has a purpose of its own: 「绿色通道」. */
  label: z.string().trim().min(1).max(20).optional(),
  /** The label in 繁體/English (「綠色通道」, "Green Channel"); screens fall back to `label`. */
  labelI18n: WindowLabelTranslationsSchema.optional(),
});
export type ServiceWindow = z.infer<typeof ServiceWindowSchema>;

export const EvaluationPolicySchema = z.object({
  /** How long the window pad waits for a rating before the service is recorded as not rated. */
  ratingSeconds: z.number().int().positive(),
  /**
   * Minutes after the window's rating time (see evaluation/ratingWindow.ts) before the center records
   * a still-pending service as not rated itself — the pad was off or broken. Unset: 120.
   */
  centerLapseMinutes: z.number().int().positive().optional(),
  /** 补充评价: days after the service in which the ticket's QR code still accepts a rating. */
  laterRatingDays: z.number().int().min(0),
  /** Working days to rectify a 差评 (per region). */
  followUpWorkingDays: z.number().int().positive(),
  /** Reasons offered for a 差评, a subset of BAD_REVIEW_REASONS. */
  reasons: z.array(z.enum(BAD_REVIEW_REASON_IDS as [BadReviewReason, ...BadReviewReason[]])).min(1),
});
export type EvaluationPolicy = z.infer<typeof EvaluationPolicySchema>;

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * The hall's calendar, every year it has been told about: 法定节假日 on working days and 调休
 * working weekends. Edited by the hall (the State Council publishes each year's in November).
 */
export const HallCalendarSchema = z.object({
  holidays: z.array(DaySchema),
  workingWeekends: z.array(DaySchema),
});
export type HallCalendar = z.infer<typeof HallCalendarSchema>;

/** The current shape; version-1 documents (one opening rule per category) still read. */
export const HALL_DEFINITION_FORMAT = 2;

/**
 * The hall definition: everything the rules of one hall depend on, one versioned document. It is
 * what a hall file holds, what the center keeps every accepted version of, and what devices receive
 * as retained config (they apply only newer versions).
 */
export const HallConfigSchema = z.object({
  v: z.union([z.literal(1), z.literal(2)]),
  version: z.number().int().nonnegative(),
  catalog: CatalogSchema,
  windows: z.array(ServiceWindowSchema),
  noShow: NoShowPolicySchema,
  evaluation: EvaluationPolicySchema,
  numbering: z.object({ blockSize: z.number().int().positive() }),
  calendar: HallCalendarSchema,
  /** 绿色通道 at the kiosk by the card holder's age; absent: off (see GreenChannelPolicy). */
  greenChannel: GreenChannelPolicySchema.optional(),
  /** What happens to tickets still open when the hall-day ends. Unset: they are cancelled (当日有效). */
  dayEnd: DayEndPolicySchema.optional(),
  /** SMS reminders to citizens who opted in; absent: the defaults (see CitizenNoticePolicy). */
  citizenNotices: CitizenNoticePolicySchema.optional(),
  /** 现场扫码取号 at the door; absent: on, with the defaults (see DoorQueuePolicy). */
  doorQueue: DoorQueuePolicySchema.optional(),
  /** LED window strips and caller keypads (issue 19); absent: the hall has none. */
  hardware: HallHardwareSchema.optional(),
});
export type HallConfig = z.infer<typeof HallConfigSchema>;
/** The hall's own word for it. */
export const HallDefinitionSchema = HallConfigSchema;
export type HallDefinition = HallConfig;

/** The issuer id under which the center leases numbers to itself for tickets it issues online. */
export const AUTHORITY_ISSUER = 'center';
