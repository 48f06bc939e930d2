// ID numbers on the phone pages and in the center's look-ups follow @hallkit/core's one rule
// (identity/idNumber.ts): resident cards, HK/Macau/TW residence permits and both foreign permanent
// resident card layouts. Kept only as a keyed hash (to match) and masked (to show).
import type { IdHashKeys } from '../../server/secrets/IdHashKeys.ts';
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
 * An HMAC under the center's ID-hash keys (secrets directory, never the database): ID numbers are few
 * and structured, so a plain hash — or a keyed one beside its key — could be reversed by trying them all.
 */
export class IdHasher {
  constructor(private readonly keys: IdHashKeys) {}

  /** What a new row stores. */
  hash(idNumber: string): string {
    return this.keys.hash(normaliseIdNumber(idNumber));
  }

  /** What rows stored under any key still in the ring may hold for this number (look-ups, limits). */
  candidates(idNumber: string): string[] {
    return this.keys.candidates(normaliseIdNumber(idNumber));
  }

  mask(idNumber: string): string {
    return maskIdNumber(normaliseIdNumber(idNumber));
  }
}
