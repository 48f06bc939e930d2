// The window console's view on the wire (GET /api/windows/:id, its live feed, every action's answer):
// one zod schema, versioned, that the center builds against and the console parses where it enters.
// Zod and core only, so the browser bundle may import it. v2 (issue 16): the service items carry the
// hall definition's 繁體/English names (`i18n`), as categories and zones already did, so a console in
// zh-TW or en shows no Simplified names the definition has translated. Items' `departmentI18n` (their
// 实施部门 in 繁體/English) came later as an optional field: a v2 console without it reads the view as before.
// So did the windows' `label`/`labelI18n` (「绿色通道」, 「无差别受理」 and their 繁體/English): absent when a
// window has none, ignored by a console from before them.
import { z } from 'zod';
import { EvaluationPromptSchema, NameTranslationsSchema, WindowLabelTranslationsSchema } from '@hallkit/core';

export const WINDOW_VIEW_VERSION = 2 as const;

const i18n = NameTranslationsSchema.optional();
/** A window's label as the hall definition has it (the console shows it with core's localText). */
const windowLabel = { label: z.string().optional(), labelI18n: WindowLabelTranslationsSchema.optional() };

export const WaitingRowSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  itemName: z.string().nullable(),
  itemI18n: i18n,
  priority: z.string(),
  /** Sent to this window by name (转办 or 回呼 target) rather than waiting in a category line. */
  sentHere: z.boolean(),
  queuedAt: z.string(),
  /** The kiosk could not print the slip (why), or null. */
  unprinted: z.string().nullable(),
});
export type WaitingRow = z.infer<typeof WaitingRowSchema>;

export const NoShowRowSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  noShowAt: z.string(),
  /** Until when the hall's rule allows a late re-queue; null when it does not allow one at all. */
  requeueUntil: z.string().nullable(),
});
export type NoShowRow = z.infer<typeof NoShowRowSchema>;

export const WindowViewSchema = z.object({
  v: z.literal(WINDOW_VIEW_VERSION),
  window: z.object({
    id: z.string(),
    number: z.number(),
    status: z.enum(['closed', 'open', 'paused']),
    staff: z.object({ id: z.string(), name: z.string() }).nullable(),
    pauseReason: z.string().nullable(),
    categoryIds: z.array(z.string()),
    ...windowLabel,
  }),
  current: z
    .object({
      ticketId: z.string(),
      number: z.string(),
      categoryId: z.string(),
      categoryName: z.string(),
      itemId: z.string().nullable(),
      itemName: z.string().nullable(),
      itemI18n: i18n,
      source: z.string(),
      priority: z.string(),
      recalls: z.number(),
      recallsBeforeNoShow: z.number(),
      issuedAt: z.string(),
      calledAt: z.string().nullable(),
      /** The kiosk could not print the slip (paper out, cover open…): the citizen may hold no paper. */
      unprinted: z.string().nullable(),
    })
    .nullable(),
  waitingHere: z.number(),
  /** The head of who waits for this window (at most WAITING_ROWS), for 按号呼叫. */
  waiting: z.array(WaitingRowSchema),
  held: z.array(z.object({ ticketId: z.string(), number: z.string() })),
  /** 过号 tickets of this window that may still be re-queued (late arrival). */
  noShows: z.array(NoShowRowSchema),
  lateArrival: z.object({ allowed: z.boolean(), withinMinutes: z.number().nullable() }),
  evaluation: EvaluationPromptSchema.nullable(),
  /** With the hall file's 繁體/English names (`i18n`): the console shows them by its language. */
  categories: z.array(z.object({ id: z.string(), name: z.string(), i18n, prefix: z.string(), waiting: z.number(), zoneId: z.string() })),
  /** The service items of the categories this window serves (and of the ticket at the counter). */
  items: z.array(z.object({ id: z.string(), name: z.string(), i18n, categoryId: z.string(), department: z.string().nullable(), departmentI18n: i18n })),
  zones: z.array(z.object({ id: z.string(), name: z.string(), i18n })),
  /** Transfer targets: the other windows that are open or paused (closed ones are counted only). */
  windows: z.array(z.object({ id: z.string(), number: z.number(), status: z.string(), zoneId: z.string(), categoryIds: z.array(z.string()), ...windowLabel })),
  closedWindows: z.number(),
  servedToday: z.number(),
  eventCount: z.number(),
});
export type WindowView = z.infer<typeof WindowViewSchema>;

/** What every window action answers: the view after it, and the action's own result. */
export const WindowActionReplySchema = z.object({ view: WindowViewSchema, result: z.unknown() });
