// The device half of enrolment: present the one-time code to the center's `POST /api/enrol` and
// turn the answer into an identity. Every failure is a code the setup screen explains.
import { z } from 'zod';
import { PemCertificatesSchema, type DeviceIdentity } from './DeviceIdentity.ts';

export const EnrolResponseSchema = z.object({
  v: z.literal(1),
  identity: z.object({ hallId: z.string(), deviceId: z.string(), role: z.string(), name: z.string(), windowId: z.string().nullable() }),
  // `ca`: the hall CA when the center is configured with one (HALLKIT_DEVICE_MQTT_CA_FILE).
  mqtt: z.object({ url: z.string(), clientId: z.string(), username: z.string(), password: z.string(), ca: PemCertificatesSchema.optional() }),
  centerUrl: z.string(),
});

/** The QR code an admin shows: `{ v: 1, enrol: "<center>/api/enrol", code }`. */
const QrSchema = z.object({ v: z.literal(1), enrol: z.string().url(), code: z.string() });

export type EnrolOutcome = { ok: true; identity: DeviceIdentity & { name: string } } | { ok: false; code: string; message: string };

/** Text typed or scanned → center base URL + code. A scanned QR carries both. */
export function parseEnrolInput(code: string, centerUrl?: string): { centerUrl: string; code: string } | undefined {
  const t = code.trim();
  if (t.startsWith('{')) {
    try {
      const q = QrSchema.parse(JSON.parse(t));
      return { centerUrl: q.enrol.replace(/\/api\/enrol\/?$/, ''), code: q.code };
    } catch {
      return undefined;
    }
  }
  if (!centerUrl) return undefined;
  const base = /^https?:\/\//.test(centerUrl.trim()) ? centerUrl.trim() : `http://${centerUrl.trim()}`;
  return { centerUrl: base.replace(/\/+$/, ''), code: t };
}

export async function enrolDevice(centerUrl: string, code: string, fetchFn: typeof fetch = fetch, timeoutMs = 10_000): Promise<EnrolOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`${centerUrl}/api/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, code }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    return { ok: false, code: 'unreachable', message: `${centerUrl}: ${(e as Error).message}` };
  }
  const json = (await res.json().catch(() => undefined)) as { error?: string; message?: string } | undefined;
  if (!res.ok) {
    const c = json?.error;
    return { ok: false, code: typeof c === 'string' && /^[a-z-]{1,40}$/.test(c) ? c : 'bad-response', message: json?.message ?? `HTTP ${res.status}` };
  }
  const r = EnrolResponseSchema.safeParse(json);
  if (!r.success) return { ok: false, code: 'bad-response', message: 'the center answered something this device does not understand' };
  const d = r.data;
  return {
    ok: true,
    identity: {
      v: 1,
      hallId: d.identity.hallId,
      deviceId: d.identity.deviceId,
      role: d.identity.role,
      name: d.identity.name,
      ...(d.identity.windowId ? { windowId: d.identity.windowId } : {}),
      mqttUrl: d.mqtt.url,
      username: d.mqtt.username,
      password: d.mqtt.password,
      ...(d.mqtt.ca ? { mqttCa: d.mqtt.ca } : {}),
      centerHttp: centerUrl,
    },
  };
}
