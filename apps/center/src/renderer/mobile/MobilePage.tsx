// The citizen's phone pages (/m/*): one small app, mobile-first (375 px and up), its own i18n.
// Routes: /m/t/{token} follow a ticket · /m/take remote ticket · /m/book appointments ·
// /m/b/{token} one booking · /m/progress progress look-up · /m home.
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { LANGUAGES, type Language } from '@hallkit/ui/i18n/createI18n';
import { mobileI18n, setMobileLanguage } from './i18n/i18n.ts';
import { useHallInfo } from './useHallInfo.ts';
import { FollowTicket } from './follow/FollowTicket.tsx';
import { RemoteTicket } from './remote/RemoteTicket.tsx';
import { Appointments } from './appointments/Appointments.tsx';
import { BookingPage } from './appointments/BookingPage.tsx';
import { Progress } from './progress/Progress.tsx';
import { PublicQueue, QueueCounts } from './queue/PublicQueue.tsx';
import { DoorPoster, DoorTicket } from './door/DoorTicket.tsx';
import { go } from './nav.ts';
import { useElderSize } from './elder.ts';
import { setHallTimeZone } from '../common/format.ts';
import './mobile.css';

type Route = { page: 'follow'; token: string } | { page: 'take' } | { page: 'book' } | { page: 'booking'; token: string } | { page: 'progress' } | { page: 'queue' } | { page: 'door'; code: string } | { page: 'door-poster' } | { page: 'home' };

function parse(path: string): Route {
  const segs = path.split('/').filter(Boolean).slice(1);
  if (segs[0] === 't' && segs[1]) return { page: 'follow', token: segs[1] };
  if (segs[0] === 'b' && segs[1]) return { page: 'booking', token: segs[1] };
  if (segs[0] === 'take') return { page: 'take' };
  if (segs[0] === 'book') return { page: 'book' };
  if (segs[0] === 'progress') return { page: 'progress' };
  if (segs[0] === 'queue') return { page: 'queue' };
  if (segs[0] === 'door' && segs[1]) return { page: 'door', code: segs[1] };
  if (segs[0] === 'door-poster') return { page: 'door-poster' };
  return { page: 'home' };
}


function Shell() {
  const { t, i18n } = useTranslation();
  const [route, setRoute] = useState<Route>(() => parse(location.pathname));
  const info = useHallInfo();
  const [elder, setElder] = useElderSize();
  // Every time on these pages is the hall's, whatever zone the phone is set to.
  if (info?.hall.timeZone) setHallTimeZone(info.hall.timeZone);
  useEffect(() => {
    const on = () => setRoute(parse(location.pathname));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  const nav: [Route['page'], string, string][] = [
    ['queue', '/m/queue', t('nav.queue')],
    ['take', '/m/take', t('nav.take')],
    ['book', '/m/book', t('nav.book')],
    ['progress', '/m/progress', t('nav.progress')],
  ];
  return (
    <div className="m-root">
      <header className="m-top">
        <a className="m-hall" href="/m/" onClick={(e) => (e.preventDefault(), go('/m/'))}>
          {info ? localName(info.hall, i18n.language) : '政务服务中心'}
        </a>
        <button type="button" className="m-elder-toggle" data-testid="elder-toggle" aria-pressed={elder} aria-label={t('shell.elderLabel')} onClick={() => setElder(!elder)}>
          {t('shell.elder')}
        </button>
        <select className="m-lang" aria-label={t('shell.language')} value={i18n.language} onChange={(e) => setMobileLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </header>
      <main className="m-main" id="main">
        {route.page === 'follow' && <FollowTicket token={route.token} info={info} />}
        {route.page === 'take' && <RemoteTicket info={info} />}
        {route.page === 'book' && <Appointments info={info} />}
        {route.page === 'booking' && <BookingPage token={route.token} />}
        {route.page === 'progress' && <Progress demoLogin={info?.demoLogin ?? false} items={info?.items ?? []} />}
        {route.page === 'queue' && <PublicQueue />}
        {route.page === 'door' && <DoorTicket code={route.code} />}
        {route.page === 'door-poster' && <DoorPoster />}
        {route.page === 'home' && (
          <section className="m-card m-home">
            <h1>{info ? localName(info.hall, i18n.language) : ''}</h1>
            <p className="m-muted">{t('home.subtitle')}</p>
            <p>{t('home.followHint')}</p>
          </section>
        )}
        {route.page === 'home' && <QueueCounts />}
      </main>
      <nav className="m-nav" aria-label={t('shell.navLabel')}>
        {nav.map(([page, href, label]) => (
          <a key={page} href={href} className={route.page === page || (page === 'book' && route.page === 'booking') ? 'on' : ''} aria-current={route.page === page || (page === 'book' && route.page === 'booking') ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go(href))}>
            {label}
          </a>
        ))}
      </nav>
    </div>
  );
}

export default function MobilePage() {
  return (
    <I18nextProvider i18n={mobileI18n}>
      <Shell />
    </I18nextProvider>
  );
}
