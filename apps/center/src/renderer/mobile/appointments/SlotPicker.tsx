// Days across the top, that day's slots below with the places left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hhmm, type DaySlots } from '../api.ts';

export function SlotPicker({ days, value, onChange }: { days: DaySlots[]; value: { day: string; slotFrom: number } | undefined; onChange: (v: { day: string; slotFrom: number }) => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(value?.day ?? days[0]?.day ?? '');
  const current = days.find((d) => d.day === day) ?? days[0];
  return (
    <div className="m-slots">
      <div className="m-days" role="tablist" aria-label={t('book.day')}>
        {days.map((d) => (
          <button key={d.day} role="tab" aria-selected={d.day === current?.day} className={`m-day ${d.day === current?.day ? 'on' : ''}`} onClick={() => setDay(d.day)}>
            {d.day.slice(5)}
          </button>
        ))}
      </div>
      <div className="m-slot-grid">
        {current?.slots.map((s) => {
          const disabled = s.past || s.free <= 0;
          const on = value?.day === current.day && value.slotFrom === s.from;
          return (
            <button key={s.from} data-slot={hhmm(s.from)} className={`m-slot ${on ? 'on' : ''}`} disabled={disabled} onClick={() => onChange({ day: current.day, slotFrom: s.from })}>
              <span>
                {hhmm(s.from)}–{hhmm(s.to)}
              </span>
              <small>{s.past ? t('book.past') : s.free <= 0 ? t('book.full') : t('book.free', { n: s.free })}</small>
            </button>
          );
        })}
      </div>
    </div>
  );
}
