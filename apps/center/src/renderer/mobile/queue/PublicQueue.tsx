// /m/queue — 排队情况: every category's waiting count and estimated wait, live, without log-in.
// Linked from every ticket page and the home page; a hall puts it in its 公众号 menu.
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { go } from '../nav.ts';
import { clock } from '../../common/format.ts';
import { usePublicQueue, type PublicQueueView } from './usePublicQueue.ts';

export function PublicQueue() {
  const { t } = useTranslation();
  const { view, connected } = usePublicQueue();
  if (!view) return <section className="m-card">{t('common.loading')}</section>;
  return (
    <section className="m-card m-queue">
      <h1>{t('queue.title')}</h1>
      <p className="m-muted">{t('queue.intro')}</p>
      <ul className="m-queue-list" data-testid="queue-list">
        {view.categories.map((c) => (
          <QueueRow key={c.id} c={c} />
        ))}
      </ul>
      <div className={`m-live ${connected ? 'm-muted' : 'm-warn'}`} role="status">
        {connected ? t('queue.live', { time: clock(view.at) }) : t('common.offline')}
      </div>
      <a className="m-btn m-secondary" href="/m/take" onClick={(e) => (e.preventDefault(), go('/m/take'))}>
        {t('queue.take')}
      </a>
    </section>
  );
}

function QueueRow({ c }: { c: PublicQueueView['categories'][number] }) {
  const { t, i18n } = useTranslation();
  const wait = !c.openNow ? t('queue.closed') : c.estimatedWaitMinutes === null ? t('queue.noWindow') : t('queue.estimate', waitOptions(c.estimatedWaitMinutes));
  return (
    <li className="m-queue-row" data-testid={`queue-${c.id}`}>
      <div className="m-queue-name">
        <strong>{localName(c, i18n.language)}</strong>
        {c.zone && <span className="m-muted"> · {localName({ name: c.zone, i18n: c.zoneI18n }, i18n.language)}</span>}
      </div>
      <div className="m-queue-figures">
        <span className="m-queue-waiting" data-testid={`waiting-${c.id}`}>
          {t('queue.waiting', { n: c.waiting })}
        </span>
        <span className="m-muted">{wait}</span>
        {c.lastCalled && <span className="m-muted">{t('queue.lastCalled', { number: c.lastCalled })}</span>}
      </div>
    </li>
  );
}

/** The phone home page's short version: waiting per category, a link to the whole page. */
export function QueueCounts() {
  const { t, i18n } = useTranslation();
  const { view } = usePublicQueue();
  if (!view) return null;
  return (
    <section className="m-card" data-testid="home-queue">
      <h2>{t('queue.title')}</h2>
      <ul className="m-queue-list">
        {view.categories.filter((c) => c.openNow).map((c) => (
          <li key={c.id} className="m-queue-row m-compact">
            <span>{localName(c, i18n.language)}</span>
            <span data-testid={`home-waiting-${c.id}`}>{t('queue.waiting', { n: c.waiting })}</span>
          </li>
        ))}
      </ul>
      <a className="m-link-row" href="/m/queue" onClick={(e) => (e.preventDefault(), go('/m/queue'))}>
        {t('queue.more')}
      </a>
    </section>
  );
}
