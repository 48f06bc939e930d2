// Follow my ticket (/m/t/{token}): number, category, people ahead, estimated wait — live; when
// called, which window, loudly; recall and no-show shown; rate later once the service is done.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../nav.ts';
import type { HallInfo } from '../api.ts';
import { alertCalled, unlockAudio } from './callAlert.ts';
import { RateLater } from './RateLater.tsx';
import { useFollow } from './useFollow.ts';

export function FollowTicket({ token, info }: { token: string; info: HallInfo | undefined }) {
  const { t } = useTranslation();
  const { view, connected, missing, setView } = useFollow(token);
  const [alertsOn, setAlertsOn] = useState(false);
  const lastCall = useRef<string | undefined>(undefined);

  // Alert once per call and once per recall (the key changes with each).
  useEffect(() => {
    if (!view || view.status !== 'called') return;
    const key = `${view.calledAt}/${view.recalls}`;
    if (lastCall.current !== undefined && lastCall.current !== key) alertCalled();
    if (lastCall.current === undefined && Date.now() - Date.parse(view.calledAt ?? '') < 60_000) alertCalled();
    lastCall.current = key;
  }, [view]);
  useEffect(() => {
    if (view?.status === 'called') document.title = `🔔 ${view.number} → ${view.window?.number ?? ''}`;
    else if (view) document.title = `${view.number} · ${t('follow.title')}`;
  }, [view, t]);

  if (missing) return <section className="m-card m-error">{t('follow.notFound')}</section>;
  if (!view) return <section className="m-card">{t('common.loading')}</section>;
  const w = view.window?.number ?? '';
  return (
    <>
      {!connected && <div className="m-banner m-offline">{t('common.offline')}</div>}
      <section className={`m-card m-ticket m-st-${view.status}`} data-testid="ticket" data-status={view.status}>
        <div className="m-muted">{t('follow.number')}</div>
        <div className="m-number" data-testid="number">
          {view.number}
        </div>
        <div className="m-category">{view.categoryName}</div>
        {view.status === 'waiting' && (
          <div className="m-wait">
            <div className="m-ahead" data-testid="ahead">
              {t('follow.waiting', { n: view.peopleAhead ?? 0 })}
            </div>
            <div className="m-muted">{view.estimatedWaitMinutes === null ? t('follow.noWindow') : t('follow.estimate', { n: view.estimatedWaitMinutes })}</div>
          </div>
        )}
        {view.status === 'called' && (
          <div className="m-called" role="alert" data-testid="called">
            {view.recalls > 0 ? t('follow.recalled', { n: view.recalls, w }) : t('follow.called', { w })}
          </div>
        )}
        {view.status === 'held' && <div className="m-notice">{t('follow.held', { w })}</div>}
        {view.status === 'no-show' && (
          <div className="m-notice m-warn" data-testid="no-show">
            {view.lateArrival?.state === 'open'
              ? t('follow.lateOpen', { time: view.lateArrival.untilTime, place: t(`follow.latePlace.${view.lateArrival.placement ?? 'end'}`) })
              : view.lateArrival?.state === 'expired'
                ? t('follow.lateExpired', { time: view.lateArrival.untilTime })
                : view.lateArrival?.state === 'not-allowed'
                  ? t('follow.lateNotAllowed')
                  : t('follow.noShow')}
          </div>
        )}
        {view.status === 'done' && <div className="m-notice m-ok">{t('follow.done')}</div>}
        {view.status === 'cancelled' && <div className="m-notice">{t('follow.cancelled')}</div>}
        <div className="m-live m-muted">{t('follow.live')}</div>
      </section>
      {(view.status === 'waiting' || view.status === 'called') && (
        <button
          className={alertsOn ? 'm-btn m-secondary' : 'm-btn'}
          onClick={() => {
            setAlertsOn(unlockAudio());
            try {
              navigator.vibrate?.(50);
            } catch {
              // vibration is optional
            }
          }}
        >
          {alertsOn ? t('follow.alertOn') : t('follow.enableAlert')}
        </button>
      )}
      {view.services.map((r) => (
        <RateLater key={r.serviceId ?? 'last'} token={token} rating={r} info={info} onRated={setView} />
      ))}
      <a className="m-link-row" href="/m/queue" data-testid="queue-link" onClick={(e) => (e.preventDefault(), go('/m/queue'))}>
        {t('queue.link')}
      </a>
    </>
  );
}
