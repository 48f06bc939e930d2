import { useTranslation } from 'react-i18next';
import type { PadView } from '../../contract.ts';

function StaffPhoto({ name, photo }: { name: string; photo: string | undefined }) {
  if (photo) return <img className="staff-photo" src={photo} alt="" />;
  // No portrait from the center: the surname in a circle, as on a staff badge.
  return (
    <div className="staff-photo staff-initial" aria-hidden="true">
      {name.slice(0, 1)}
    </div>
  );
}

export function IdleScreen({ view }: { view: PadView }) {
  const { t, i18n } = useTranslation();
  const w = view.window;
  const r = view.staffRating;
  const rate = r && r.rated > 0 ? ((r.satisfied / r.rated) * 100).toFixed(1) : null;
  // Hall time on a 24-hour clock, as on every screen of the hall (a pad left on UTC still says 16:05).
  const asOf = r ? new Date(r.asOf).toLocaleString(i18n.language, { timeZone: view.timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : '';
  return (
    <main className="screen idle" data-screen="idle">
      <section className="window-panel">
        <h1 className="window-number" data-testid="window-number">
          {w.windowNumber ? t('window.number', { n: w.windowNumber }) : t('window.unknown')}
        </h1>
        <div className={`window-status status-${w.status}`} data-testid="window-status">
          {t(`status.${w.status}`)}
        </div>
        {w.currentTicket && w.status === 'open' ? (
          <div className="current-ticket" data-testid="current-ticket">
            <span className="label">{t('idle.serving')}</span>
            <span className="number">{w.currentTicket.number}</span>
          </div>
        ) : (
          <p className="welcome">{t('idle.welcome')}</p>
        )}
      </section>
      <section className="staff-panel" data-testid="staff">
        {w.staff ? (
          <>
            <StaffPhoto name={w.staff.name} photo={r?.staffId === w.staff.id ? r.photo : undefined} />
            <div className="staff-name">{w.staff.name}</div>
            <div className="staff-no">{t('idle.staffNo', { id: w.staff.id })}</div>
            <div className="staff-rating" data-testid="staff-rating">
              <span className="label">{t('idle.monthRating')}</span>
              {rate !== null && r ? (
                <>
                  <span className="value">{t('idle.monthRatingValue', { rate })}</span>
                  <span className="count">{t('idle.monthRated', { rated: r.rated })}</span>
                  {!view.link.online ? <span className="as-of">{t('idle.asOf', { time: asOf })}</span> : null}
                </>
              ) : (
                <span className="count">{t('idle.noRating')}</span>
              )}
            </div>
          </>
        ) : (
          <div className="staff-name muted">{t('idle.noStaff')}</div>
        )}
      </section>
    </main>
  );
}
