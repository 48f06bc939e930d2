import { z } from 'zod';

/**
 * `door-code`: a kiosk asks for the hall's current door code (现场扫码取号) to show on its idle screen.
 * The center answers the URL a phone opens and when the code changes; the kiosk asks again then.
 */
export const DOOR_CODE_REQUEST = 'door-code';

export const DoorCodeRequestSchema = z.object({ v: z.literal(1) });

export const DoorCodeResponseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(1), ok: z.literal(true), url: z.string().url(), changesAt: z.string() }),
  z.object({ v: z.literal(1), ok: z.literal(false), code: z.enum(['door-off', 'forbidden']), message: z.string() }),
]);
export type DoorCodeResponse = z.infer<typeof DoorCodeResponseSchema>;
