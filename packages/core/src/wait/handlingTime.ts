/**
 * Live handling time per category: an exponentially weighted mean of (finish − call), so the
 * estimate follows the hall through the day (slow mornings, quick afternoons) instead of a constant.
 * Outliers are clamped: a ticket left open over lunch must not make the board promise two hours.
 */
export const HANDLING_WEIGHT = 0.2;
export const MIN_HANDLING_SECONDS = 30;
export const MAX_HANDLING_SECONDS = 2 * 3600;

export function nextHandlingEstimate(previous: number, observedSeconds: number): number {
  const x = Math.min(MAX_HANDLING_SECONDS, Math.max(MIN_HANDLING_SECONDS, observedSeconds));
  return previous + HANDLING_WEIGHT * (x - previous);
}
