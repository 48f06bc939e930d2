// A card on the reader becomes a short-lived session: the renderer holds only its handle and masked
// data; the full ID number stays here and is forgotten when the session ends or expires.
import { randomBytes } from 'node:crypto';
import { hallLocalTime, maskIdNumber } from '@hallkit/core';
import type { IdCard } from '@hallkit/devices/idcard/IdCard';

export interface CardSession {
  idNumber: string;
  maskedNumber: string;
  greetingName: string;
  age: number | null;
  expiresAt: number;
}

export class CardSessions {
  private readonly sessions = new Map<string, CardSession>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  open(card: IdCard, timeZone: string): { session: string } & CardSession {
    this.prune();
    const session = randomBytes(12).toString('base64url');
    const s: CardSession = {
      idNumber: card.idNumber,
      maskedNumber: maskIdNumber(card.idNumber),
      greetingName: card.name ? `${[...card.name][0] ?? ''}${'*'.repeat(Math.max(1, [...card.name].length - 1))}` : '',
      age: ageOn(card.birthDate, hallLocalTime(this.now(), timeZone).day),
      expiresAt: this.now() + this.ttlMs,
    };
    this.sessions.set(session, s);
    return { session, ...s };
  }

  get(session: string | undefined): CardSession | undefined {
    if (!session) return undefined;
    const s = this.sessions.get(session);
    if (!s || s.expiresAt < this.now()) {
      this.sessions.delete(session);
      return undefined;
    }
    return s;
  }

  end(session: string | undefined): void {
    if (session) this.sessions.delete(session);
  }

  private prune(): void {
    const t = this.now();
    for (const [k, s] of this.sessions) if (s.expiresAt < t) this.sessions.delete(k);
  }
}

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day; null if the date is unreadable. */
export function ageOn(birthDate: string, day: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!b || !d) return null;
  let age = Number(d[1]) - Number(b[1]);
  if (`${d[2]}${d[3]}` < `${b[2]}${b[3]}`) age -= 1;
  return age >= 0 && age < 150 ? age : null;
}
