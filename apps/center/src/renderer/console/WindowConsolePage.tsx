// 窗口控制台: one page per window (/console/:windowId), for the staff member logged in there.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, localText, type CounterChoice } from '@hallkit/core';
import { useSession } from '../api/useSession.ts';
import { LoginForm } from '../common/LoginForm.tsx';
import { ConsoleTopBar } from '../common/ConsoleTopBar.tsx';
import { clock } from '../common/format.ts';
import { useWindowConsole } from './useWindowConsole.ts';
import { TransferPanel } from './TransferPanel.tsx';
import { CounterChoiceDialog } from './CounterChoiceDialog.tsx';
import { PauseDialog, pauseReasonText } from './PauseDialog.tsx';
import { OffDutyDialog, type AtCounterOnLeave } from './OffDutyDialog.tsx';
import { ItemPicker } from './ItemPicker.tsx';
import { WaitingList } from './WaitingList.tsx';
import { FINISH_OUTCOMES, type FinishOutcome } from './outcomes.ts';
import { useCounterKeys, type CounterKeyAction } from './useCounterKeys.ts';
import '../styles.css';
import './console.css';

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
      {!session && <LoginForm kind="staff" windowId={windowId} title={t('console.loginTitle', { window: windowNumbers[windowId] !== undefined ? t('console.windowN', { n: windowNumbers[windowId] }) : windowId })} />}
      {session && !mine && <p className="error card">{t('error.not-your-window')}</p>}
      {mine && <WindowCounter />}
    </main>
  );
}

type Dialogs = null | 'transfer' | 'pause' | 'off-duty' | { mode: 'call-back' | 'call-by-number'; ticketId: string; number: string };

