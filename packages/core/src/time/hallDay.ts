/**
 * The hall-day a moment belongs to, in the hall's time zone: ticket numbers restart every day
 * and are unique within (hall, day). Intl is part of the language, not I/O.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface HallLocalTime {
  /** `YYYY-MM-DD` in the hall's zone. */
  day: string;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** Busy halls ask about the same minute thousands of times; Intl formatting is the slow part. */
const lastByZone = new Map<string, { minute: number; value: HallLocalTime }>();

export function hallLocalTime(at: string | number | Date, timeZone: string): HallLocalTime {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${String(at)}`);
  const minute = Math.floor(d.getTime() / 60_000);
  const cached = lastByZone.get(timeZone);
  if (cached && cached.minute === minute) return { ...cached.value };
  const value = computeLocalTime(d, timeZone);
  lastByZone.set(timeZone, { minute, value });
  return { ...value };
}

function computeLocalTime(d: Date, timeZone: string): HallLocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(d)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return { day, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute), weekday };
}

export function hallDay(at: string | number | Date, timeZone: string): string {
  return hallLocalTime(at, timeZone).day;
}
