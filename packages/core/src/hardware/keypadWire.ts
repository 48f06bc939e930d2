import { z } from 'zod';

/**
 * A caller keypad's key, sent by the device that owns the keypad bus to the center
 * (`keypad-action`, a device request over MQTT). The center checks that the device is the bus's
 * bridge and the address is that window's keypad, applies the same window command the web console
 * does, and answers with the window's state for the keypad's digits.
 */
export const KEYPAD_ACTION_REQUEST = 'keypad-action';

export const KEYPAD_ACTIONS = ['call-next', 'recall', 'finish', 'no-show', 'hold', 'call-back', 'pause', 'resume', 'transfer'] as const;
export type KeypadWindowAction = (typeof KEYPAD_ACTIONS)[number];

export const KeypadActionRequestSchema = z.object({
  v: z.literal(1),
  /** One key press; a repeat of the same id returns the first answer and changes nothing. */
  pressId: z.string().min(8).max(64),
  address: z.number().int().min(1).max(254),
  windowId: z.string().min(1),
  action: z.enum(KEYPAD_ACTIONS),
  /** For `transfer`: the target window's number as typed. */
  toWindowNumber: z.number().int().positive().optional(),
  /**
   * Center time (ms) after which the press must not be applied: the keypad has already refused it
   * with the offline beep. The bridge derives it from the center's own clock (snapshot times), so a
   * bridge with a wrong clock does not make every press expire.
   */
  deadline: z.number().int().positive(),
});
export type KeypadActionRequest = z.infer<typeof KeypadActionRequestSchema>;

export const KeypadWindowStateSchema = z.object({
  status: z.enum(['closed', 'open', 'paused']),
  currentTicket: z.string().nullable(),
  waiting: z.number().int().min(0),
});

export const KeypadActionResultSchema = z.object({
  v: z.literal(1),
  ok: z.boolean(),
  /** A refusal's code (`no-waiting-ticket`, `window-closed`, `not-your-keypad`, `expired`, …). */
  code: z.string().optional(),
  message: z.string().optional(),
  /** The ticket the action called, if it called one. */
  called: z.string().nullable().optional(),
  window: KeypadWindowStateSchema.nullable(),
  /** True when this answer is the stored one of an earlier identical press. */
  repeated: z.boolean().optional(),
});
export type KeypadActionResult = z.infer<typeof KeypadActionResultSchema>;
