// Slows down guessing at the consoles' log-in: a staff PIN has four digits, so unlimited tries would
// find one in minutes. Staff numbers are on every rating pad, so counting failures per account alone
// let anyone lock a colleague out everywhere with five wrong PINs (issue 15 item 8). Failures are
// therefore counted per account *and source* (the client address): five from one place lock that
// account at that place only, for 5 minutes, doubling with each further failure (at most an hour).
// A source that tries many accounts is slowed as well, and an account tried from many sources meets
// a far higher ceiling (a spread-out guess of 10,000 PINs still takes days). A success clears that
// source's count; an admin sees the lock-outs and can lift one.
import { RateLimiter, type RateRule } from '../access/RateLimiter.ts';

export interface LoginThrottleRules {
  /** Failed tries on one account from one source before it is locked there. */
  perSourceFailures: number;
  /** The first lock-out; each further failure from that source doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** Failed tries from one address over all accounts. */
  address: RateRule;
  /** Failed tries on one account over all sources (spread-out guessing). */
  account: RateRule;
}

export const defaultLoginThrottleRules: LoginThrottleRules = {
  perSourceFailures: 5,
  lockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
  address: { burst: 20, perMinute: 1 },
  account: { burst: 30, perMinute: 0.5 },
};

export interface LockOut {
  account: string;
  source: string;
  failures: number;
  lastFailureAt: number;
  /** Until when this source may not try this account; null while it still may (fewer failures). */
  lockedUntil: number | null;
}

/** Forget a source's failures after a quiet day. */
const FORGET_MS = 24 * 3600_000;

export class LoginThrottle {
  private readonly limiter: RateLimiter;
  private readonly perSource = new Map<string, LockOut>();

  constructor(
    private readonly rules: LoginThrottleRules = defaultLoginThrottleRules,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter(now);
  }

  /** Seconds to wait before `account` may be tried from `address` again; 0 when it may be now. */
  waitSeconds(account: string, address: string): number {
    const l = this.perSource.get(key(account, address));
    const locked = l?.lockedUntil != null ? Math.max(0, Math.ceil((l.lockedUntil - this.now()) / 1000)) : 0;
    return Math.max(locked, this.limiter.retryAfterSeconds(`account:${account}`, this.rules.account), this.limiter.retryAfterSeconds(`address:${address}`, this.rules.address));
  }

  failed(account: string, address: string): void {
    const now = this.now();
    const k = key(account, address);
    const prev = this.perSource.get(k);
    const l: LockOut = prev && now - prev.lastFailureAt < FORGET_MS ? prev : { account, source: address, failures: 0, lastFailureAt: now, lockedUntil: null };
    l.failures++;
    l.lastFailureAt = now;
    const over = l.failures - this.rules.perSourceFailures;
    if (over >= 0) l.lockedUntil = now + Math.min(this.rules.maxLockMs, this.rules.lockMs * 2 ** over);
    this.perSource.set(k, l);
    this.limiter.take(`account:${account}`, this.rules.account);
    this.limiter.take(`address:${address}`, this.rules.address);
    this.prune(now);
  }

  succeeded(account: string, address: string): void {
    this.perSource.delete(key(account, address));
  }

  /** For the admin: every source with failures on an account (locked ones first). */
  lockOuts(): LockOut[] {
    const now = this.now();
    return [...this.perSource.values()]
      .filter((l) => now - l.lastFailureAt < FORGET_MS)
      .map((l) => ({ ...l, lockedUntil: l.lockedUntil !== null && l.lockedUntil > now ? l.lockedUntil : null }))
      .sort((a, b) => Number(b.lockedUntil !== null) - Number(a.lockedUntil !== null) || b.lastFailureAt - a.lastFailureAt);
  }

  /** An admin lifts a lock-out: one source's, or every source's for the account. The count of lifted. */
  clear(account: string, source?: string): number {
    let n = 0;
    for (const [k, l] of this.perSource) {
      if (l.account === account && (source === undefined || l.source === source)) {
        this.perSource.delete(k);
        n++;
      }
    }
    if (source === undefined) this.limiter.forget(`account:${account}`);
    return n;
  }

  private prune(now: number): void {
    if (this.perSource.size < 10_000) return;
    for (const [k, l] of this.perSource) if (now - l.lastFailureAt >= FORGET_MS) this.perSource.delete(k);
  }
}

function key(account: string, source: string): string {
  return `${account}\u0000${source}`;
}
