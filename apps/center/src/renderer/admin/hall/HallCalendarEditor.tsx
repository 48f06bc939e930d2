// The hall calendar, one line a day: `2026-10-01 休` (法定节假日) or `2026-10-10 班` (调休上班).
import { useState } from 'react';
import type { EditorProps } from './HallDefinitionPanel.tsx';

export function HallCalendarEditor({ draft, change, setInvalid }: EditorProps) {
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
        const reason = `第 ${n + 1} 行「${line.trim()}」应为「2026-10-01 休」或「2026-10-10 班」`;
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
  return (
    <div data-testid="hall-calendar">
      <p>每行一天：「日期 休」为法定节假日（不取号，24 小时自助等标明节假日办理的业务除外），「日期 班」为调休上班的周末（按周一的办理时间）。</p>
      <textarea rows={20} cols={30} value={text} onChange={(e) => apply(e.target.value)} aria-invalid={Boolean(error)} />
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
