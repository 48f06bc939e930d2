// The phone pages' calls to the center (`/api/m/*`): JSON with the phone-login cookie. A refusal
// comes back as `{ error, params }`, which the page turns into a sentence from the i18n files.
// Shapes the server defines are imported as types only (erased from the bundle): one definition, no drift.
import type { NameTranslations } from '@hallkit/core';
export type { TicketStatus, CaseStep, ApplicationCase } from '@hallkit/core';
export type { FollowView } from '../../mobile/follow/TicketFollow.ts';
export class MobileApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export async function mapi<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new MobileApiError(0, 'network');
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string; params?: Record<string, string | number> };
  if (!res.ok) throw new MobileApiError(res.status, json.error ?? 'unknown', json.params ?? {});
  return json as T;
}

export interface HallInfo {
  v: 1;
  /** `i18n`: the hall file's 繁體/English names (show with localName in the page's language). */
  hall: { id: string; name: string; i18n?: NameTranslations; address: string | null; timeZone: string };
  categories: { id: string; name: string; i18n?: NameTranslations; prefix: string; zone: string | null; zoneI18n?: NameTranslations; openNow: boolean; remote: { quota: number; left: number }; appointments: boolean }[];
  items: { id: string; name: string; i18n?: NameTranslations; categoryId: string; department: string | null; departmentI18n?: NameTranslations }[];
  reasons: { id: string; label: string }[];
  laterRatingDays: number;
  demoLogin: boolean;
}

export interface BookingView {
  v: 1;
  manageToken: string;
  code: string;
  qrSvg: string;
  categoryId: string;
  categoryName: string;
  categoryI18n?: NameTranslations;
  itemName: string | null;
  itemI18n?: NameTranslations;
  day: string;
  slotFrom: number;
  slotTo: number;
  status: 'booked' | 'checked-in' | 'cancelled';
  holderIdMasked: string;
  checkIn: { earlyMinutes: number; lateMinutes: number };
  ticket: { number: string; followPath: string } | null;
  mine: boolean;
  /** An SMS the day before was asked for. */
  remind: boolean;
}

export interface DaySlots {
  day: string;
  slots: { from: number; to: number; capacity: number; free: number; past: boolean }[];
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

