import type { HallState } from '../hall/HallState.ts';

/**
 * The ratings an upheld 申诉 (申诉成立) took out of the figures, by evaluation id: the live views
 * (评价 tab, the pad's month) leave them out as the reports do.
 */
export function upheldEvaluationIds(s: Pick<HallState, 'followUps'>): Set<string> {
  const out = new Set<string>();
  for (const c of s.followUps.values()) if (c.appeal?.state === 'upheld') out.add(c.evaluationId);
  return out;
}
