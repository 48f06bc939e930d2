/** A bad review's follow-up (回访/整改): open → contacted → rectified → closed, each step by someone. */
export const FOLLOW_UP_STATES = ['open', 'contacted', 'rectified', 'closed'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface FollowUpStep {
  to: FollowUpState;
  by: string;
  note: string | undefined;
  at: string;
}

/** 申诉 on a 差评: filed by (or for) the staff evaluated, then decided by the hall (复核). */
export interface FollowUpAppeal {
  state: 'filed' | 'upheld' | 'rejected';
  by: string;
  /** Who filed it for `by`, when someone else did (an admin for the staff evaluated). */
  enteredBy?: string;
  reason: string;
  at: string;
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
}

export interface FollowUpCase {
  caseId: string;
  evaluationId: string;
  serviceId: string;
  windowId: string;
  staffId: string;
  openedAt: string;
  /** `YYYY-MM-DD`, the last working day to finish rectification. */
  deadline: string;
  state: FollowUpState;
  history: FollowUpStep[];
  /** The 申诉 on this 差评, if any (one per case). */
  appeal?: FollowUpAppeal;
  /** The citizen's ticket number (A012), kept so the case still names it once the day's tickets are gone. */
  ticketNumber?: string;
}

/** An upheld 申诉 voids the 差评: nothing is left to follow up, the case only waits to be forgotten. */
export const isVoided = (c: Pick<FollowUpCase, 'appeal'>): boolean => c.appeal?.state === 'upheld';

/** Steps go forward one at a time; closing straight from open is allowed (e.g. a mistaken rating, with a note). */
export function canAdvance(from: FollowUpState, to: FollowUpState): boolean {
  const i = FOLLOW_UP_STATES.indexOf(from);
  const j = FOLLOW_UP_STATES.indexOf(to);
  return j === i + 1 || (to === 'closed' && from !== 'closed');
}
