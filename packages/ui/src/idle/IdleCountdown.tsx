// "Never a dead screen": after a stretch without a touch, go home — with a visible countdown first.
// useIdleCountdown is the logic; IdleCountdown renders a small always-visible badge and, in the last
// seconds, a full-screen prompt with a button to keep going. Any pointer or key press resets it.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { IdleClock } from './IdleClock.ts';

export interface IdleCountdownOptions {
  /** Seconds without activity before `onTimeout`. */
  seconds: number;
  /** The prompt shows for this many final seconds (default 10). */
  warnSeconds?: number;
  onTimeout: () => void;
  /** Off on screens that are home already (default on). */
  enabled?: boolean;
  /** Changing this value counts as activity (e.g. a scan or a card read, which are not DOM events). */
  activityKey?: unknown;
}

export interface IdleCountdownState {
  remaining: number;
  warning: boolean;
  reset: () => void;
}

export function useIdleCountdown(o: IdleCountdownOptions): IdleCountdownState {
  const enabled = o.enabled ?? true;
  const warn = o.warnSeconds ?? 10;
  const clock = useRef(new IdleClock(o.seconds, Date.now()));
  const [remaining, setRemaining] = useState(o.seconds);
  const onTimeout = useRef(o.onTimeout);
  onTimeout.current = o.onTimeout;

  const reset = useCallback(() => {
    clock.current.touch(Date.now());
    setRemaining(clock.current.seconds);
  }, []);

  useEffect(() => {
    clock.current = new IdleClock(o.seconds, Date.now());
    setRemaining(o.seconds);
  }, [o.seconds, enabled, o.activityKey]);

  useEffect(() => {
    if (!enabled) return;
    const touch = () => clock.current.touch(Date.now());
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) document.addEventListener(e, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      const now = Date.now();
      setRemaining(clock.current.remaining(now));
      if (clock.current.expired(now)) {
        clock.current.touch(now);
        onTimeout.current();
      }
    }, 250);
    return () => {
      clearInterval(timer);
      for (const e of events) document.removeEventListener(e, touch, { capture: true });
    };
  }, [enabled]);

  return { remaining, warning: enabled && remaining <= warn, reset };
}

export interface IdleCountdownProps extends IdleCountdownOptions {
  /** Text of the badge and the prompt; gets the seconds left. */
  label?: (seconds: number) => ReactNode;
  /** Title of the prompt in the final seconds. */
  prompt?: ReactNode;
  continueLabel?: ReactNode;
  className?: string;
}

export function IdleCountdown(props: IdleCountdownProps): ReactNode {
  const { remaining, warning, reset } = useIdleCountdown(props);
  const titleId = useId();
  if (props.enabled === false) return null;
  const label = props.label ?? ((s: number) => `${s}s`);
  return (
    <>
      <div className={`hk-idle-badge ${props.className ?? ''}`} data-testid="idle-countdown" data-remaining={remaining} role="timer">
        {label(remaining)}
      </div>
      {warning && (
        <div
          className="hk-idle-prompt"
          role="alertdialog"
          // The dialog is named by its title (axe aria-dialog-name).
          {...(props.prompt ? { 'aria-labelledby': titleId } : {})}
          data-testid="idle-prompt"
          // What a spoken-guidance reader says: the prompt once, not every tick of the seconds.
          {...(typeof props.prompt === 'string' ? { 'data-say': props.prompt } : {})}
        >
          <div className="hk-idle-prompt-box">
            {props.prompt && (
              <div className="hk-idle-prompt-title" id={titleId}>
                {props.prompt}
              </div>
            )}
            <div className="hk-idle-prompt-seconds">{remaining}</div>
            <button type="button" className="hk-idle-continue" data-testid="idle-continue" onClick={reset}>
              {props.continueLabel ?? 'OK'}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
