import { z } from 'zod';

/**
 * How one call board is set up. Arrives from the center as the per-device config kind `board`
 * (retained, versioned — see docs/protocol.md); a board with none yet runs DEFAULT_BOARD_CONFIG.
 * Every field has a default so the center can send only what differs.
 */
export const BoardLayoutSchema = z.enum(['hall', 'zone', 'window', 'led']);
export type BoardLayout = z.infer<typeof BoardLayoutSchema>;

export const VoiceLanguageSchema = z.enum(['zh-CN', 'en']);
export type VoiceLanguage = z.infer<typeof VoiceLanguageSchema>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const VoiceConfigSchema = z.object({
  enabled: z.boolean().default(true),
  /** `clips`: recorded/pre-synthesised clips assembled in order (works offline); `speech`: the OS engine. */
  engine: z.enum(['clips', 'speech']).default('clips'),
  /** Spoken in this order for every round, e.g. ['zh-CN', 'en']. */
  languages: z.array(VoiceLanguageSchema).min(1).default(['zh-CN']),
  /** How many times each call is said. */
  repeat: z.number().int().min(1).max(3).default(2),
  volume: z.number().min(0).max(1).default(0.8),
  /** A call older than this (from the moment it was made) is not said any more. */
  maxAgeSeconds: z.number().int().min(5).max(3600).default(60),
  /** Silence between two utterances, so the rounds do not run together. */
  gapMs: z.number().int().min(0).max(5000).default(600),
  /** Nothing is said from `from` to `to` (local time; may span midnight). */
  quietHours: z.object({ from: ClockTime, to: ClockTime }).nullable().default(null),
});
export type VoiceConfig = z.infer<typeof VoiceConfigSchema>;

export const BoardConfigSchema = z.object({
  v: z.literal(1).default(1),
  layout: BoardLayoutSchema.default('hall'),
  /** The zone a `zone` board shows (a catalog zone id). */
  zoneId: z.string().nullable().default(null),
  /** The window a `window` strip shows. */
  windowId: z.string().nullable().default(null),
  uiLanguage: z.enum(['zh-CN', 'zh-TW', 'en']).default('zh-CN'),
  /** Rows in the recent-calls list. */
  // 6 rows is what fits at a size read from 10 m on a 55″ 1080p panel (docs/visual-standard.md).
  recentCount: z.number().int().min(1).max(20).default(6),
  /** How long the latest call flashes (never on the LED layout). */
  flashSeconds: z.number().min(0).max(30).default(5),
  /** This board's own notice line; when null the hall-wide notice (config `notices`) runs. */
  notice: z.string().max(500).nullable().default(null),
  voice: VoiceConfigSchema.prefault({}),
});
export type BoardConfig = z.infer<typeof BoardConfigSchema>;

export const DEFAULT_BOARD_CONFIG: BoardConfig = BoardConfigSchema.parse({});

/** Hall-wide config kind `notices`: the scrolling line every board shows unless it has its own. */
export const HallNoticeSchema = z.object({
  v: z.literal(1),
  text: z.string().max(500),
});
export type HallNotice = z.infer<typeof HallNoticeSchema>;
