// Token buckets per key (an IP address, a phone number, an account): stop scraping of ticket links,
// hoarding of tickets and bookings, and guessing of PINs. In memory: a restart forgets the buckets,
// which only errs on the lenient side.

export interface RateRule {
  /** Requests allowed in a burst. */
  burst: number;
  /** Tokens regained per minute. */
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A bucket's tokens at time `t`: what it had, plus what it regained since, up to the burst. */
const level = (b: Bucket, rule: RateRule, t: number): number => Math.min(rule.burst, b.tokens + ((t - b.at) / 60_000) * rule.perMinute);

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Take one token from `key`'s bucket; false (and nothing taken) when it is empty. */
  take(key: string, rule: RateRule): boolean {
    const t = this.now();
    this.sweep(t);
    const b = this.buckets.get(key) ?? { tokens: rule.burst, at: t };
    b.tokens = level(b, rule, t);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** A full bucket again (e.g. after a successful log-in). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Seconds until `key` has a token again (for Retry-After). */
  retryAfterSeconds(key: string, rule: RateRule): number {
    const b = this.buckets.get(key);
    const tokens = b ? level(b, rule, this.now()) : rule.burst;
    if (tokens >= 1) return 0;
    return Math.ceil(((1 - tokens) / rule.perMinute) * 60);
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < 60_000) return;
    this.lastSweep = t;
    // A bucket idle for an hour is full again under any rule we use: forget it.
    for (const [k, b] of this.buckets) if (t - b.at > 3_600_000) this.buckets.delete(k);
  }
}
