// `<dataDir>/identity.json`: who this device is after enrolment (docs/protocol.md §10). Written with
// mode 0600 — it holds the device's MQTT password — and atomically (temp file + rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The hall CA as PEM text: one or more certificates, never a key (a CA key on a device would let
 * anyone who takes the device impersonate the broker).
 */
export const PemCertificatesSchema = z
  .string()
  .max(65_536)
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/, 'not a PEM certificate')
  .refine((t) => !/PRIVATE KEY/.test(t), 'holds a private key');

/**
 * How a device trusts its hall's broker over `mqtts://` (docs/operations.md "TLS"): the hall CA,
 * from enrolment or written into identity.json by hand, and optionally the name the broker's
 * certificate carries when the URL holds an address. Optional: identity files from before keep loading.
 */
export const MqttTlsFields = {
  mqttCa: PemCertificatesSchema.optional(),
  mqttServername: z.string().min(1).max(253).optional(),
};

/** The DeviceLink `tls` option for an identity (structural: host does not depend on sync). */
export function linkTls(id: { mqttCa?: string | undefined; mqttServername?: string | undefined }): { tls?: { ca: string; servername?: string } } {
  if (!id.mqttCa) return {};
  return { tls: { ca: id.mqttCa, ...(id.mqttServername ? { servername: id.mqttServername } : {}) } };
}

export const DeviceIdentitySchema = z.object({
  v: z.literal(1),
  hallId: Id,
  deviceId: Id,
  role: z.string().min(1),
  name: z.string().optional(),
  windowId: z.string().min(1).optional(),
  mqttUrl: z.string().min(1),
  username: z.string().min(1),
  password: z.string(),
  centerHttp: z.string().optional(),
  ...MqttTlsFields,
});
export type DeviceIdentity = z.infer<typeof DeviceIdentitySchema>;

export const identityFile = (dataDir: string) => join(dataDir, 'identity.json');

/** The saved identity, or undefined when the device has none (first boot). Throws on a damaged file. */
export function readIdentityFile(dataDir: string): DeviceIdentity | undefined {
  const f = identityFile(dataDir);
  if (!existsSync(f)) return undefined;
  return DeviceIdentitySchema.parse(JSON.parse(readFileSync(f, 'utf8')));
}

export function writeIdentityFile(dataDir: string, id: DeviceIdentity): string {
  mkdirSync(dataDir, { recursive: true });
  const f = identityFile(dataDir);
  const tmp = `${f}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(DeviceIdentitySchema.parse(id), null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600); // the umask may have widened it
  renameSync(tmp, f);
  return f;
}
