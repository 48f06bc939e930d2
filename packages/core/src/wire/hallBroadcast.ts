import { NameTranslationsSchema } from '../catalog/Translations.ts';
import { z } from 'zod';
import { PriorityClassSchema } from '../calling/CallingRule.ts';

/**
 * Bodies of the center's public hall topics (`hallkit/v1/{hallId}/hall/{name}`, wrapped in sync's
 * HallMessage): what call boards and window evaluator pads render. Versioned like every message
 * that crosses MQTT; the center builds them, devices validate them with these schemas.
 */

/** `hall/calls`, not retained: one per call or recall, in the order they happen. */
export const CallMessageSchema = z.object({
  v: z.literal(1),
  ticketId: z.string(),
  number: z.string(),
  categoryId: z.string(),
  windowId: z.string(),
  windowNumber: z.number().int().positive(),
  recall: z.boolean(),
  /** When the call was made (ISO time of the TicketCalled/TicketRecalled event). */
  at: z.string(),
  /** What the speakers say (请A012号到5号窗口办理) and the clip tokens that build it. */
  voice: z.object({ text: z.string(), tokens: z.array(z.string()) }),
  /** The ticket's class: the board marks 绿色通道 (absent from older centers: normal). */
  priority: PriorityClassSchema.optional(),
});
export type CallMessage = z.infer<typeof CallMessageSchema>;

/** What a window's evaluator pad asks the citizen to rate, sent when staff press 办结 (finish). */
export const EvaluationPromptSchema = z.object({
  serviceId: z.string(),
  ticketId: z.string(),
  number: z.string(),
  itemId: z.string().nullable(),
  itemName: z.string().nullable(),
  categoryName: z.string(),
  /** The hall file's 繁體/English names, so a pad in those languages does not show Simplified ones. */
  itemNameI18n: NameTranslationsSchema.optional(),
  categoryNameI18n: NameTranslationsSchema.optional(),
  /** Copy these into EvaluationGiven: the rating belongs to who served, even if staff changed since. */
  windowId: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  finishedAt: z.string(),
  /** After this the pad records EvaluationLapsed (never a default rating). */
  deadline: z.string(),
});
export type EvaluationPrompt = z.infer<typeof EvaluationPromptSchema>;

/**
 * `hall/window-{windowId}`, retained: one window as its pad and window strip show it — who serves
 * there, the ticket at the counter, and the service waiting for a rating (null once rated/lapsed).
 */
export const WindowMessageSchema = z.object({
  v: z.literal(1),
  windowId: z.string(),
  windowNumber: z.number().int().positive(),
  status: z.enum(['closed', 'open', 'paused']),
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  currentTicket: z.object({ ticketId: z.string(), number: z.string() }).nullable(),
  evaluation: EvaluationPromptSchema.nullable(),
  /** Count of hall events behind this message: ignore one older than what is shown. */
  eventCount: z.number().int(),
});
export type WindowMessage = z.infer<typeof WindowMessageSchema>;

export const windowTopicName = (windowId: string): string => `window-${windowId}`;
