/**
 * Devices restart once a night inside a quiet window (default 03:00–04:00 hall time) to shed any slow
 * leak. Each device gets its own minute in the window, derived from its id, so a hall's 400 devices do
 * not reconnect to the broker in the same second.
 */
export interface RestartWindow {
  /** "HH:MM" local time. */
  from: string;
  to: string;
  /** Fixed UTC offset of the hall in minutes (China: +480; no DST). */
  utcOffsetMinutes: number;
}

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A stable number in [0, 1) from a device id (FNV-1a). */
export function spreadOf(deviceId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) {
    h ^= deviceId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32): ids that differ in one digit must land far apart.
  h = Math.imul((h ^ (h >>> 16)) >>> 0, 0x85ebca6b) >>> 0;
  h = Math.imul((h ^ (h >>> 13)) >>> 0, 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 2 ** 32;
}

/** The next restart moment strictly after `now` (ms since epoch). */
export function nextRestartAt(now: number, w: RestartWindow, deviceId: string): number {
  const from = minutes(w.from);
  let span = minutes(w.to) - from;
  if (span <= 0) span += 24 * 60; // a window across midnight
  const offsetMs = w.utcOffsetMinutes * 60_000;
  const localMidnight = Math.floor((now + offsetMs) / 86_400_000) * 86_400_000 - offsetMs;
  const slot = Math.floor(spreadOf(deviceId) * span);
  let at = localMidnight + (from + slot) * 60_000;
  while (at <= now) at += 86_400_000;
  return at;
}
