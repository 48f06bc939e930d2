import { z } from 'zod';

/**
 * The hall's service catalog: what a kiosk offers, what a window serves, how a ticket is numbered.
 * It travels to devices as versioned config, so it is a schema first and a type second.
 */
export const OpeningHoursSchema = z.object({
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)),
  /** Local minutes since midnight, e.g. 8*60+30. Several periods allow a lunch break. */
  periods: z.array(
    z.object({ from: z.number().int().min(0).max(1440), to: z.number().int().min(0).max(1440) }),
  ),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

export const ZoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Where it is in the hall, shown on tickets and boards ("一楼东侧"). */
  location: z.string().optional(),
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
});
export type QueueCategory = z.infer<typeof QueueCategorySchema>;

/** A service item (事项), e.g. 城乡居民养老保险参保登记, served through one queue category. */
export const ServiceItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  categoryId: z.string(),
  department: z.string().optional(),
});
export type ServiceItem = z.infer<typeof ServiceItemSchema>;

export const HallInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().optional(),
  /** IANA zone; the hall-day and opening hours are read in it. */
  timeZone: z.string().default('Asia/Shanghai'),
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
  return (
    hours.weekdays.includes(weekday) && hours.periods.some((p) => minuteOfDay >= p.from && minuteOfDay < p.to)
  );
}
