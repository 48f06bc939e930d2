// Mosquitto's password file, read and written by the center itself instead of through
// `mosquitto_passwd -b`, which would put each new device's password on a command line that every
// process on the broker's host can read. The format is Mosquitto 2's: one `user:hash` line per
// user, hash `$7$<iterations>$<base64 salt>$<base64 PBKDF2-HMAC-SHA512>`.
import { pbkdf2Sync, randomBytes } from 'node:crypto';

/** What `mosquitto_passwd` 2.x uses: the broker pays this on every CONNECT of every device. */
export const MOSQUITTO_PBKDF2_ITERATIONS = 101;
const SALT_BYTES = 12;
const KEY_BYTES = 64;

/** A user name the file can hold: `:` separates the fields and a line break ends the entry. */
export function assertPasswordFileUser(user: string): void {
  if (user === '' || /[:\r\n]/.test(user)) throw new Error(`not a user name for a Mosquitto password file: ${JSON.stringify(user)}`);
}

/** One line's hash, as the broker checks it. */
export function mosquittoPasswordHash(password: string, salt: Buffer = randomBytes(SALT_BYTES), iterations = MOSQUITTO_PBKDF2_ITERATIONS): string {
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, KEY_BYTES, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` matches a `$7$` hash (the center's own check of what it wrote). */
export function verifyMosquittoPassword(password: string, hash: string): boolean {
  const m = /^\$7\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
  if (!m) return false;
  return mosquittoPasswordHash(password, Buffer.from(m[2] ?? '', 'base64'), Number(m[1])) === hash;
}

const userOf = (line: string): string | null => {
  const i = line.indexOf(':');
  return i < 0 ? null : line.slice(0, i);
};

/**
 * The file's text with `user` set to `hash` (in its place, or added at the end), or removed when
 * `hash` is null. Every other line is kept as it was, whoever wrote it.
 */
export function withPasswordEntry(text: string, user: string, hash: string | null): string {
  assertPasswordFileUser(user);
  const out: string[] = [];
  let placed = false;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (userOf(line) !== user) out.push(line);
    else if (hash !== null && !placed) {
      out.push(`${user}:${hash}`);
      placed = true;
    }
  }
  if (hash !== null && !placed) out.push(`${user}:${hash}`);
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The users the file lists. */
export function passwordFileUsers(text: string): string[] {
  return text.split('\n').map(userOf).filter((u): u is string => u !== null);
}
