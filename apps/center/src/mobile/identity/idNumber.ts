// ID numbers on the phone pages and in the center's look-ups follow @hallkit/core's one rule
// (identity/idNumber.ts): resident cards, HK/Macau/TW residence permits and both foreign permanent
// resident card layouts. Kept only as a keyed hash (to match) and masked (to show).
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { checkIdNumber, maskIdNumber, normaliseIdNumber } from '@hallkit/core';

export { idCheckCharacter, normaliseIdNumber } from '@hallkit/core';

/**
 * True for a number of a layout served with a right check character and a real birth date. The
 * birth date is bounded by tomorrow in UTC: never wrongly refused for a baby born today in China.
 */
export function isValidIdNumber(input: string, now: Date = new Date()): boolean {
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return checkIdNumber(input, tomorrow).ok;
}

/**
 * An HMAC with a key kept in the center's database: ID numbers are few and structured, so a plain
 * hash could be reversed by trying them all; without the key it cannot.
 */
export class IdHasher {
  private readonly key: Buffer;

  constructor(db: Database) {
    const row = db.prepare("SELECT value FROM m_meta WHERE key = 'id-hash-key'").get() as { value: string } | undefined;
    if (row) this.key = Buffer.from(row.value, 'base64');
    else {
      this.key = randomBytes(32);
      db.prepare("INSERT INTO m_meta (key, value) VALUES ('id-hash-key', ?)").run(this.key.toString('base64'));
    }
  }

  hash(idNumber: string): string {
    return createHmac('sha256', this.key).update(normaliseIdNumber(idNumber)).digest('base64url');
  }

  mask(idNumber: string): string {
    return maskIdNumber(normaliseIdNumber(idNumber));
  }
}
