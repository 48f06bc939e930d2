// Follow my ticket (/m/t/{token}): number, category, people ahead, estimated wait — live; when
// called, which window, loudly; recall and no-show shown; rate later once the service is done.
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import type { TFunction } from 'i18next';
import { go } from '../nav.ts';
import type { FollowView, HallInfo } from '../api.ts';
import { alertCalled, unlockAudio } from './callAlert.ts';
import { RateLater } from './RateLater.tsx';
import { useFollow } from './useFollow.ts';

/** 过号: exactly what this hall allows now (re-queue until when, or not). */
function noShowText(v: FollowView, t: TFunction): string {
  const late = v.lateArrival;
  if (late?.state === 'open') return t('follow.lateOpen', { time: late.untilTime, place: t(`follow.latePlace.${late.placement ?? 'end'}`) });
  if (late?.state === 'expired') return t('follow.lateExpired', { time: late.untilTime });
  if (late?.state === 'not-allowed') return t('follow.lateNotAllowed');
  return t('follow.noShow');
}

/** What a screen reader is told: the queue's state politely, a call at once with the number. */
function announcement(v: FollowView, t: TFunction): { status: string; call: string } {
  const w = v.window?.number ?? '';
  if (v.status === 'called') return { status: '', call: `${v.number}，${v.recalls > 0 ? t('follow.recalled', { n: v.recalls, w }) : t('follow.called', { w })}` };
  const status =
    v.status === 'waiting'
      ? `${t('follow.waiting', { n: v.peopleAhead ?? 0 })}，${v.estimatedWaitMinutes === null ? t('follow.noWindow') : t('follow.estimate', waitOptions(v.estimatedWaitMinutes))}`
      : v.status === 'held'
        ? t('follow.held', { w })
        : v.status === 'no-show'
          ? noShowText(v, t)
          : v.status === 'done'
            ? t('follow.done')
            : v.status === 'cancelled'
              ? t('follow.cancelled')
              : '';
  return { status, call: '' };
}

export function FollowTicket({ token, info }: { token: string; info: HallInfo | undefined }) {
  const { t, i18n } = useTranslation();
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

  const w = view?.window?.number ?? '';
  const said = view ? announcement(view, t) : { status: '', call: '' };
  // The two live regions are in the page from the first paint (a region added together with its text
  // is not read out): the polite one for the queue moving, the alert for being called.
  const live = (
    <>
      <p className="m-sr" aria-live="polite" aria-atomic="true" data-testid="announce">
        {said.status}
      </p>
      <p className="m-sr" aria-live="assertive" aria-atomic="true" data-testid="announce-call">
        {said.call}
      </p>
    </>
  );
  if (missing)
    return (
      <section className="m-card">
        <h1 className="m-error">{t('follow.notFound')}</h1>
      </section>
    );
  if (!view)
    return (
      <section className="m-card">
        <h1 className="m-muted">{t('follow.title')}</h1>
        <p>{t('common.loading')}</p>
        {live}
      </section>
    );
  return (
    <>
      {live}
      {!connected && <div className="m-banner m-offline">{t('common.offline')}</div>}
      <section className={`m-card m-ticket m-st-${view.status}`} data-testid="ticket" data-status={view.status}>
        <h1 className="m-ticket-head">
          <span className="m-muted m-number-label">{t('follow.number')}</span>{' '}
          <span className="m-number" data-testid="number">
            {view.number}
          </span>
        </h1>
        <div className="m-category" data-testid="follow-category">{localName({ name: view.categoryName, i18n: view.categoryI18n }, i18n.language)}</div>
        {view.status === 'waiting' && (
          <div className="m-wait">
            <div className="m-ahead" data-testid="ahead">
              {t('follow.waiting', { n: view.peopleAhead ?? 0 })}
            </div>
            <div className="m-muted">{view.estimatedWaitMinutes === null ? t('follow.noWindow') : t('follow.estimate', waitOptions(view.estimatedWaitMinutes))}</div>
          </div>
        )}
        {view.status === 'called' && (
          <div className="m-called" data-testid="called">
            {view.recalls > 0 ? t('follow.recalled', { n: view.recalls, w }) : t('follow.called', { w })}
          </div>
        )}
        {view.status === 'held' && <div className="m-notice">{t('follow.held', { w })}</div>}
        {view.status === 'no-show' && (
          <div className="m-notice m-warn" data-testid="no-show">
            {noShowText(view, t)}
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
