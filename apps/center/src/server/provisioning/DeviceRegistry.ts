// Device slots and their enrolment: an admin creates a slot (role, window, name) and gets a
// one-time code; the device that presents it gets its identity and MQTT credential. Codes expire
// and work once; a revoked device's credential no longer logs in.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ID_PATTERN } from '@hallkit/sync';
import { hashToken, randomToken } from '../auth/secrets.ts';
import { isReservedDeviceId, ReservedDeviceIdError } from './reservedDeviceIds.ts';

export const DEVICE_ROLES = ['kiosk', 'call-board', 'evaluator', 'window-strip', 'caller-bridge'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const DeviceSlotRequestSchema = z.object({
  role: z.enum(DEVICE_ROLES),
  name: z.string().min(1).max(60),
  windowId: z.string().optional(),
  /** Optional fixed id (must be a valid topic segment); otherwise `{role}-{random}`. */
  deviceId: z.string().regex(ID_PATTERN).refine((id) => !isReservedDeviceId(id), 'reserved for the center').optional(),
});
export type DeviceSlotRequest = z.infer<typeof DeviceSlotRequestSchema>;

export interface DeviceRecord {
  deviceId: string;
  role: DeviceRole;
  name: string;
  windowId: string | null;
  state: 'pending' | 'enrolled' | 'revoked';
  createdAt: number;
  createdBy: string;
  enrolledAt: number | null;
  revokedAt: number | null;
}

export type EnrolError = 'unknown-code' | 'code-expired' | 'code-used' | 'device-revoked';

/** Codes people type from a screen: no 0/O/1/I. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export class DeviceRegistry {
  constructor(
    private readonly db: Database,
    private readonly codeTtlMs = 24 * 3600_000,
  ) {}

  createSlot(req: DeviceSlotRequest, by: string, now = Date.now()): { device: DeviceRecord; code: string; expiresAt: number } {
    const deviceId = req.deviceId ?? `${req.role}-${randomBytes(3).toString('hex')}`;
    if (this.get(deviceId)) throw new Error(`device ${deviceId} exists`);
    const code = newCode();
    const expiresAt = now + this.codeTtlMs;
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO devices (device_id, role, name, window_id, state, created_at, created_by) VALUES (?, ?, ?, ?, 'pending', ?, ?)").run(deviceId, req.role, req.name, req.windowId ?? null, now, by);
      this.db.prepare('INSERT INTO enrolment_codes (code_hash, device_id, expires_at) VALUES (?, ?, ?)').run(hashToken(normalizeCode(code)), deviceId, expiresAt);
    })();
    return { device: this.get(deviceId) as DeviceRecord, code, expiresAt };
  }

  /** A device presents its code: one use, before expiry. Returns its new MQTT password (shown once). */
  enrol(code: string, now = Date.now()): { ok: true; device: DeviceRecord; password: string } | { ok: false; error: EnrolError } {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT device_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?').get(hashToken(normalizeCode(code))) as
        | { device_id: string; expires_at: number; used_at: number | null }
        | undefined;
      if (!row) return { ok: false as const, error: 'unknown-code' as const };
      if (row.used_at !== null) return { ok: false as const, error: 'code-used' as const };
      if (row.expires_at <= now) return { ok: false as const, error: 'code-expired' as const };
      const dev = this.get(row.device_id);
      if (!dev || dev.state === 'revoked') return { ok: false as const, error: 'device-revoked' as const };
      const password = randomToken(24);
      this.db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?').run(now, hashToken(normalizeCode(code)));
      this.db.prepare("UPDATE devices SET secret_hash = ?, state = 'enrolled', enrolled_at = ? WHERE device_id = ?").run(hashToken(password), now, row.device_id);
      return { ok: true as const, device: this.get(row.device_id) as DeviceRecord, password };
    })();
  }

  /** Demo and tests: a device with a known credential, enrolled at once. */
  provisionKnown(req: DeviceSlotRequest & { deviceId: string }, password: string, by: string, now = Date.now()): DeviceRecord {
    if (isReservedDeviceId(req.deviceId)) throw new ReservedDeviceIdError(req.deviceId);
    this.db
      .prepare(
        `INSERT INTO devices (device_id, role, name, window_id, secret_hash, state, created_at, created_by, enrolled_at) VALUES (?, ?, ?, ?, ?, 'enrolled', ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET role = excluded.role, name = excluded.name, window_id = excluded.window_id, secret_hash = excluded.secret_hash, state = 'enrolled', revoked_at = NULL`,
      )
      .run(req.deviceId, req.role, req.name, req.windowId ?? null, hashToken(password), now, by, now);
    return this.get(req.deviceId) as DeviceRecord;
  }

  revoke(deviceId: string, now = Date.now()): boolean {
    const r = this.db.prepare("UPDATE devices SET state = 'revoked', revoked_at = ?, secret_hash = NULL WHERE device_id = ? AND state != 'revoked'").run(now, deviceId);
    return r.changes > 0;
  }

  /** Checks a device's MQTT login. */
  authenticate(deviceId: string, password: string): DeviceRecord | undefined {
    const row = this.db.prepare("SELECT secret_hash FROM devices WHERE device_id = ? AND state = 'enrolled'").get(deviceId) as { secret_hash: string | null } | undefined;
    if (!row?.secret_hash || row.secret_hash !== hashToken(password)) return undefined;
    return this.get(deviceId);
  }

  get(deviceId: string): DeviceRecord | undefined {
    const r = this.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as Record<string, unknown> | undefined;
    return r ? toRecord(r) : undefined;
  }

  all(): DeviceRecord[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY device_id').all() as Record<string, unknown>[]).map(toRecord);
  }
}

function toRecord(r: Record<string, unknown>): DeviceRecord {
  return {
    deviceId: r.device_id as string,
    role: r.role as DeviceRole,
    name: r.name as string,
    windowId: (r.window_id as string | null) ?? null,
    state: r.state as DeviceRecord['state'],
    createdAt: r.created_at as number,
    createdBy: r.created_by as string,
    enrolledAt: (r.enrolled_at as number | null) ?? null,
    revokedAt: (r.revoked_at as number | null) ?? null,
  };
}
