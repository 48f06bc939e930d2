// Keyboard shortcuts at the counter: F2 叫号, F3 重呼, F4 办结 — keys no browser or the consoles use
// for typing, so they work wherever focus is (F3's find-in-page is taken over on this page only).
import { useEffect, useRef } from 'react';

export const COUNTER_KEYS = { F2: 'call-next', F3: 'recall', F4: 'finish' } as const;
export type CounterKeyAction = (typeof COUNTER_KEYS)[keyof typeof COUNTER_KEYS];

export function useCounterKeys(enabled: boolean, onKey: (a: CounterKeyAction) => void): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    if (!enabled) return;
    const fn = (e: KeyboardEvent) => {
      const action = COUNTER_KEYS[e.key as keyof typeof COUNTER_KEYS];
      if (!action || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', fn);
    return () => window.removeEventListener('keydown', fn);
  }, [enabled]);
}
