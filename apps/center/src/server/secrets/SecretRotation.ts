// Rotating the center's secrets (the `secrets` CLI). Each takes effect when the center next starts;
// docs/operations.md (密钥) says what else to do for each.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { mosquittoPasswordHash, withPasswordEntry } from '../broker/MosquittoPasswordFile.ts';
import { CenterSecrets, SECRET_FILE } from './CenterSecrets.ts';
import { IdHashKeys } from './IdHashKeys.ts';
import { SecretFiles } from './SecretFiles.ts';

/** Tables that keep ID numbers as keyed hashes. */
const ID_HASH_TABLES = ['m_bookings', 'm_remote_tickets', 'm_cases'] as const;

export type RotatableSecret = 'id-hash-key' | 'door-code-key' | 'mqtt-password';
export const ROTATABLE: readonly RotatableSecret[] = ['id-hash-key', 'door-code-key', 'mqtt-password'];

/** Rows still hashed with each key of the ring (a key with 0 rows can be retired). */
export function rowsPerIdKey(db: Database, keys: IdHashKeys): Record<number, number> {
  const out: Record<number, number> = {};
  for (const k of keys.ring.keys) {
    const like = IdHashKeys.likeFor(k.id);
    let n = 0;
    for (const t of ID_HASH_TABLES) {
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t)) continue;
      n += (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${like.sql}`).get(like.param) as { n: number }).n;
    }
    out[k.id] = n;
  }
  return out;
}

export interface RotationResult {
  secret: RotatableSecret;
  /** What the operator does next. */
  next: string;
}

export function rotate(dir: string, secret: RotatableSecret, o: { now?: Date; mosquittoPasswordFile?: string } = {}): RotationResult {
  const files = new SecretFiles(dir);
  const current = CenterSecrets.read(files);
  const now = o.now ?? new Date();
  switch (secret) {
    case 'id-hash-key': {
      const ring = current.idKeys.rotated(now);
      files.write(SECRET_FILE.idHashKeys, `${JSON.stringify(ring.ring, null, 2)}\n`);
      return { secret, next: `restart the center; new ID numbers are hashed with key ${ring.currentId}, older ones still match. Retire an old key with \`secrets retire-id-key <n>\` once no row needs it (\`secrets status\`).` };
    }
    case 'door-code-key':
      files.write(SECRET_FILE.doorCodeKey, `${randomBytes(32).toString('base64')}\n`);
      return { secret, next: 'restart the center; door QR codes shown before stop working at once (citizens scan the door screen again).' };
    case 'mqtt-password': {
      const password = randomBytes(24).toString('base64url');
      files.write(SECRET_FILE.mqttPassword, `${password}\n`);
      if (o.mosquittoPasswordFile) {
        writeCenterLine(o.mosquittoPasswordFile, password);
        return { secret, next: `the center line of ${o.mosquittoPasswordFile} is updated: reload Mosquitto (systemctl reload hallkit-mosquitto), then restart the center.` };
      }
      return { secret, next: 'restart the center (embedded broker). With an external Mosquitto pass --mosquitto-password-file so its center line changes too.' };
    }
  }
}

/** Drops an old ID-hash key; refused while rows still need it unless `force` (those rows then match no one). */
export function retireIdKey(dir: string, id: number, db: Database | undefined, force: boolean): { dropped: number; orphaned: number } {
  const files = new SecretFiles(dir);
  const keys = CenterSecrets.read(files).idKeys;
  if (id === keys.currentId) throw new Error(`key ${id} is the current ID-hash key: rotate first`);
  const orphaned = db ? (rowsPerIdKey(db, keys)[id] ?? 0) : 0;
  if (orphaned > 0 && !force) throw new Error(`${orphaned} stored ID hashes still use key ${id}: retiring it makes them unmatchable (add --force for past days' rows)`);
  const ring = keys.without(id);
  files.write(SECRET_FILE.idHashKeys, `${JSON.stringify(ring.ring, null, 2)}\n`);
  return { dropped: id, orphaned };
}

/** The `center` line of an external Mosquitto's password file (keeps the file's mode and owner: Mosquitto reads it). */
export function writeCenterLine(file: string, password: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, withPasswordEntry(text, 'center', mosquittoPasswordHash(password)));
}
