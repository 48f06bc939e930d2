import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Date, weekday and time in the board's language; one timer, re-rendering only this element. */
export function Clock({ seconds = true, timeZone }: { seconds?: boolean; timeZone: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const lang = i18n.language;
  const date = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const time = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: false }).format(now);
  return (
    <div className="clock" data-testid="clock">
      <span className="date">{date}</span>
      <span className="time">{time}</span>
    </div>
  );
}
