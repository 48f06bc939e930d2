import { z } from 'zod';

/**
 * `staff-rating` (device → center request, sync's Request/Response): a window's evaluator pad asks
 * for the month-to-date 好差评 figures of the staff member on duty, to show them on its idle screen.
 * The pad keeps the last answer and shows it (with its date) while the center cannot be reached.
 */
export const StaffRatingRequestSchema = z.object({ v: z.literal(1), staffId: z.string().min(1) });
export type StaffRatingRequest = z.infer<typeof StaffRatingRequestSchema>;

export const StaffRatingResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    v: z.literal(1),
    ok: z.literal(true),
    staffId: z.string(),
    /** The hall-local month the figures cover, `YYYY-MM`. */
    month: z.string().regex(/^\d{4}-\d{2}$/),
    /** Services rated this month (any channel), and how many of them were 非常满意/满意/基本满意. */
    rated: z.number().int().nonnegative(),
    satisfied: z.number().int().nonnegative(),
    /** Optional portrait for the pad (a data: URL, at most ~200 kB). */
    photo: z.string().startsWith('data:image/').max(300_000).optional(),
  }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type StaffRatingResponse = z.infer<typeof StaffRatingResponseSchema>;

/** The request's name on the wire (a topic-safe id, like every sync request name). */
export const STAFF_RATING_REQUEST = 'staff-rating';
