// A refusal the phone pages turn into a plain sentence (the code is the i18n key's tail). Never a
// crash: every route answers a MobileError as JSON with its HTTP status.
export type MobileErrorCode =
  | 'bad-request'
  | 'login-required'
  | 'rate-limited'
  | 'not-found'
  | 'case-not-found'
  | 'not-yours'
  | 'bad-id-number'
  | 'unknown-category'
  | 'unknown-item'
  | 'no-plan'
  | 'day-not-open'
  | 'no-such-slot'
  | 'slot-past'
  | 'slot-full'
  | 'already-booked'
  | 'too-many-bookings'
  | 'not-changeable'
  | 'remote-disabled'
  | 'quota-exhausted'
  | 'id-limit'
  | 'phone-limit'
  | 'category-closed'
  | 'ticket-not-waiting'
  | 'nothing-to-rate'
  | 'already-evaluated'
  | 'evaluation-closed'
  | 'evaluation-needs-reason'
  | 'evaluation-pending-at-window'
  | 'admin-required'
  | 'mailing-not-offered'
  | 'mailing-already-requested'
  | 'feed-unauthorized'
  | 'door-code-expired'
  | 'door-code-invalid'
  | 'door-off'
  | 'id-required';

const STATUS: Partial<Record<MobileErrorCode, number>> = {
  'bad-request': 400,
  'login-required': 401,
  'admin-required': 401,
  'feed-unauthorized': 401,
  'door-code-expired': 410,
  'door-code-invalid': 404,
  'not-yours': 403,
  'not-found': 404,
  'case-not-found': 404,
  'rate-limited': 429,
};

export class MobileError extends Error {
  readonly status: number;

  constructor(
    readonly code: MobileErrorCode,
    message: string = code,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'MobileError';
    this.status = STATUS[code] ?? 409;
  }
}

export function fail(code: MobileErrorCode, message?: string, params?: Record<string, string | number>): never {
  throw new MobileError(code, message, params);
}
