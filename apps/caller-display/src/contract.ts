// The board's bridge between its renderer and its host. Imported by both: zod, core and the host
// contract helper only.
import { z } from 'zod';
import { defineContract } from '@hallkit/host/contract';
import { SETUP_EVENTS, SETUP_METHODS } from '@hallkit/host/setup/setupContract';
import { VoiceLanguageSchema } from './board/BoardConfig.ts';
import { BoardStateSchema } from './board/BoardState.ts';

export const HallClipsSchema = z.object({
  v: z.literal(1),
  /** Token → clip file (base64). Only the tokens the hall recorded itself; the rest come with the app. */
  files: z.record(z.string(), z.object({ mime: z.string(), base64: z.string() })),
  source: z.string().nullable(),
});
export type HallClips = z.infer<typeof HallClipsSchema>;

/** The board's role: what CallerDisplayHost implements. */
export const boardContract = defineContract({
  name: 'caller-display-board',
  version: 1,
  methods: {
    /** The board as the host knows it now (also pushed as the `board` event on every change). */
    board: { input: z.object({}), output: BoardStateSchema },
    /** The hall's own recordings for a language, if it installed any (see README: "Voice clips"). */
    hallClips: { input: z.object({ lang: VoiceLanguageSchema }), output: HallClipsSchema },
    /** What the speakers said or skipped, for the device log (no personal data: ticket numbers only). */
    voiceLog: {
      input: z.object({ key: z.string(), outcome: z.enum(['said', 'failed', 'skipped']), detail: z.string().max(200) }),
      output: z.object({ ok: z.literal(true) }),
    },
  },
  events: {
    board: BoardStateSchema,
  },
});
export type BoardContract = typeof boardContract;

/** What the renderer talks to: the role plus setup / maintenance lock / revocation (DeviceShell, issue 9). */
export const callerDisplayContract = defineContract({
  name: 'caller-display',
  version: 1,
  methods: { ...boardContract.methods, ...SETUP_METHODS },
  events: { ...boardContract.events, ...SETUP_EVENTS },
});
export type CallerDisplayContract = typeof callerDisplayContract;
