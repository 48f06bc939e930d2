/**
 * Why a command was refused. The code is stable (UIs map it to a message in their i18n files);
 * the message is for logs and developers.
 */
export type DomainErrorCode =
  | 'unknown-category'
  | 'unknown-window'
  | 'unknown-ticket'
  | 'unknown-service'
  | 'unknown-follow-up'
  | 'category-closed'
  | 'window-not-open'
  | 'window-paused'
  | 'window-busy'
  | 'window-does-not-serve'
  | 'no-ticket-waiting'
  | 'no-current-ticket'
  | 'ticket-not-waiting'
  | 'not-issuer'
  | 'ticket-not-current'
  | 'ticket-not-held'
  | 'ticket-not-no-show'
  | 'number-outside-lease'
  | 'number-already-used'
  | 'recalls-not-exhausted'
  | 'late-arrival-not-allowed'
  | 'late-arrival-too-late'
  | 'already-evaluated'
  | 'evaluation-closed'
  | 'rated-before-service'
  | 'evaluation-mismatch'
  | 'evaluation-pending-at-window'
  | 'evaluation-needs-reason'
  | 'unknown-reason'
  | 'counter-occupied'
  | 'transfer-target-not-open'
  | 'ticket-not-for-window'
  | 'invalid-transition'
  /** 申诉 of a 差评 (followup/appealEvents). */
  | 'follow-up-closed'
  | 'already-appealed'
  | 'appeal-needs-reason'
  | 'no-appeal'
  | 'appeal-decided'
  | 'appeal-own-decision'
  | 'appeal-pending'
  | 'appeal-upheld'
  | 'day-closed'
  | 'config-change-refused'
  | 'daily-quota-reached'
  | 'invalid-argument';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function refuse(code: DomainErrorCode, message: string): never {
  throw new DomainError(code, message);
}
