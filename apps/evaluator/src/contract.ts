// The evaluator pad's bridge: what its renderer may ask of its host. There is deliberately no method
// to start, change or enter a rating on someone's behalf — the rating screen is driven only by the
// center's prompt, and the citizen's touches are the only input.
import { z } from 'zod';
import { defineContract } from '@hallkit/host/contract';
import { SETUP_EVENTS, SETUP_METHODS } from '@hallkit/host/setup/setupContract';
import { EvaluationLevelSchema, NameTranslationsSchema } from '@hallkit/core';

export const WindowStatusSchema = z.enum(['open', 'paused', 'closed', 'unknown']);

export const PadViewSchema = z.object({
  v: z.literal(1),
  window: z.object({
    windowId: z.string(),
    windowNumber: z.number().int().positive().nullable(),
    status: WindowStatusSchema,
    staff: z.object({ id: z.string(), name: z.string() }).nullable(),
    currentTicket: z.object({ ticketId: z.string(), number: z.string() }).nullable(),
  }),
  /** Month-to-date figures of the staff on duty; the last known ones while the center is unreachable. */
  staffRating: z
    .object({
      staffId: z.string(),
      month: z.string(),
      rated: z.number().int(),
      satisfied: z.number().int(),
      photo: z.string().optional(),
      /** When the pad got these figures (ms since epoch). */
      asOf: z.number(),
    })
    .nullable(),
  /** The service waiting for this citizen's rating, if any. */
  prompt: z
    .object({
      serviceId: z.string(),
      ticketId: z.string(),
      number: z.string(),
      itemName: z.string().nullable(),
      categoryName: z.string(),
      /** The hall file's 繁體/English names: the pad shows them in its language. */
      itemNameI18n: NameTranslationsSchema.optional(),
      categoryNameI18n: NameTranslationsSchema.optional(),
      staffId: z.string(),
      staffName: z.string(),
      /** `choose` shows the five levels; `reasons` follows a 差评 (the level is locked). */
      phase: z.enum(['choose', 'reasons']),
      level: EvaluationLevelSchema.nullable(),
      /** When the pad records the service as not rated (ms since epoch, pad clock). */
      deadlineAt: z.number(),
      ratingSeconds: z.number().int().positive(),
    })
    .nullable(),
  /** The hall's configured reasons for a 差评 (ids of BAD_REVIEW_REASONS). */
  reasons: z.array(z.string()),
  laterRatingDays: z.number().int().nonnegative(),
  link: z.object({ online: z.boolean(), backlog: z.number().int() }),
  /** The hall's time zone (its definition): "as of" times are hall time, whatever the pad's clock zone. */
  timeZone: z.string().default('Asia/Shanghai'),
});
export type PadView = z.infer<typeof PadViewSchema>;

const Next = z.object({ next: z.enum(['thanks', 'reasons']) });

/** The pad's role: what EvaluatorHost implements. */
export const padContract = defineContract({
  name: 'evaluator-pad',
  version: 1,
  methods: {
    view: { input: z.object({}).strict(), output: PadViewSchema },
    /** The citizen's one touch on a level. A good level is recorded at once; a 差评 asks for reasons next. */
    rate: { input: z.object({ serviceId: z.string().min(1), level: EvaluationLevelSchema }).strict(), output: Next },
    /** Reasons (and an optional short comment) for the 差评 chosen with `rate`. */
    submitReasons: {
      input: z.object({ serviceId: z.string().min(1), reasons: z.array(z.string()).min(1).max(10), comment: z.string().max(200).optional() }).strict(),
      output: Next,
    },
  },
  events: {
    view: PadViewSchema,
  },
});
export type PadContract = typeof padContract;

/** What the renderer talks to: the role's methods plus setup / maintenance lock / revocation (DeviceShell). */
export const evaluatorContract = defineContract({
  name: 'evaluator',
  version: 1,
  methods: { ...padContract.methods, ...SETUP_METHODS },
  events: { ...padContract.events, ...SETUP_EVENTS },
});
export type EvaluatorContract = typeof evaluatorContract;

/** Touches a citizen makes: refused while the pad is locked for maintenance. */
export const CITIZEN_METHODS = ['rate', 'submitReasons'] as const;
