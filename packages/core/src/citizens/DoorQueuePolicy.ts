import { z } from 'zod';

/**
 * 现场扫码取号: the QR at the door changes every `rotateMinutes` and a scanned code is honoured for
 * `validMinutes` (so a photo of it sent outside soon stops working). Categories in `idRequired` ask
 * for an ID number; the others need nothing (a phone number only if reminders are wanted).
 * An optional part of the hall definition; absent: the defaults.
 */
export const DoorQueuePolicySchema = z.object({
  enabled: z.boolean().default(true),
  rotateMinutes: z.number().int().min(1).max(30).default(3),
  validMinutes: z.number().int().min(1).max(60).default(10),
  idRequired: z.array(z.string()).default([]),
});
export type DoorQueuePolicy = z.infer<typeof DoorQueuePolicySchema>;

export const DEFAULT_DOOR_QUEUE_POLICY: DoorQueuePolicy = { enabled: true, rotateMinutes: 3, validMinutes: 10, idRequired: [] };

export function doorQueuePolicy(config: { doorQueue?: DoorQueuePolicy | undefined }): DoorQueuePolicy {
  return config.doorQueue ?? DEFAULT_DOOR_QUEUE_POLICY;
}
