// 窗口控制台: one page per window (/console/:windowId), for the staff member logged in there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/useSession.ts';
import { LoginForm } from '../common/LoginForm.tsx';
import { ConsoleTopBar } from '../common/ConsoleTopBar.tsx';
import { clock } from '../common/format.ts';
import { useWindowConsole } from './useWindowConsole.ts';
import { TransferPanel } from './TransferPanel.tsx';
import '../styles.css';

const windowId = decodeURIComponent(location.pathname.split('/')[2] ?? '');

export default function WindowConsolePage() {
  const { t } = useTranslation();
  const { loaded, session, hallName, windowNumbers, load, logout } = useSession();
  useEffect(() => void load(), [load]);
  if (!loaded) return <div className="loading">…</div>;
  const mine = session?.kind === 'staff' && session.windowId === windowId;
  return (
    <main className="console">
      <ConsoleTopBar hallName={hallName} title={t('console.title')} signedIn={Boolean(session)} onLogout={() => void logout()} />
      {!session && <LoginForm kind="staff" title={t('console.loginTitle', { window: windowNumbers[windowId] !== undefined ? t('console.windowN', { n: windowNumbers[windowId] }) : windowId })} />}
      {session && !mine && <p className="error card">{t('error.not-your-window')}</p>}
      {mine && <WindowCounter />}
    </main>
  );
}

function WindowCounter() {
  const { t } = useTranslation();
  const { view, connected, busy, error, notice, connect, act, clearError } = useWindowConsole();
  const [transferring, setTransferring] = useState(false);
  useEffect(() => connect(windowId), [connect]);
  if (!view) return <div className="loading">…</div>;
  const w = view.window;
  const cur = view.current;
  const run = (action: string, body?: unknown) => void act(windowId, action, body);
  return (
    <section className="counter">
      <div className="status-line">
        <strong className="window-no">{t('console.windowN', { n: w.number })}</strong>
        <span>
          {w.staff?.name} · {t('console.staffNo')} {w.staff?.id}
        </span>
        <span className={`badge ${w.status}`} data-testid="window-status">
          {t(`status.${w.status}`)}
        </span>
        <span className={`badge ${connected ? 'ok' : 'warn'}`}>{connected ? t('common.live') : t('common.reconnecting')}</span>
      </div>
      <div className="grid2">
        <div className="card current" data-testid="current-ticket">
          <h2>{t('console.current')}</h2>
          {cur ? (
            <>
              <div className="big-number" data-testid="current-number">
                {cur.number}
              </div>
              <dl>
                <dt>{t('console.category')}</dt>
                <dd>{cur.categoryName}</dd>
                <dt>{t('console.item')}</dt>
                <dd>{cur.itemName ?? '—'}</dd>
                <dt>{t('console.source')}</dt>
                <dd>
                  {t(`source.${cur.source}`)} · {t(`priority.${cur.priority}`)}
                </dd>
                <dt>{t('console.issuedAt')}</dt>
                <dd>{clock(cur.issuedAt)}</dd>
                <dt>{t('console.calledAt')}</dt>
                <dd>{clock(cur.calledAt)}</dd>
                <dt>{t('console.recalls')}</dt>
                <dd data-testid="recalls">
                  {cur.recalls} / {cur.recallsBeforeNoShow}
                </dd>
              </dl>
            </>
          ) : (
            <div className="big-number empty">—</div>
          )}
        </div>
        <div className="card side">
          <h2>{t('console.waitingHere')}</h2>
          <div className="big-number small" data-testid="waiting-here">
            {view.waitingHere}
          </div>
          <p>{t('console.servedToday', { n: view.servedToday })}</p>
          {view.held.length > 0 && (
            <div>
              <h3>{t('console.held')}</h3>
              {view.held.map((h) => (
                <button key={h.ticketId} className="secondary" onClick={() => run('call-back', { ticketId: h.ticketId })}>
                  {t('console.callBack', { number: h.number })}
                </button>
              ))}
            </div>
          )}
          {view.evaluation && (
            <p className="notice" data-testid="evaluation-pending">
              {t('console.evaluationPending', { number: view.evaluation.number, time: clock(view.evaluation.deadline) })}
            </p>
          )}
        </div>
      </div>
      <div className="actions big">
        <button data-testid="call-next" disabled={busy || w.status !== 'open'} onClick={() => run('call-next')}>
          {t('console.callNext')}
        </button>
        <button data-testid="recall" disabled={busy || !cur || w.status !== 'open'} onClick={() => run('recall')}>
          {t('console.recall')}
        </button>
        <button data-testid="no-show" disabled={busy || !cur} onClick={() => run('no-show')}>
          {t('console.noShow')}
        </button>
        <button data-testid="transfer" disabled={busy || !cur} onClick={() => setTransferring(true)}>
          {t('console.transfer')}
        </button>
        {w.status === 'paused' ? (
          <button data-testid="resume" disabled={busy} onClick={() => run('resume')}>
            {t('console.resume')}
          </button>
        ) : (
          <button data-testid="pause" disabled={busy || w.status !== 'open'} onClick={() => run('pause')}>
            {t('console.pause')}
          </button>
        )}
        <button data-testid="finish" className="primary" disabled={busy || !cur} onClick={() => run('finish', { outcome: 'completed' })}>
          {t('console.finish')}
        </button>
      </div>
      {transferring && view.current && (
        <TransferPanel
          view={view}
          onCancel={() => setTransferring(false)}
          onTransfer={(to, returnHere) => {
            setTransferring(false);
            run('transfer', { to, returnHere });
          }}
        />
      )}
      {notice && <p className="notice">{t(`error.${notice}`)}</p>}
      {error && (
        <p className="error" role="alert" onClick={clearError}>
          {t(`error.${error.code}`, { defaultValue: error.message })}
        </p>
      )}
    </section>
  );
}
