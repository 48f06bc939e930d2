// Who this kiosk is and where its center is: `<dataDir>/identity.json`, or the same fields from env
// (until provisioning lands). Checked with zod; a missing or broken identity stops the host with a
// message a technician can act on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MqttTlsFields } from '@hallkit/host';

export const DeviceIdentitySchema = z.object({
  v: z.literal(1),
  hallId: z.string().min(1),
  deviceId: z.string().min(1),
  role: z.string().default('kiosk'),
  windowId: z.string().optional(),
  mqttUrl: z.string().min(1),
  username: z.string().optional(),
  password: z.string().optional(),
  centerHttp: z.string().min(1),
  ...MqttTlsFields,
});
export type DeviceIdentity = z.infer<typeof DeviceIdentitySchema>;

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HALLKIT_DATA_DIR ?? '.hallkit/kiosk';
}

export function loadIdentity(dir: string, env: NodeJS.ProcessEnv = process.env): DeviceIdentity {
  const file = join(dir, 'identity.json');
  const fromFile: Record<string, unknown> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const pick = (k: string, e: string | undefined) => (e !== undefined && e !== '' ? e : fromFile[k]);
  const r = DeviceIdentitySchema.safeParse({
    v: 1,
    hallId: pick('hallId', env.HALLKIT_HALL_ID),
    deviceId: pick('deviceId', env.HALLKIT_DEVICE_ID),
    role: pick('role', 'kiosk'),
    windowId: pick('windowId', env.HALLKIT_WINDOW_ID),
    mqttUrl: pick('mqttUrl', env.HALLKIT_MQTT_URL),
    username: pick('username', env.HALLKIT_DEVICE_USERNAME),
    password: pick('password', env.HALLKIT_DEVICE_PASSWORD),
    centerHttp: pick('centerHttp', env.HALLKIT_CENTER_HTTP),
    // The hall CA comes only from the file (enrolment writes it there).
    mqttCa: fromFile.mqttCa,
    mqttServername: fromFile.mqttServername,
  });
  if (!r.success) {
    throw new Error(`no usable device identity in ${file} or HALLKIT_* env: ${r.error.issues.map((i) => i.path.join('.')).join(', ')} missing or invalid`);
  }
  return r.data;
}
