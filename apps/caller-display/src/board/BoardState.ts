import { z } from 'zod';
import { HallSnapshotSchema, NameTranslationsSchema, PriorityClassSchema, WindowLabelTranslationsSchema } from '@hallkit/core';
import { BoardConfigSchema } from './BoardConfig.ts';

/** One call as the board shows it. `key` identifies it across messages, snapshots and reconnects. */
export const BoardCallSchema = z.object({
  key: z.string(),
  ticketId: z.string(),
  number: z.string(),
  categoryId: z.string(),
  windowId: z.string(),
  windowNumber: z.number(),
  at: z.string(),
  recall: z.boolean(),
  /** 绿色通道 / appointment: the board marks a green call (absent: normal). */
  priority: PriorityClassSchema.optional(),
  /** What the center says for it (zh-CN); null for calls learnt from a snapshot. */
  voice: z.object({ text: z.string(), tokens: z.array(z.string()) }).nullable(),
  /** true: arrived as its own `hall/calls` message; false: learnt from a snapshot (said only if the screen had not had it, see CallTracker). */
  live: z.boolean(),
  /** Host clock (ms) when the board learnt of it. */
  receivedAt: z.number(),
});
export type BoardCall = z.infer<typeof BoardCallSchema>;

/** A window's label from the hall definition (「绿色通道」, 「无差别受理」) and its 繁體/English. */
export const BoardWindowLabelSchema = z.object({
  label: z.string(),
  labelI18n: WindowLabelTranslationsSchema.optional(),
});
export type BoardWindowLabel = z.infer<typeof BoardWindowLabelSchema>;

/** Everything a board renders; the host sends it whole on every change (replayable, idempotent). */
export const BoardStateSchema = z.object({
  v: z.literal(1),
  deviceId: z.string(),
  hallId: z.string(),
  /** Link to the center is up. While false the board keeps the last state and shows "not live". */
  live: z.boolean(),
  /** What is shown is the board's own saved snapshot; the center has not spoken since the host started. */
  restored: z.boolean(),
  /** Host clock (ms) since when the link is down, null while live. */
  offlineSince: z.number().nullable(),
  config: BoardConfigSchema,
  notice: z.string().nullable(),
  /** Zone id → name (from the hall config), for a zone board's title. */
  zoneNames: z.record(z.string(), z.string()),
  /** 繁體/English names of the hall and its zones (the hall definition's `i18n`): a board in zh-TW or en shows them. */
  hallNameI18n: NameTranslationsSchema.nullable().default(null),
  zoneNamesI18n: z.record(z.string(), NameTranslationsSchema).default({}),
  /**
   * Window id → its label, for the windows the hall definition labels. A default, so a renderer
   * and a saved state from before labels read as "no labels" (the state stays v1).
   */
  windowLabels: z.record(z.string(), BoardWindowLabelSchema).default({}),
  /** The hall's time zone from its definition (a board left on UTC still shows hall time). */
  timeZone: z.string().default('Asia/Shanghai'),
  snapshot: HallSnapshotSchema.nullable(),
  /** Newest first, bounded. */
  calls: z.array(BoardCallSchema),
  /** Grows with every change; a renderer ignores a state older than the one it shows. */
  rev: z.number().int(),
});
export type BoardState = z.infer<typeof BoardStateSchema>;

/** A call's identity: a recall is a new call (new time), a redelivered message is not. */
export const callKey = (ticketId: string, at: string): string => `${ticketId}@${at}`;
