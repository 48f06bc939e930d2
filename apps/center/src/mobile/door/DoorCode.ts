// The rotating door code: `{period}.{mac}` where period counts `rotateMinutes` since the epoch and
// mac is an HMAC of the hall and period under a key only the center holds. Shown as a QR at the door
// (a screen that refreshes it), it proves the scanner stood in the hall within `validMinutes`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DoorQueuePolicy } from '@hallkit/core';

export type DoorCodeCheck = { ok: true; period: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export class DoorCode {
  /** `key`: the door-code key from the center's secrets directory (CenterSecrets), never the database. */
  constructor(
    private readonly key: Buffer,
    private readonly hallId: string,
  ) {}

  private mac(period: number): string {
    return createHmac('sha256', this.key).update(`${this.hallId}:door:${period}`).digest('base64url').slice(0, 22);
  }

  /** The code to show now, and when the screen should change it. */
  current(policy: DoorQueuePolicy, now: number): { code: string; changesAt: number } {
    const span = policy.rotateMinutes * 60_000;
    const period = Math.floor(now / span);
    return { code: `${period}.${this.mac(period)}`, changesAt: (period + 1) * span };
  }

  check(code: string, policy: DoorQueuePolicy, now: number): DoorCodeCheck {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(code);
    if (!m) return { ok: false, reason: 'malformed' };
    const period = Number(m[1]);
    const given = Buffer.from(m[2] ?? '');
    const expected = Buffer.from(this.mac(period));
    if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
    const span = policy.rotateMinutes * 60_000;
    const shownFrom = period * span;
    // Valid from when it was shown until validMinutes after it stopped being shown; never from the future.
    if (shownFrom > now + 5_000 || now > shownFrom + span + policy.validMinutes * 60_000) return { ok: false, reason: 'expired' };
    return { ok: true, period };
  }
}
