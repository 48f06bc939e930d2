// Times as the hall reads them: the hall's own time zone (from the hall definition, never the
// browser's — a console or a phone left on UTC or abroad must still show the hall's clock), 24 h.
// Every page sets the zone once it knows it (consoles from /api/me, phone pages from /api/m/info).
let zone = 'Asia/Shanghai';
let formats = makeFormats(zone);

function makeFormats(timeZone: string) {
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...o });
  return {
    time: f({ hour: '2-digit', minute: '2-digit' }),
    seconds: f({ hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    parts: f({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
  };
}

/** The hall's IANA zone (e.g. Asia/Shanghai); an unknown zone keeps the one in use. */
export function setHallTimeZone(timeZone: string): void {
  if (timeZone === zone) return;
  try {
    formats = makeFormats(timeZone);
    zone = timeZone;
  } catch {
    // RangeError for a zone this browser does not know: keep the previous one rather than the device's.
  }
}

export function hallTimeZone(): string {
  return zone;
}

type When = string | number | Date | null | undefined;
const at = (t: When) => (t instanceof Date ? t : new Date(t as string | number));
function parts(t: When): Record<string, string> {
  const p: Record<string, string> = {};
  for (const x of formats.parts.formatToParts(at(t))) p[x.type] = x.value;
  return p;
}

/** 14:05:09 */
export const clock = (t: When): string => (t === null || t === undefined ? '—' : formats.seconds.format(at(t)));
/** 14:05 */
export const hallTime = (t: When): string => (t === null || t === undefined ? '—' : formats.time.format(at(t)));
/** 03-07 14:05 */
export const dayTime = (t: When): string => {
  if (t === null || t === undefined) return '—';
  const p = parts(t);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
/** 2026-03-07, the hall's calendar day. */
export const hallDate = (t: When): string => {
  if (t === null || t === undefined) return '—';
  const p = parts(t);
  return `${p.year}-${p.month}-${p.day}`;
};
export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
