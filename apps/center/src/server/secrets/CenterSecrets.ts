// Every secret of the center, from files in its secrets directory (HALLKIT_SECRETS_DIR / --secrets-dir,
// default <data>/secrets) — never in center.sqlite, so a copied database or backup reveals no ID
// number and logs nobody in. Created on first start; moved out of the database of an older release
// (and overwritten there: secure_delete + checkpoint, the old bytes do not linger in free pages).
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { IdHashKeyRingSchema, IdHashKeys } from './IdHashKeys.ts';
import { SecretFileError, SecretFiles } from './SecretFiles.ts';

/** File names in the secrets directory (docs/operations.md, 密钥). */
export const SECRET_FILE = {
  idHashKeys: 'id-hash-keys.json',
  doorCodeKey: 'door-code-key',
  mqttPassword: 'mqtt-password',
  mqttShareGroup: 'mqtt-share-group',
} as const;

/** Keys older releases kept in the phone pages' m_meta table. */
const LEGACY_META = { idHashKey: 'id-hash-key', doorCodeKey: 'door-code-key' } as const;

export interface CenterSecretsLog {
  info(msg: string, fields?: Record<string, unknown>): void;
}

export class CenterSecrets {
  private constructor(
    readonly files: SecretFiles,
    readonly idKeys: IdHashKeys,
    /** HMAC key of the rotating door code (DoorCode): the one signing key of the phone pages. */
    readonly doorCodeKey: Buffer,
    /** The center's own MQTT password (embedded broker; the `center` line of an external Mosquitto). */
    readonly mqttPassword: string,
    /** The share group of several center processes: unguessable, so no device can join it. */
    readonly mqttShareGroup: string,
  ) {}

  get dir(): string {
    return this.files.dir;
  }

  /** Opens (creating what is missing) the secrets in `dir`; with `db`, moves an older release's keys out of it. */
  static open(dir: string, db?: Database, log?: CenterSecretsLog, now: Date = new Date()): CenterSecrets {
    const files = new SecretFiles(dir);
    files.ensureDir();
    const legacy = db ? legacyMeta(db) : {};
    if (!files.has(SECRET_FILE.idHashKeys)) {
      // The old key becomes key 1: every hash already stored keeps matching.
      const ring = legacy.idHashKey ? IdHashKeys.fresh(now, Buffer.from(legacy.idHashKey, 'base64')) : IdHashKeys.fresh(now);
      files.write(SECRET_FILE.idHashKeys, `${JSON.stringify(ring.ring, null, 2)}\n`);
      log?.info(legacy.idHashKey ? 'ID-hash key moved from the database to the secrets directory' : 'ID-hash key created', { dir });
    }
    if (!files.has(SECRET_FILE.doorCodeKey)) files.write(SECRET_FILE.doorCodeKey, `${legacy.doorCodeKey ?? randomBytes(32).toString('base64')}\n`);
    if (!files.has(SECRET_FILE.mqttPassword)) files.write(SECRET_FILE.mqttPassword, `${randomBytes(24).toString('base64url')}\n`);
    if (!files.has(SECRET_FILE.mqttShareGroup)) files.write(SECRET_FILE.mqttShareGroup, `hk${randomBytes(16).toString('hex')}\n`);
    const secrets = CenterSecrets.read(files);
    // Only once the files hold them: a crash in between leaves the keys in the database, not lost.
    if (db && (legacy.idHashKey !== undefined || legacy.doorCodeKey !== undefined)) forgetLegacy(db);
    return secrets;
  }

  /** Reads the directory as it is (the CLI; a second center process). */
  static read(files: SecretFiles): CenterSecrets {
    files.ensureDir();
    const ring = IdHashKeyRingSchema.safeParse(parseJson(files, SECRET_FILE.idHashKeys));
    if (!ring.success) throw new SecretFileError(`${files.path(SECRET_FILE.idHashKeys)}: ${ring.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const door = Buffer.from(files.read(SECRET_FILE.doorCodeKey).trim(), 'base64');
    if (door.length < 16) throw new SecretFileError(`${files.path(SECRET_FILE.doorCodeKey)}: not a key (base64, 32 bytes)`);
    const password = files.read(SECRET_FILE.mqttPassword).trim();
    if (password.length < 16) throw new SecretFileError(`${files.path(SECRET_FILE.mqttPassword)}: at least 16 characters`);
    const group = files.read(SECRET_FILE.mqttShareGroup).trim();
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(group)) throw new SecretFileError(`${files.path(SECRET_FILE.mqttShareGroup)}: 16–64 of A-Z a-z 0-9 _ -`);
    return new CenterSecrets(files, new IdHashKeys(ring.data), door, password, group);
  }
}

function parseJson(files: SecretFiles, name: string): unknown {
  try {
    return JSON.parse(files.read(name));
  } catch (e) {
    if (e instanceof SecretFileError) throw e;
    throw new SecretFileError(`${files.path(name)} is not JSON: ${(e as Error).message}`);
  }
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function legacyMeta(db: Database): { idHashKey?: string; doorCodeKey?: string } {
  if (!hasTable(db, 'm_meta')) return {};
  const get = (key: string) => (db.prepare('SELECT value FROM m_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const idHashKey = get(LEGACY_META.idHashKey);
  const doorCodeKey = get(LEGACY_META.doorCodeKey);
  return { ...(idHashKey ? { idHashKey } : {}), ...(doorCodeKey ? { doorCodeKey } : {}) };
}

function forgetLegacy(db: Database): void {
  // secure_delete zeroes the freed cells; the checkpoint carries that into the main file and the WAL
  // is truncated, so neither file keeps the key's bytes.
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  db.prepare('DELETE FROM m_meta WHERE key IN (?, ?)').run(LEGACY_META.idHashKey, LEGACY_META.doorCodeKey);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
}
