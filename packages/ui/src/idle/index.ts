export { IdleCountdown, useIdleCountdown, type IdleCountdownProps, type IdleCountdownOptions, type IdleCountdownState } from './IdleCountdown.tsx';
export { IdleClock } from './IdleClock.ts';
