import { z } from 'zod';
import { NameTranslationsSchema, textTranslationsSchema, TRANSLATION_MAX } from './Translations.ts';
import { isWorkingDay, type WorkingCalendar } from '../time/workingDays.ts';

/**
 * The hall's service catalog: what a kiosk offers, what a window serves, how a ticket is numbered.
 * It travels to devices as versioned config, so it is a schema first and a type second.
 */
/** Local minutes since midnight; a hall file may write "08:30" (and "24:00" for midnight at the end). */
const MinuteOfDaySchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
    return m && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : v;
  },
  z.number({ error: '时间格式应为 HH:MM' }).int().min(0).max(1440),
);

/** Minutes as a hall file writes them: 510 → "08:30". */
export function formatMinuteOfDay(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const OpeningPeriodSchema = z
  .object({ from: MinuteOfDaySchema, to: MinuteOfDaySchema })
  .refine((p) => p.from < p.to, { message: '结束时间须晚于开始时间', path: ['to'] });
export type OpeningPeriod = z.infer<typeof OpeningPeriodSchema>;

/** Some weekdays with the same periods: 周一至周五 08:30-12:00,13:30-17:30. */
export const OpeningRuleSchema = z.object({
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  /** Local minutes since midnight, e.g. 8*60+30. Several periods allow a lunch break. */
  periods: z.array(OpeningPeriodSchema).min(1),
});
export type OpeningRule = z.infer<typeof OpeningRuleSchema>;

/**
 * A category's week: several rules, so Saturdays, lunch staggering (午间错时) and a 24-hour
 * self-service zone can each be said. A version-1 document held a single rule; it still reads.
 */
export const OpeningHoursSchema = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [v] : v),
  z.array(OpeningRuleSchema),
);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

export const LocationTranslationsSchema = textTranslationsSchema(TRANSLATION_MAX.location);
export const DepartmentTranslationsSchema = textTranslationsSchema(TRANSLATION_MAX.department);

export const ZoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Where it is in the hall, shown on tickets and boards ("一楼东侧"). */
  location: z.string().optional(),
  i18n: NameTranslationsSchema.optional(),
  /** The location in 繁體/English ("一樓東廳", "1F, East Hall"); screens fall back to `location`. */
  locationI18n: LocationTranslationsSchema.optional(),
});
export type Zone = z.infer<typeof ZoneSchema>;

/** A queue category: one ticket prefix, one line of citizens. */
export const QueueCategorySchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  /** One or two capital letters; the ticket number is prefix + daily sequence (A012). */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  /** Seed for wait estimates until live handling times exist. */
  averageHandlingSeconds: z.number().positive(),
  openingHours: OpeningHoursSchema,
  /** Tickets a phone may take per day in this category (线上取号 quota). */
  remoteDailyQuota: z.number().int().min(0).default(0),
  /** Tickets of all sources per day (现场 + 线上); unset: no limit. */
  dailyQuota: z.number().int().positive().optional(),
  /** Open on public holidays too (a 24-hour self-service zone); otherwise closed on 法定节假日. */
  openOnHolidays: z.boolean().optional(),
  i18n: NameTranslationsSchema.optional(),
});
export type QueueCategory = z.infer<typeof QueueCategorySchema>;

/** How long a 事项编码 or a department code may be (the province's 实施清单编码 run to ~31 characters). */
export const ITEM_CODE_MAX = 64;

/** A service item (事项), e.g. 城乡居民养老保险参保登记, served through one queue category. */
export const ServiceItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  categoryId: z.string(),
  /** 实施部门 (the department that handles it), as the province's catalog names it. */
  department: z.string().optional(),
  /** 事项编码 (实施清单编码) in the province's 事项 catalog: the 好差评 feed's `taskCode`. */
  code: z.string().trim().min(1).max(ITEM_CODE_MAX).optional(),
  /** The 实施部门's code (统一社会信用代码 or the province's department code): the feed's `deptCode`. */
  departmentCode: z.string().trim().min(1).max(ITEM_CODE_MAX).optional(),
  i18n: NameTranslationsSchema.optional(),
  /** The department in 繁體/English; screens fall back to `department`. */
  departmentI18n: DepartmentTranslationsSchema.optional(),
});
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

export const HallInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().optional(),
  /** IANA zone; the hall-day and opening hours are read in it. */
  timeZone: z.string().default('Asia/Shanghai'),
  /** Where citizens' phones reach the center (ticket QR codes); the center's setting wins when given. */
  publicUrl: z.string().url().optional(),
  /** 12-digit 行政区划代码 of the hall's 辖区: the 好差评 feed's `areaCode`. */
  regionCode: z.string().optional(),
  i18n: NameTranslationsSchema.optional(),
});
export type HallInfo = z.infer<typeof HallInfoSchema>;

export const CatalogSchema = z.object({
  v: z.literal(1),
  hall: HallInfoSchema,
  zones: z.array(ZoneSchema),
  categories: z.array(QueueCategorySchema),
  items: z.array(ServiceItemSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export function isOpenAt(hours: OpeningHours, weekday: number, minuteOfDay: number): boolean {
  return hours.some(
    (r) => r.weekdays.includes(weekday) && r.periods.some((p) => minuteOfDay >= p.from && minuteOfDay < p.to),
  );
}

/** Monday: a 调休 working weekend keeps the hours of an ordinary working day. */
const WORKDAY_STANDIN = 1;

/**
 * Whether a category takes tickets at a hall-local moment, reading the hall's calendar: closed on a
 * holiday (unless it opens on holidays), open with Monday's hours on a 调休 working weekend.
 */
export function isCategoryOpen(
  cat: Pick<QueueCategory, 'openingHours' | 'openOnHolidays'>,
  local: { day: string; weekday: number; minuteOfDay: number },
  calendar: WorkingCalendar,
): boolean {
  const holiday = calendar.holidays.includes(local.day);
  if (holiday && !cat.openOnHolidays) return false;
  const weekend = local.weekday === 0 || local.weekday === 6;
  const weekday = weekend && !holiday && isWorkingDay(local.day, calendar) ? WORKDAY_STANDIN : local.weekday;
  return (
    isOpenAt(cat.openingHours, weekday, local.minuteOfDay) ||
    (weekday !== local.weekday && isOpenAt(cat.openingHours, local.weekday, local.minuteOfDay))
  );
}
