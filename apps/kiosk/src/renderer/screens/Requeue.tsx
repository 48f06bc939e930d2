import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequeueResult } from '../../contract.ts';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import { sayIfOn } from '../voice.ts';

/** 过号重排: the citizen scanned their own ticket's QR code — back in line, or plainly why not. */
export function Requeue(): ReactNode {
  const { t } = useTranslation();
  const scanned = useKiosk((s) => s.scanned);
  const [result, setResult] = useState<RequeueResult | null>(null);
  useEffect(() => {
    if (!scanned) return;
    setResult(null);
    api.requeueTicket({ code: scanned.code }).then(setResult, () => setResult({ ok: false, reason: 'error' }));
  }, [scanned?.at]);
  // Back in line: said with the number (digit by digit) and the place; a refusal is an alert and is said as shown.
  useEffect(() => {
    if (result?.ok) sayIfOn(t('say.requeueOk', { number: [...result.number].join(' '), how: t(result.placement === 'keep' ? 'requeue.okKeep' : 'requeue.okEnd'), ahead: t('ticket.ahead', { n: result.peopleAhead }) }));
  }, [result, t]);
  return (
    <main className="screen requeue" data-testid="requeue">
      <h1>{t('requeue.title')}</h1>
      {!result && <p className="hint">{t('requeue.working')}</p>}
      {result?.ok && (
        <div className="banner ok big-text" data-testid="requeue-ok">
          <div className="ticket-number">{result.number}</div>
          <p>{t(result.placement === 'keep' ? 'requeue.okKeep' : 'requeue.okEnd')}</p>
          <p data-testid="requeue-ahead">
            {t('ticket.ahead', { n: result.peopleAhead })}
            {result.estimatedWaitMinutes !== null && ` · ${t('ticket.wait', waitOptions(result.estimatedWaitMinutes, 'm'))}`}
          </p>
        </div>
      )}
      {result && !result.ok && (
        <div className="banner warn big-text" role="alert" data-testid="requeue-refused" data-reason={result.reason}>
          {t(`requeue.${result.reason}`, { number: result.number ?? '' })}
        </div>
      )}
      <button type="button" className="primary big" data-testid="requeue-done" onClick={() => useKiosk.getState().home()}>
        {t('ticket.done')}
      </button>
    </main>
  );
}