function WindowCounter() {
  const { t, i18n } = useTranslation();
  const { view, connected, busy, error, notice, connect, act, clearError } = useWindowConsole();
  const [dialog, setDialog] = useState<Dialogs>(null);
  // The item and outcome staff picked belong to the ticket they picked them for: a new citizen at the
  // counter starts from their own item and 办结, in the very render their number arrives (a held F4
  // can never send the previous citizen's choice).
  const [picked, setPicked] = useState<{ ticketId: string | undefined; itemId: string | null; outcome: FinishOutcome } | null>(null);
  const callNextRef = useRef<HTMLButtonElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  useEffect(() => connect(windowId), [connect]);
  const curId = view?.current?.ticketId;
  const curItem = view?.current?.itemId ?? null;
  const mine = picked !== null && picked.ticketId === curId ? picked : null;
  const itemId = mine ? mine.itemId : curItem;
  const outcome: FinishOutcome = mine ? mine.outcome : 'completed';
  const setItemId = (id: string | null) => setPicked({ ticketId: curId, itemId: id, outcome });
  const setOutcome = (o: FinishOutcome) => setPicked({ ticketId: curId, itemId, outcome: o });

  /** After an action, focus goes where the next step is — unless staff are typing somewhere. */
  const focusWork = () =>
    requestAnimationFrame(() => {
      const a = document.activeElement as HTMLElement | null;
      const typing = a && a !== document.body && !(a as HTMLButtonElement).disabled && (a.tagName === 'INPUT' || a.tagName === 'SELECT');
      if (typing || a?.closest('[role=dialog]')) return;
      const target = useWindowConsole.getState().view?.current ? finishRef.current : callNextRef.current;
      target?.focus();
    });
  const run = async (action: string, body?: unknown) => {
    await act(windowId, action, body);
    focusWork();
  };
  const w = view?.window;
  const cur = view?.current ?? null;
  const open = w?.status === 'open';
  const finish = () => void run('finish', { outcome, ...(itemId ? { itemId } : {}) });
  const callOutOfTurn = (mode: 'call-back' | 'call-by-number', ticketId: string, number: string) => {
    if (cur) setDialog({ mode, ticketId, number });
    else void run(mode, { ticketId });
  };
  const onCounterKey = (k: CounterKeyAction) => {
    if (k === 'call-next' && open) void run('call-next');
    if (k === 'recall' && open && cur) void run('recall');
    if (k === 'finish' && cur) finish();
  };
  // A key pressed while the last action is still on its way (F4 the moment the number shows) is
  // held and run once the answer is in, against the window as it then is — never silently dropped.
  // A held F2 only calls if nobody is at the counter by then, so a double press does not call twice.
  const heldKey = useRef<CounterKeyAction | null>(null);
  useCounterKeys(Boolean(view) && dialog === null, (k: CounterKeyAction) => {
    // The store, not this render's copy: a second key can come before React has drawn the first's busy.
    if (useWindowConsole.getState().busy) heldKey.current = k;
    else onCounterKey(k);
  });
  useEffect(() => {
    const k = heldKey.current;
    if (busy || k === null) return;
    heldKey.current = null;
    if (k === 'call-next' && cur) return;
    onCounterKey(k);
  });
  if (!view || !w) return <div className="loading">…</div>;
  return (
    <section className="counter">
      <div className="status-line">
        <strong className="window-no">{t('console.windowN', { n: w.number })}</strong>
        {w.label ? (
          <span className="badge window-label" data-testid="window-label">
            {localText(w.label, w.labelI18n, i18n.language)}
          </span>
        ) : null}
        <span>
          {w.staff?.name} · {t('console.staffNo')} {w.staff?.id}
        </span>
        <span className={`badge ${w.status}`} data-testid="window-status">
          {w.status === 'paused' && w.pauseReason ? t('counter.pausedBecause', { reason: pauseReasonText(w.pauseReason, t) }) : w.status === 'open' && !cur ? t('counter.free') : t(`status.${w.status}`)}
        </span>
        <span className={`badge ${connected ? 'ok' : 'warn'}`}>{connected ? t('common.live') : t('common.reconnecting')}</span>
        <span className="note keys">{t('counter.shortcuts')}</span>
      </div>
      <div className="counter-grid">
        <div className="card current" data-testid="current-ticket">
          <h2>{t('console.current')}</h2>
          {cur ? (
            <>
              <div className="number-line">
                <div className="big-number" data-testid="current-number">
                  {cur.number}
                </div>
                {cur.priority !== 'normal' && <span className={`badge ${cur.priority}`}>{t(`priority.${cur.priority}`)}</span>}
                {cur.unprinted && (
                  <span className="badge warn" title={t('counter.unprintedHint')} data-testid="current-unprinted">
                    {t('counter.unprinted')}
                  </span>
                )}
              </div>
              {cur.unprinted && <p className="note">{t('counter.unprintedHint')}</p>}
              <dl>
                <dt>{t('console.category')}</dt>
                <dd>{localName(view.categories.find((c) => c.id === cur.categoryId) ?? { name: cur.categoryName }, i18n.language)}</dd>
                <dt>{t('console.source')}</dt>
                <dd>
                  {t(`source.${cur.source}`)} · {t(`priority.${cur.priority}`)}
                </dd>
                <dt>{t('console.issuedAt')}</dt>
                <dd>
                  {clock(cur.issuedAt)} · {t('console.calledAt')} {clock(cur.calledAt)}
                </dd>
                <dt>{t('console.recalls')}</dt>
                <dd data-testid="recalls">
                  {cur.recalls} / {cur.recallsBeforeNoShow}
                </dd>
              </dl>
              <ItemPicker items={view.items} value={itemId} onChange={setItemId} />
              <fieldset className="outcomes" data-testid="outcomes">
                <legend>{t('counter.outcome')}</legend>
                {FINISH_OUTCOMES.map((o) => (
                  <label key={o} className={`chip ${outcome === o ? 'chosen' : ''}`}>
                    <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {t(`outcome.${o}`)}
                  </label>
                ))}
              </fieldset>
            </>
          ) : (
            <div className="big-number empty">—</div>
          )}
          <p className="note">{t('console.servedToday', { n: view.servedToday })}</p>
          {view.evaluation && (
            <p className="notice" data-testid="evaluation-pending">
              {t('console.evaluationPending', { number: view.evaluation.number, time: clock(view.evaluation.deadline) })}
            </p>
          )}
        </div>
        <WaitingList
          view={view}
          busy={busy}
          onCall={(id, number) => callOutOfTurn('call-by-number', id, number)}
          onCallBack={(id, number) => callOutOfTurn('call-back', id, number)}
          onRequeue={(ticketId) => void run('requeue', { ticketId })}
        />
      </div>
      <div className="actions big">
        <button ref={callNextRef} data-testid="call-next" disabled={busy || !open} onClick={() => void run('call-next')}>
          {t('console.callNext')} <kbd>F2</kbd>
        </button>
        <button data-testid="recall" disabled={busy || !cur || !open} onClick={() => void run('recall')}>
          {t('console.recall')} <kbd>F3</kbd>
        </button>
        <button data-testid="no-show" disabled={busy || !cur} onClick={() => void run('no-show')}>
          {t('console.noShow')}
        </button>
        <button data-testid="hold" disabled={busy || !cur} onClick={() => void run('hold')}>
          {t('counter.hold')}
        </button>
        <button data-testid="transfer" disabled={busy || !cur} onClick={() => setDialog('transfer')}>
          {t('console.transfer')}
        </button>
        {w.status === 'paused' ? (
          <button data-testid="resume" disabled={busy} onClick={() => void run('resume')}>
            {t('console.resume')}
          </button>
        ) : (
          <button data-testid="pause" disabled={busy || !open} onClick={() => setDialog('pause')}>
            {t('console.pause')}
          </button>
        )}
        <button data-testid="off-duty" className="secondary" disabled={busy} onClick={() => setDialog('off-duty')}>
          {t('offDuty.button')}
        </button>
        <button ref={finishRef} data-testid="finish" className="primary" disabled={busy || !cur} onClick={finish}>
          {t(`outcome.${outcome}`)} <kbd>F4</kbd>
        </button>
      </div>
      {notice && <p className="notice">{t(`error.${notice}`)}</p>}
      {error && (
        <p className="error" role="alert" data-testid="console-error" onClick={clearError}>
          {t(`error.${error.code}`, { defaultValue: error.message })}
        </p>
      )}
      {dialog === 'transfer' && cur && (
        <TransferPanel
          view={view}
          onCancel={() => setDialog(null)}
          onTransfer={(to, returnHere) => {
            setDialog(null);
            void run('transfer', { to, returnHere });
          }}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog
          onCancel={() => setDialog(null)}
          onPause={(reason) => {
            setDialog(null);
            void run('pause', { reason });
          }}
        />
      )}
      {dialog === 'off-duty' && (
        <OffDutyDialog
          atCounter={cur?.number ?? null}
          onCancel={() => setDialog(null)}
          onLeave={(atCounter: AtCounterOnLeave) => {
            setDialog(null);
            void act(windowId, 'close', { atCounter, outcome, ...(itemId ? { itemId } : {}) }).then((ok) => ok && useSession.getState().set(null));
          }}
        />
      )}
      {dialog !== null && typeof dialog === 'object' && cur && (
        <CounterChoiceDialog
          title={t(dialog.mode === 'call-back' ? 'counter.callBackTitle' : 'counter.callNumberTitle', { number: dialog.number })}
          atCounter={cur.number}
          itemId={itemId}
          onCancel={() => setDialog(null)}
          onChoose={(counter: CounterChoice) => {
            setDialog(null);
            void run(dialog.mode, { ticketId: dialog.ticketId, counter });
          }}
        />
      )}
    </section>
  );
}
