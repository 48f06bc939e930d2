import { z } from 'zod';
import { CallingRuleSchema, PriorityClassSchema } from '../calling/CallingRule.ts';
import { ServiceOutcomeSchema, TicketSourceSchema } from '../tickets/Ticket.ts';
import { EvaluationChannelSchema } from '../evaluation/channels.ts';
import { EvaluationLevelSchema } from '../evaluation/levels.ts';
import { HallConfigSchema } from '../hall/HallConfig.ts';
import { WaitingMoveSchema } from '../configChange/WaitingMove.ts';

/**
 * Every change in a hall is one of these events. The same JSON travels in device outboxes over
 * MQTT and sits in the center's log; the hall's state is a pure reduction of them (see applyEvent).
 * Each event type is versioned on its own (`v`); a new version is a new schema in this union.
 */
const at = z.string().datetime({ offset: true });
const base = { v: z.literal(1), at };

export const StaffSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type Staff = z.infer<typeof StaffSchema>;

export const TransferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category'), categoryId: z.string() }),
  z.object({ kind: z.literal('window'), windowId: z.string() }),
]);
export type TransferTarget = z.infer<typeof TransferTargetSchema>;

export const HallEventSchema = z.discriminatedUnion('type', [
  /**
   * A new version of the hall definition takes effect. The whole document travels in the event, so
   * a replay applies every change at the same point as the live hall did. Made by the center only.
   * `moves`: waiting tickets the admin chose to move to another category with this change.
   */
  z.object({
    type: z.literal('HallConfigChanged'),
    ...base,
    config: HallConfigSchema,
    by: z.string().min(1),
    moves: z.array(WaitingMoveSchema).optional(),
  }),
  z.object({ type: z.literal('WindowOpened'), ...base, windowId: z.string(), staff: StaffSchema }),
  z.object({ type: z.literal('WindowPaused'), ...base, windowId: z.string(), reason: z.string().optional() }),
  z.object({ type: z.literal('WindowResumed'), ...base, windowId: z.string() }),
  z.object({ type: z.literal('WindowClosed'), ...base, windowId: z.string() }),
  z.object({
    type: z.literal('NumberBlockLeased'),
    ...base,
    blockId: z.string(),
    categoryId: z.string(),
    day: z.string(),
    issuerId: z.string(),
    from: z.number().int().positive(),
    to: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('TicketIssued'),
    ...base,
    ticketId: z.string(),
    number: z.string(),
    seq: z.number().int().positive(),
    day: z.string(),
    categoryId: z.string(),
    itemId: z.string().optional(),
    source: TicketSourceSchema,
    priority: PriorityClassSchema,
    issuerId: z.string(),
    /** Issued from the dispenser's own block while the center was unreachable. */
    offline: z.boolean(),
    appointmentId: z.string().optional(),
    /**
     * The unguessable token in the QR code of a ticket a dispenser printed offline; the center maps it
     * to the ticket when the event arrives, so the citizen's phone can follow it (not part of hall state).
     */
    followToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,64}$/)
      .optional(),
  }),
  z.object({ type: z.literal('TicketCancelled'), ...base, ticketId: z.string(), by: z.string() }),
  /**
   * What became of a ticket's paper slip at the dispenser that issued it (issue 15): `printed: false`
   * when the printer could not print it (the citizen has the number only on screen or phone), `true`
   * when a later reprint succeeded. Staff see an unprinted ticket marked; it stays in the line.
   */
  z.object({
    type: z.literal('TicketPrinted'),
    ...base,
    ticketId: z.string(),
    by: z.string(),
    printed: z.boolean(),
    problem: z.enum(['paper-empty', 'cover-open', 'offline', 'absent', 'error']).optional(),
  }),
  z.object({
    type: z.literal('TicketCalled'),
    ...base,
    ticketId: z.string(),
    windowId: z.string(),
    staffId: z.string(),
    /**
     * `next`: picked by the window's calling rule; `call-back`: a held ticket called back (回呼);
     * `by-number`: staff called a given waiting ticket (outside the rule's round).
     */
    via: z.enum(['next', 'call-back', 'by-number']),
  }),
  z.object({ type: z.literal('TicketRecalled'), ...base, ticketId: z.string(), windowId: z.string() }),
  z.object({ type: z.literal('TicketNoShow'), ...base, ticketId: z.string(), windowId: z.string() }),
  z.object({ type: z.literal('TicketRequeued'), ...base, ticketId: z.string(), queuedAt: at }),
  z.object({ type: z.literal('TicketHeld'), ...base, ticketId: z.string(), windowId: z.string() }),
  /**
   * A ticket goes back to its category's line, keeping its place: sent back from the counter by staff
   * (`sent-back`), or let go by a window that closed while it was held there or sent to it by name
   * (`window-closed`) — so no citizen waits for a window that will not call them.
   */
  z.object({
    type: z.literal('TicketReturnedToLine'),
    ...base,
    ticketId: z.string(),
    windowId: z.string(),
    reason: z.enum(['sent-back', 'window-closed']),
  }),
  z.object({
    type: z.literal('TicketTransferred'),
    ...base,
    ticketId: z.string(),
    fromWindowId: z.string(),
    to: TransferTargetSchema,
    /** Redirect-and-return: after the target serves it, the ticket comes back to this window. */
    returnToWindowId: z.string().optional(),
    serviceId: z.string(),
    itemId: z.string().optional(),
  }),
  z.object({
    type: z.literal('TicketFinished'),
    ...base,
    ticketId: z.string(),
    windowId: z.string(),
    staffId: z.string(),
    serviceId: z.string(),
    itemId: z.string().optional(),
    outcome: ServiceOutcomeSchema,
  }),
  z.object({
    type: z.literal('EvaluationGiven'),
    ...base,
    evaluationId: z.string(),
    serviceId: z.string(),
    ticketId: z.string(),
    level: EvaluationLevelSchema,
    reasons: z.array(z.string()),
    comment: z.string().max(200).optional(),
    channel: EvaluationChannelSchema,
    windowId: z.string(),
    staffId: z.string(),
    itemId: z.string().optional(),
  }),
  /** The window's rating time ran out: recorded as not rated — never as a default rating. */
  z.object({
    type: z.literal('EvaluationLapsed'),
    ...base,
    serviceId: z.string(),
    ticketId: z.string(),
    /**
     * Absent: the window's pad recorded it (final for the pad). `center`: the center's sweep gave up
     * on a pad that never answered — a rating that pad made in time still replaces it.
     */
    by: z.literal('center').optional(),
  }),
  /** 调流: for the rest of `day` the window serves these categories with this rule (until `untilMs`). */
  z.object({
    type: z.literal('WindowAssigned'),
    ...base,
    windowId: z.string(),
    categoryIds: z.array(z.string()).min(1),
    rule: CallingRuleSchema,
    day: z.string(),
    untilMs: z.number().int(),
    /** Who decided it (`admin:<name>`, `supervisor:<no>`). */
    by: z.string(),
  }),
  z.object({
    type: z.literal('FollowUpOpened'),
    ...base,
    caseId: z.string(),
    evaluationId: z.string(),
    deadline: z.string(),
  }),
  z.object({
    type: z.literal('FollowUpAdvanced'),
    ...base,
    caseId: z.string(),
    to: z.enum(['contacted', 'rectified', 'closed']),
    by: z.string(),
    note: z.string().max(500).optional(),
  }),
  /**
   * 申诉: the staff evaluated (or an admin on their behalf) disputes a 差评 as mistaken or malicious
   * (国办发〔2019〕51号: 申诉复核). Filed against the 差评's open follow-up case; `by` as the follow-up's.
   * `enteredBy`: the console user who filed it for `by` (the staff evaluated), when not `by` — neither
   * may decide it.
   */
  z.object({
    type: z.literal('EvaluationAppealed'),
    ...base,
    caseId: z.string(),
    evaluationId: z.string(),
    by: z.string(),
    reason: z.string().trim().min(1).max(500),
    enteredBy: z.string().optional(),
  }),
  /** 申诉复核: upheld — the 差评 no longer counts (无效评价); rejected — it stands. */
  z.object({
    type: z.literal('EvaluationAppealDecided'),
    ...base,
    caseId: z.string(),
    upheld: z.boolean(),
    by: z.string(),
    note: z.string().max(500).optional(),
  }),
  /**
   * The hall-day is over (at midnight, or at start when the center was off then): tickets of that
   * day still waiting or set aside end as the hall's day-end rule says — listed here, so they are
   * counted once — and the day becomes history (see dayClose/closeDay.ts).
   */
  z.object({
    type: z.literal('HallDayClosed'),
    ...base,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    ended: z.array(z.string()),
    endedAs: z.enum(['cancelled', 'no-show']),
  }),
]);

export type HallEvent = z.infer<typeof HallEventSchema>;
export type HallEventType = HallEvent['type'];
export type EventOf<T extends HallEventType> = Extract<HallEvent, { type: T }>;

/** Parses untrusted JSON (from MQTT, a file, a replay) into an event, or says why not. */
export function parseHallEvent(
  input: unknown,
): { ok: true; event: HallEvent } | { ok: false; error: string } {
  const r = HallEventSchema.safeParse(input);
  return r.success
    ? { ok: true, event: r.data }
    : { ok: false, error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
