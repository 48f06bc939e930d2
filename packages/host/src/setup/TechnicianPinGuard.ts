// Attempts at a device's technician PIN (issue 15 item 8): without a limit, anything that reaches the
// bridge tried 200 PINs in 88 ms. Five wrong tries, then a wait of 30 s that doubles with each further
// wrong try (at most 15 minutes); while waiting, not even the right PIN is compared. A right PIN
// clears the count. Kept in memory: a restart (which needs someone at the device) starts afresh.
import { timingSafeEqual } from 'node:crypto';

export type PinCheck = { ok: true } | { ok: false; retryAfterSeconds?: number };

export interface TechnicianPinGuardRules {
  freeTries: number;
  firstWaitMs: number;
  maxWaitMs: number;
}

export const defaultTechnicianPinRules: TechnicianPinGuardRules = { freeTries: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 };

export class TechnicianPinGuard {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly rules: TechnicianPinGuardRules = defaultTechnicianPinRules,
    private readonly now: () => number = Date.now,
  ) {}

  check(given: string, want: string): PinCheck {
    const now = this.now();
    if (now < this.lockedUntil) {
      this.log('technician PIN not checked: too many wrong tries, waiting');
      return { ok: false, retryAfterSeconds: Math.ceil((this.lockedUntil - now) / 1000) };
    }
    const a = Buffer.from(given);
    const b = Buffer.from(want);
    if (a.length === b.length && timingSafeEqual(a, b)) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures++;
    const over = this.failures - this.rules.freeTries;
    if (over >= 0) {
      this.lockedUntil = now + Math.min(this.rules.maxWaitMs, this.rules.firstWaitMs * 2 ** over);
      this.log(`technician PIN refused (${this.failures} wrong in a row): no tries for ${Math.ceil((this.lockedUntil - now) / 1000)} s`);
      return { ok: false, retryAfterSeconds: Math.ceil((this.lockedUntil - now) / 1000) };
    }
    this.log(`technician PIN refused (${this.failures} wrong in a row)`);
    return { ok: false };
  }
}
