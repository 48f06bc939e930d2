// Log in with a phone number and a one-time code (the usual route on a hall's phone pages).
// Codes are random, hashed at rest, expire, allow few attempts and cannot be re-sent too soon.
import type { Database } from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import type { CodeSender } from './CodeSender.ts';
import { numericCode, secureToken, tokenHash } from '../access/secureToken.ts';

export const PHONE_PATTERN = /^1[3-9][0-9]{9}$/;

export interface PhoneLoginOptions {
  codeTtlMs: number;
  resendAfterMs: number;
  maxAttempts: number;
  sessionTtlMs: number;
}

export const defaultPhoneLoginOptions: PhoneLoginOptions = {
  codeTtlMs: 5 * 60_000,
  resendAfterMs: 60_000,
  maxAttempts: 5,
  sessionTtlMs: 12 * 3_600_000,
};

export type LoginRefusal = 'bad-phone' | 'resend-too-soon' | 'no-code' | 'code-expired' | 'too-many-attempts' | 'wrong-code';

export class LoginError extends Error {
  constructor(
    readonly code: LoginRefusal,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

export class PhoneLogin {
  private readonly opts: PhoneLoginOptions;

  constructor(
    private readonly db: Database,
    private readonly sender: CodeSender,
    private readonly now: () => number = Date.now,
    opts: Partial<PhoneLoginOptions> = {},
  ) {
    this.opts = { ...defaultPhoneLoginOptions, ...opts };
  }

  async requestCode(phone: string): Promise<void> {
    if (!PHONE_PATTERN.test(phone)) throw new LoginError('bad-phone');
    const t = this.now();
    const prev = this.db.prepare('SELECT sent_at FROM m_login_codes WHERE phone = ?').get(phone) as { sent_at: number } | undefined;
    if (prev && t - prev.sent_at < this.opts.resendAfterMs) {
      throw new LoginError('resend-too-soon', Math.ceil((prev.sent_at + this.opts.resendAfterMs - t) / 1000));
    }
    const code = numericCode(6);
    this.db
      .prepare('INSERT OR REPLACE INTO m_login_codes (phone, code_hash, expires_at, attempts, sent_at) VALUES (?, ?, ?, 0, ?)')
      .run(phone, tokenHash(`${phone}:${code}`), t + this.opts.codeTtlMs, t);
    await this.sender.send(phone, code, { key: `login:${secureToken(16)}`, ttlMs: this.opts.codeTtlMs, expiresAt: t + this.opts.codeTtlMs });
  }

  /** A correct code is used up and returns a session token (kept by the browser as an HttpOnly cookie). */
  verify(phone: string, code: string): { token: string; expiresAt: number } {
    if (!PHONE_PATTERN.test(phone)) throw new LoginError('bad-phone');
    const row = this.db.prepare('SELECT code_hash, expires_at, attempts FROM m_login_codes WHERE phone = ?').get(phone) as
      | { code_hash: string; expires_at: number; attempts: number }
      | undefined;
    if (!row) throw new LoginError('no-code');
    const t = this.now();
    if (t > row.expires_at) throw new LoginError('code-expired');
    if (row.attempts >= this.opts.maxAttempts) throw new LoginError('too-many-attempts');
    const given = Buffer.from(tokenHash(`${phone}:${code.trim()}`));
    const expected = Buffer.from(row.code_hash);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      this.db.prepare('UPDATE m_login_codes SET attempts = attempts + 1 WHERE phone = ?').run(phone);
      throw new LoginError(row.attempts + 1 >= this.opts.maxAttempts ? 'too-many-attempts' : 'wrong-code');
    }
    const token = secureToken(32);
    const expiresAt = t + this.opts.sessionTtlMs;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM m_login_codes WHERE phone = ?').run(phone);
      this.db.prepare('DELETE FROM m_sessions WHERE expires_at < ?').run(t);
      this.db.prepare('INSERT INTO m_sessions (token_hash, phone, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), phone, expiresAt);
    })();
    return { token, expiresAt };
  }

  /** The phone a session token belongs to, if it is still valid. */
  phoneFor(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const row = this.db.prepare('SELECT phone, expires_at FROM m_sessions WHERE token_hash = ?').get(tokenHash(token)) as
      | { phone: string; expires_at: number }
      | undefined;
    return row && row.expires_at > this.now() ? row.phone : undefined;
  }

  logout(token: string): void {
    this.db.prepare('DELETE FROM m_sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}
