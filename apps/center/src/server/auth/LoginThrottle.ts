// Slows down guessing at the consoles' log-in: a staff PIN has four digits, so unlimited tries would
// find one in minutes. Failures are counted per account (whoever tries it) and per client address
// (whatever account it tries); a success clears the account's count. Only failures cost anything,
// so a window's staff logging in all day never meets the limit.
import { RateLimiter, type RateRule } from '../access/RateLimiter.ts';

export interface LoginThrottleRules {
  /** Failed tries on one account: 5 at once, then one per 5 minutes. */
  account: RateRule;
  /** Failed tries from one address over all accounts. */
  address: RateRule;
}

export const defaultLoginThrottleRules: LoginThrottleRules = {
  account: { burst: 5, perMinute: 0.2 },
  address: { burst: 20, perMinute: 1 },
};

export class LoginThrottle {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly rules: LoginThrottleRules = defaultLoginThrottleRules,
    now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter(now);
  }

  /** Seconds to wait before `account` may be tried from `address` again; 0 when it may be now. */
  waitSeconds(account: string, address: string): number {
    return Math.max(
      this.limiter.retryAfterSeconds(`account:${account}`, this.rules.account),
      this.limiter.retryAfterSeconds(`address:${address}`, this.rules.address),
    );
  }

  failed(account: string, address: string): void {
    this.limiter.take(`account:${account}`, this.rules.account);
    this.limiter.take(`address:${address}`, this.rules.address);
  }

  succeeded(account: string): void {
    this.limiter.forget(`account:${account}`);
  }
}
