// The hall calendar, one line a day: `2026-10-01 休` (法定节假日) or `2026-10-10 班` (调休上班).
// A coming year with no days, or holidays but no 调休 working weekend, is flagged above every section
// (core's calendarCoverage: the State Council's arrangement has not been entered yet).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './HallDefinitionPanel.tsx';

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
      <textarea rows={20} cols={30} value={text} onChange={(e) => apply(e.target.value)} aria-invalid={Boolean(error)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
