// Who this pad is (until provisioning lands, issue 9): `<dataDir>/identity.json` or the same fields
// from the environment. A pad belongs to exactly one window.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MqttTlsFields } from '@hallkit/host';

export const PadIdentitySchema = z.object({
  v: z.literal(1),
  hallId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  role: z.literal('evaluator'),
  windowId: z.string().min(1),
  mqttUrl: z.string().min(1),
  username: z.string().min(1),
  password: z.string(),
  centerHttp: z.string().optional(),
  ...MqttTlsFields,
});
export type PadIdentity = z.infer<typeof PadIdentitySchema>;

export class IdentityError extends Error {}

/** The data directory: HALLKIT_DATA_DIR, or `.hallkit/evaluator` under the working directory. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HALLKIT_DATA_DIR ?? '.hallkit/evaluator';
}

/** Read the identity file if present, else the environment; throws IdentityError saying what is missing. */
export function loadIdentity(dir: string, env: NodeJS.ProcessEnv = process.env): PadIdentity {
  const file = join(dir, 'identity.json');
  let raw: unknown;
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new IdentityError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    const deviceId = env.HALLKIT_DEVICE_ID;
    raw = {
      v: 1,
      hallId: env.HALLKIT_HALL_ID,
      deviceId,
      role: 'evaluator',
      windowId: env.HALLKIT_WINDOW_ID,
      mqttUrl: env.HALLKIT_MQTT_URL,
      username: env.HALLKIT_DEVICE_USERNAME ?? deviceId,
      password: env.HALLKIT_DEVICE_PASSWORD ?? '',
      centerHttp: env.HALLKIT_CENTER_HTTP,
    };
  }
  const r = PadIdentitySchema.safeParse(raw);
  if (!r.success) {
    const what = r.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    throw new IdentityError(`no usable pad identity (${file} or HALLKIT_* env): missing or invalid ${what}`);
  }
  return r.data;
}
