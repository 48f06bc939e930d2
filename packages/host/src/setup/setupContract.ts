// The bridge methods and event every device app adds to its contract for first-boot setup,
// technician re-setup, the maintenance lock and revocation (issue 9). Zod only: the renderer imports it.
import { z } from 'zod';
import { DeviceCheckSchema } from '@hallkit/core/wire/careCommands';

export const DevicePhaseSchema = z.enum(['setup', 'running', 'revoked']);

/** What the renderer needs to pick its screen: setup, the role, 设备维护中 or 设备已停用. */
export const DeviceStateSchema = z.object({
  v: z.literal(1),
  phase: DevicePhaseSchema,
  /** True when setup was opened from technician mode on a provisioned device (cancel returns to the role). */
  reSetup: z.boolean(),
  locked: z.boolean(),
  lockReason: z.string().nullable(),
  identity: z
    .object({ hallId: z.string(), deviceId: z.string(), role: z.string(), name: z.string().nullable(), windowId: z.string().nullable() })
    .nullable(),
  /** The enrolment answered and waiting for the technician to confirm + save. */
  pending: z
    .object({ hallId: z.string(), deviceId: z.string(), role: z.string(), name: z.string().nullable(), windowId: z.string().nullable(), centerUrl: z.string() })
    .nullable(),
});
export type DeviceState = z.infer<typeof DeviceStateSchema>;

const Ok = z.object({ ok: z.literal(true) });
const Refused = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });

export const SETUP_METHODS = {
  deviceState: { input: z.object({}).strict(), output: DeviceStateSchema },
  /** Enter or scan: `code` is the typed code or the scanned QR text `{ v: 1, enrol, code }`. */
  setupEnrol: {
    input: z.object({ centerUrl: z.string().max(300).optional(), code: z.string().min(1).max(1000) }).strict(),
    output: z.union([Ok.extend({ state: DeviceStateSchema }), Refused]),
  },
  /** The app's device checks (printer test print, card read, scan; screen and network). */
  setupChecks: { input: z.object({}).strict(), output: z.object({ checks: z.array(DeviceCheckSchema) }) },
  /** Save identity.json and start the role, without a restart. */
  setupSave: { input: z.object({}).strict(), output: z.union([Ok.extend({ state: DeviceStateSchema }), Refused]) },
  /** Technician mode on a provisioned device: the PIN opens the setup screen again. */
  setupOpen: { input: z.object({ pin: z.string().max(16) }).strict(), output: z.object({ ok: z.boolean(), retryAfterSeconds: z.number().int().positive().optional() }) },
  setupCancel: { input: z.object({}).strict(), output: DeviceStateSchema },
} as const;

export const SETUP_EVENTS = { device: DeviceStateSchema } as const;

/** Refusal codes the setup screen translates (`setup.error.<code>`). */
export const SETUP_ERRORS = ['unknown-code', 'code-used', 'code-expired', 'device-revoked', 'unreachable', 'bad-response', 'wrong-role', 'no-center', 'nothing-to-save', 'bad-pin'] as const;
