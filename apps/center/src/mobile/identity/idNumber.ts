// Resident ID numbers (GB 11643-1999): 17 digits and a check character. Checked before anything
// is booked with one; kept only as a keyed hash (to match) and masked (to show).
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { maskIdNumber } from '@hallkit/core';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normaliseIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidIdNumber(input: string): boolean {
  const s = normaliseIdNumber(input);
  if (!/^[0-9]{17}[0-9X]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === s[17];
}

/** The check character for 17 digits (demo data and tests make valid numbers with it). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '?';
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
