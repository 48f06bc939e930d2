// An in-page dialog (never the browser's prompt/confirm, which block the page and cannot be styled
// or translated): focus moves into it, Escape cancels, and focus goes back where staff were.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, onCancel, children, testId }: { title: string; onCancel: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input, select, button');
    first?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onClick={onCancel}>
      <div
        ref={ref}
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
