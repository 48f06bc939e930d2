// Who this board is and where its center is: `<dataDir>/identity.json` or the same fields from the
// environment (until provisioning, issue 9, writes the file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MqttTlsFields } from '@hallkit/host';

export const DeviceIdentitySchema = z.object({
  v: z.literal(1),
  hallId: z.string().min(1),
  deviceId: z.string().min(1),
  role: z.string().default('call-board'),
  windowId: z.string().optional(),
  mqttUrl: z.string().min(1),
  username: z.string().optional(),
  password: z.string().optional(),
  centerHttp: z.string().optional(),
  ...MqttTlsFields,
});
export type DeviceIdentity = z.infer<typeof DeviceIdentitySchema>;

export function dataDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.HALLKIT_DATA_DIR ?? '.hallkit/caller-display';
}

/** Reads the identity file, or the environment; throws a clear error when neither is complete. */
export function readIdentity(dataDir: string, env: NodeJS.ProcessEnv = process.env): DeviceIdentity {
  const file = join(dataDir, 'identity.json');
  if (existsSync(file)) {
    const parsed = DeviceIdentitySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a device identity: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  }
  const parsed = DeviceIdentitySchema.safeParse({
    v: 1,
    hallId: env.HALLKIT_HALL_ID,
    deviceId: env.HALLKIT_DEVICE_ID,
    role: 'call-board',
    windowId: env.HALLKIT_WINDOW_ID,
    mqttUrl: env.HALLKIT_MQTT_URL,
    username: env.HALLKIT_DEVICE_ID,
    password: env.HALLKIT_DEVICE_PASSWORD,
    centerHttp: env.HALLKIT_CENTER_HTTP,
  });
  if (!parsed.success) throw new Error(`no ${file} and HALLKIT_HALL_ID / HALLKIT_DEVICE_ID / HALLKIT_MQTT_URL are not all set`);
  return parsed.data;
}
