/**
 * Durations kept as counts per bucket, so a month's or a year's percentiles come from adding a
 * few hundred numbers per stored day instead of every ticket: 30-second buckets up to 2 hours,
 * 10-minute buckets up to 8 hours, then one bucket for longer. A percentile is reported as the
 * upper edge of its bucket (at most 30 s above the exact figure for ordinary waits).
 */
export type DurationHistogram = Record<number, number>;

const FINE_SECONDS = 30;
const FINE_UNTIL = 7200;
const COARSE_SECONDS = 600;
const COARSE_UNTIL = 8 * 3600;
const LAST = FINE_UNTIL / FINE_SECONDS + (COARSE_UNTIL - FINE_UNTIL) / COARSE_SECONDS;
/** How many buckets there are (0 … the open last one): a dense histogram's length. */
export const HISTOGRAM_BUCKETS = LAST + 1;

export function bucketOf(seconds: number): number {
  const s = Math.max(0, seconds);
  if (s < FINE_UNTIL) return Math.floor(s / FINE_SECONDS);
  if (s < COARSE_UNTIL) return FINE_UNTIL / FINE_SECONDS + Math.floor((s - FINE_UNTIL) / COARSE_SECONDS);
  return LAST;
}

/** The upper edge of a bucket in seconds (the last, open bucket reports its lower edge). */
export function bucketUpperSeconds(b: number): number {
  const fine = FINE_UNTIL / FINE_SECONDS;
  if (b < fine) return (b + 1) * FINE_SECONDS;
  if (b < LAST) return FINE_UNTIL + (b - fine + 1) * COARSE_SECONDS;
  return COARSE_UNTIL;
}

export function addDuration(h: DurationHistogram, seconds: number): void {
  const b = bucketOf(seconds);
  h[b] = (h[b] ?? 0) + 1;
}

export function mergeHistogram(into: DurationHistogram, from: DurationHistogram): void {
  for (const [b, n] of Object.entries(from)) into[Number(b)] = (into[Number(b)] ?? 0) + n;
}

/** The p-th percentile (0–100), nearest-rank, as its bucket's upper edge; null when empty. */
export function histogramPercentile(h: DurationHistogram, p: number): number | null {
  const buckets = Object.entries(h)
    .map(([b, n]) => [Number(b), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [b, n] of buckets) if ((seen += n) >= rank) return bucketUpperSeconds(b);
  return null;
}
