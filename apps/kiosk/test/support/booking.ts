// Books an appointment the way a citizen does, through the center's phone API: the admin opens
// all-day slots for a category, the phone logs in with the SMS code (the demo center logs it) and
// books the slot of "now", so the kiosk can check it in at once.
import { hallLocalTime } from '@hallkit/core';
import type { CenterProcess } from './CenterProcess.ts';
import { waitUntil } from './KioskRig.ts';

/** A browser-like HTTP session (cookies kept) for the center's consoles and phone API. */
export class Session {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k) this.cookies.set(k.trim(), v ?? '');
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

/** Books the slot of "now" (or `when`: a day and a slot's start minute in hall time); returns the booking code. */
export async function bookNow(center: CenterProcess, categoryId: string, idNumber: string, phone: string, when?: { day: string; slotFrom: number }): Promise<string> {
  const admin = new Session(center.httpUrl);
  await admin.post('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
  await admin.post('/api/m/admin/slot-plans', {
    v: 1,
    categoryId,
    enabled: true,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    workingDaysOnly: false,
    slots: Array.from({ length: 24 }, (_, h) => ({ from: h * 60, to: h * 60 + 60, capacity: 4 })),
    daysAhead: 1,
    sameDay: true,
    checkIn: { earlyMinutes: 30, lateMinutes: 15 },
    perIdPerDay: 1,
  });
  const citizen = new Session(center.httpUrl);
  const seen = center.output.length;
  await citizen.post('/api/m/login/code', { phone });
  let code = '';
  await waitUntil(() => {
    const m = /login code[^\n]*"code":"(\d+)"/.exec(center.output.slice(seen));
    code = m?.[1] ?? '';
    return code !== '';
  }, 10_000, 'login code in the center log');
  await citizen.post('/api/m/login/verify', { phone, code });
  const now = hallLocalTime(new Date(), 'Asia/Shanghai');
  const slot = when ?? { day: now.day, slotFrom: Math.floor(now.minuteOfDay / 60) * 60 };
  const booking = await citizen.post<{ code: string }>('/api/m/appointments', { categoryId, idNumber, ...slot });
  return booking.code;
}
