import type { EvaluationPolicy } from '../hall/HallConfig.ts';

/**
 * When a service's rating at the window can no longer be made, and when the center gives up on it.
 *
 * A window pad (apps/evaluator PromptBook) may get the prompt as late as its deadline (`finishedAt`
 * + `ratingSeconds`), then gives the citizen the whole rating time from that moment, and a 差评's
 * reasons step gives it once more: a rating it makes carries an `at` before `finishedAt` + 3 ×
 * `ratingSeconds`. Every one of those checks compares the pad's clock with the center's deadline, so
 * the bound holds whatever the pad's clock says; the tolerance covers rounding and a rating time an
 * admin shortened while a prompt was open.
 */
export const PAD_RATING_TOLERANCE_MS = 60_000;

/**
 * How long after the window's rating time the center waits before it records a still-pending service
 * as not rated itself (the pad was off or broken). Two hours outlast a pad's ordinary outage (a
 * reboot, a Wi-Fi drop, a cable swap), so the phone's 补充评价 — which opens only then — rarely races a
 * pad that merely delivers late; and the day's 超时未评 count is right within the same half-day.
 * A pad's in-time rating arriving after that lapse still counts: it replaces the lapse.
 */
export const DEFAULT_CENTER_LAPSE_MINUTES = 120;

/** The latest `at` an honest window pad's rating of a service finished at `finishedAt` can carry (ms). */
export function padRatingClosesAt(policy: EvaluationPolicy, finishedAt: string): number {
  return Date.parse(finishedAt) + 3 * policy.ratingSeconds * 1000 + PAD_RATING_TOLERANCE_MS;
}

/** From when the center records a still-pending service as not rated, and other channels may rate it (ms). */
export function centerLapseDueAt(policy: EvaluationPolicy, finishedAt: string): number {
  const grace = policy.centerLapseMinutes ?? DEFAULT_CENTER_LAPSE_MINUTES;
  return padRatingClosesAt(policy, finishedAt) + grace * 60_000;
}
