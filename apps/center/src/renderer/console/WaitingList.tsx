// Who waits for this window (按号呼叫), the tickets held here (回呼) and its 过号 that may re-queue.
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import type { WindowView } from '../api/types.ts';
import { clock } from '../common/format.ts';

export function WaitingList({ view, busy, onCall, onCallBack, onRequeue }: { view: WindowView; busy: boolean; onCall: (ticketId: string, number: string) => void; onCallBack: (ticketId: string, number: string) => void; onRequeue: (ticketId: string) => void }) {
  const { t, i18n } = useTranslation();
  const category = (id: string, fallback: string) => localName(view.categories.find((c) => c.id === id) ?? { name: fallback }, i18n.language);
  const canCall = view.window.status === 'open' && !busy;
  return (
    <div className="card side waiting" data-testid="waiting-list">
      <h2>{t('counter.waitingList', { shown: view.waiting.length, total: view.waitingHere })}</h2>
      <div className="big-number small" data-testid="waiting-here">
        {view.waitingHere}
      </div>
      {/* Focusable: a list that scrolls must scroll by keyboard too, even when no row can be called. */}
      <ol className="queue" tabIndex={0} aria-label={t('counter.waitingList', { shown: view.waiting.length, total: view.waitingHere })}>
        {view.waiting.length === 0 && <li className="note">{t('counter.nothingWaiting')}</li>}
        {view.waiting.map((w) => (
          <li key={w.ticketId} className={w.priority}>
            <strong>{w.number}</strong>
            <span className="what">
              {category(w.categoryId, w.categoryName)}
              {w.itemName ? ` · ${localName({ name: w.itemName, i18n: w.itemI18n }, i18n.language)}` : ''}
            </span>
            {w.priority !== 'normal' && <span className={`badge ${w.priority}`}>{t(`priority.${w.priority}`)}</span>}
            {w.sentHere && <span className="badge">{t('counter.sentHere')}</span>}
            {w.unprinted && (
              <span className="badge warn" title={t('counter.unprintedHint')} data-testid={`unprinted-${w.number}`}>
                {t('counter.unprinted')}
              </span>
            )}
            <button className="secondary small" disabled={!canCall} onClick={() => onCall(w.ticketId, w.number)} data-testid={`call-${w.number}`}>
              {t('counter.call')}
            </button>
          </li>
        ))}
      </ol>
      {view.held.length > 0 && (
        <div className="held">
          <h3>{t('console.held')}</h3>
          {view.held.map((h) => (
            <button key={h.ticketId} className="secondary" disabled={!canCall} onClick={() => onCallBack(h.ticketId, h.number)} data-testid={`call-back-${h.number}`}>
              {t('console.callBack', { number: h.number })}
            </button>
          ))}
        </div>
      )}
      {view.noShows.length > 0 && (
        <div className="no-shows">
          <h3>{t('counter.noShows')}</h3>
          {!view.lateArrival.allowed && <p className="note">{t('counter.lateNotAllowed')}</p>}
          {view.noShows.map((n) => (
            <div key={n.ticketId} className="row">
              <strong>{n.number}</strong>
              {n.requeueUntil && <span className="note">{t('counter.requeueUntil', { time: clock(n.requeueUntil) })}</span>}
              <button className="secondary small" disabled={busy || !view.lateArrival.allowed} onClick={() => onRequeue(n.ticketId)} data-testid={`requeue-${n.number}`}>
                {t('counter.requeue')}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
