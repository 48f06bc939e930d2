// Tokens that stand for something in a link (a booking page, a login session): 128 bits or more
// from the OS's CSPRNG, so nobody reaches someone else's page by guessing or counting.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function secureToken(bytes = 16): string {
  if (bytes < 16) throw new RangeError('a link token needs at least 128 bits');
  return randomBytes(bytes).toString('base64url');
}

/** Stored in place of a session token: a leaked database does not log anyone in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Crockford base32 without I, L, O, U: read aloud or typed at a kiosk without confusion. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short human code (booking code): 8 characters = 40 bits; guessing is stopped by rate limits. */
export function humanCode(length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** What a citizen typed, made comparable: upper case, no spaces or dashes, O→0, I/L→1. */
export function normaliseHumanCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function numericCode(digits = 6): string {
  return String(randomInt(10 ** digits)).padStart(digits, '0');
}
