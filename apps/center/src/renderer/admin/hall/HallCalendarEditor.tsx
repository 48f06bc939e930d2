// The hall calendar, one line a day: `2026-10-01 休` (法定节假日) or `2026-10-10 班` (调休上班).
// A year with holidays but no 调休 working weekend is flagged: the State Council's arrangement for it
// has probably not been entered yet (every year since 2000 has had some).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallCalendar } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';

/** Years with holidays but no working weekend: their 调休 arrangement is still to be entered. */
export function yearsWithoutArrangement(c: HallCalendar): string[] {
  const working = new Set(c.workingWeekends.map((d) => d.slice(0, 4)));
  return [...new Set(c.holidays.map((d) => d.slice(0, 4)))].filter((y) => !working.has(y)).sort();
}

export function HallCalendarEditor({ draft, change, setInvalid }: EditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() =>
    [...draft.calendar.holidays.map((d) => `${d} 休`), ...draft.calendar.workingWeekends.map((d) => `${d} 班`)].sort().join('\n'),
  );
  const [error, setError] = useState<string>();
  const apply = (value: string) => {
    setText(value);
    const holidays: string[] = [];
    const working: string[] = [];
    for (const [n, line] of value.split('\n').entries()) {
      if (!line.trim()) continue;
      const m = /^(\d{4}-\d{2}-\d{2})\s+(休|班)$/.exec(line.trim());
      if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) {
        const reason = t('hallEditor.calendar.lineError', { n: n + 1, line: line.trim() });
        setError(reason);
        setInvalid('calendar', reason);
        return;
      }
      (m[2] === '休' ? holidays : working).push(m[1] as string);
    }
    setError(undefined);
    setInvalid('calendar', undefined);
    change((d) => (d.calendar = { holidays, workingWeekends: working }));
  };
  const years = [...new Set([...draft.calendar.holidays, ...draft.calendar.workingWeekends].map((d) => d.slice(0, 4)))].sort();
  return (
    <div data-testid="hall-calendar">
      <p>{t('hallEditor.calendar.help')}</p>
      <p>{t('hallEditor.calendar.years', { years: years.join('、') || '—' })}</p>
      {yearsWithoutArrangement(draft.calendar).map((y) => (
        <p key={y} className="field-warning" role="status" data-testid={`calendar-missing-${y}`}>
          {t('hallEditor.calendar.missingYear', { year: y })}
        </p>
      ))}
      <textarea rows={20} cols={30} value={text} onChange={(e) => apply(e.target.value)} aria-invalid={Boolean(error)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
