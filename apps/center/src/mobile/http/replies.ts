// Turning the mobile module's refusals into HTTP answers the pages can explain, and the guards
// every route shares: rate limits per IP and per phone, the phone login cookie.
import type { ZodType, z } from 'zod';
import type { HttpHandler, HttpReply, HttpRequest } from '../../server/http/Router.ts';
import { MobileError } from '../access/MobileError.ts';
import type { RateLimiter, RateRule } from '../../server/access/RateLimiter.ts';
import { LoginError } from '../identity/PhoneLogin.ts';
import type { PhoneLogin } from '../identity/PhoneLogin.ts';

export const PHONE_COOKIE = 'hk_m';

export interface MobileRateRules {
  /** Every GET of the phone API, per IP. */
  read: RateRule;
  /** Every POST, per IP. */
  write: RateRule;
  /** Login codes, per IP (per phone there is also the resend delay). */
  code: RateRule;
  /** Unknown ticket/booking links and receipt codes, per IP: scraping by guessing stops here. */
  miss: RateRule;
  /** Tickets and bookings taken, per phone. */
  take: RateRule;
}

export const defaultRateRules: MobileRateRules = {
  read: { burst: 240, perMinute: 120 },
  write: { burst: 40, perMinute: 20 },
  code: { burst: 5, perMinute: 0.5 },
  miss: { burst: 20, perMinute: 5 },
  take: { burst: 10, perMinute: 0.2 },
};

export function refusal(status: number, error: string, params: Record<string, string | number> = {}, headers: Record<string, string> = {}): HttpReply {
  return { status, json: { error, params }, headers };
}

/** Run a route; refusals become `{ error, params }` with their status, never a 500. */
export function guarded(fn: (req: HttpRequest) => HttpReply | Promise<HttpReply>): HttpHandler {
  return async (req) => {
    try {
      return await fn(req);
    } catch (e) {
      if (e instanceof MobileError) return refusal(e.status, e.code, e.params);
      if (e instanceof LoginError) {
        const retry = e.retryAfterSeconds;
        return refusal(retry !== undefined ? 429 : 400, e.code, retry !== undefined ? { retryAfter: retry } : {}, retry !== undefined ? { 'retry-after': String(retry) } : {});
      }
      throw e;
    }
  };
}

export function body<S extends ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new MobileError('bad-request', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

export function limit(limiter: RateLimiter, key: string, rule: RateRule): void {
  if (!limiter.take(key, rule)) throw new MobileError('rate-limited', 'too many requests', { retryAfter: limiter.retryAfterSeconds(key, rule) });
}

/**
 * Refuse before looking when any of `keys` has no miss left: a guesser over the limit must not learn
 * from a hit (200) versus a limited miss (429). Misses are taken afterwards with `limit`.
 */
export function missBudget(limiter: RateLimiter, keys: readonly string[], rule: RateRule): void {
  for (const key of keys) {
    const wait = limiter.retryAfterSeconds(key, rule);
    if (wait > 0) throw new MobileError('rate-limited', 'too many requests', { retryAfter: wait });
  }
}

export function requirePhone(req: HttpRequest, login: PhoneLogin): string {
  const phone = login.phoneFor(req.cookies[PHONE_COOKIE]);
  if (!phone) throw new MobileError('login-required');
  return phone;
}

export function phoneCookie(token: string, maxAgeS: number): string {
  return `${PHONE_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAgeS}`;
}
