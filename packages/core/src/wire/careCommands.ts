// The remote-care commands an admin can send a device from the center's console (issue 9), with
// their zod schemas. Bodies and results are versioned like every message that crosses MQTT.
import { z } from 'zod';

export const CARE_COMMANDS = ['test-print', 'reload-config', 'restart-app', 'collect-logs', 'lock', 'unlock'] as const;
export type CareCommand = (typeof CARE_COMMANDS)[number];

export const CareCommandSchema = z.enum(CARE_COMMANDS);

const Empty = z.object({ v: z.literal(1) });

/** Body schema per command name (what `DeviceLink.onCommand` validates before the handler runs). */
export const CARE_BODY_SCHEMAS = {
  'test-print': Empty,
  'reload-config': Empty,
  'restart-app': Empty,
  'collect-logs': z.object({ v: z.literal(1), lines: z.number().int().min(1).max(2000).default(200) }),
  lock: z.object({ v: z.literal(1), reason: z.string().max(200).optional() }),
  unlock: Empty,
} as const satisfies Record<CareCommand, z.ZodType>;

/** The admin API's request: which command and its body. */
export const CareRequestSchema = z.discriminatedUnion('name', [
  z.object({ v: z.literal(1), name: z.literal('test-print') }),
  z.object({ v: z.literal(1), name: z.literal('reload-config') }),
  z.object({ v: z.literal(1), name: z.literal('restart-app') }),
  z.object({ v: z.literal(1), name: z.literal('collect-logs'), lines: z.number().int().min(1).max(2000).optional() }),
  z.object({ v: z.literal(1), name: z.literal('lock'), reason: z.string().max(200).optional() }),
  z.object({ v: z.literal(1), name: z.literal('unlock') }),
]);
export type CareRequest = z.infer<typeof CareRequestSchema>;

/** Body to put in the MQTT command for an admin request. */
export function careCommandBody(r: CareRequest): { name: CareCommand; body: Record<string, unknown> } {
  const { name, ...rest } = r;
  return { name, body: { ...rest, v: 1 } };
}

/** One device check (printer, reader, scanner, screen, network), as shown in setup and test-print results. */
export const DeviceCheckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  /** Short human detail ("paper near end", "no card on the reader"); never personal data. */
  detail: z.string().max(300),
});
export type DeviceCheck = z.infer<typeof DeviceCheckSchema>;

export const CareResultSchemas = {
  'test-print': z.object({ v: z.literal(1), printed: z.boolean(), checks: z.array(DeviceCheckSchema) }),
  'reload-config': z.object({ v: z.literal(1), reloaded: z.array(z.string()) }),
  'restart-app': z.object({ v: z.literal(1), restartingInMs: z.number().int() }),
  'collect-logs': z.object({ v: z.literal(1), lines: z.array(z.string()), truncated: z.boolean(), bytes: z.number().int() }),
  lock: z.object({ v: z.literal(1), locked: z.literal(true), since: z.number() }),
  unlock: z.object({ v: z.literal(1), locked: z.literal(false) }),
} as const satisfies Record<CareCommand, z.ZodType>;

/** collect-logs answers fit in one MQTT message comfortably below broker limits. */
export const LOG_RESULT_MAX_BYTES = 64 * 1024;
