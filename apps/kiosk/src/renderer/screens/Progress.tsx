import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseDepartment, caseItemName, type ApplicationCase } from '@hallkit/core';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import { CodeEntry } from '../components/CodeEntry.tsx';
import { HowTo } from '../components/HowTo.tsx';
import { ReaderNotice } from '../components/ReaderNotice.tsx';
import { hallTime } from '../hallTime.ts';

/** 办件进度查询: the case's steps like a parcel tracker, with a printed copy. */
export function Progress(): ReactNode {
  const { t } = useTranslation();
  const { lookup, card } = useKiosk();
  const set = useKiosk((s) => s.set);
  const host = useKiosk((s) => s.host);
  const [busy, setBusy] = useState(false);
  const [byCard, setByCard] = useState(false);
  const [page, setPage] = useState(0);
  // A new answer (another card, another code) starts at its first case.
  useEffect(() => setPage(0), [lookup]);
  const run = useCallback(
    async (input: { receiptCode?: string; cardSession?: string }) => {
      setBusy(true);
      setByCard(input.cardSession !== undefined);
      try {
        set({ lookup: await api.lookupCase(input) });
      } catch {
        set({ lookup: { ok: false, reason: 'error' } });
      } finally {
        setBusy(false);
      }
    },
    [set],
  );
  const submitCode = useCallback((code: string) => void run({ receiptCode: code }), [run]);
  useEffect(() => {
    if (card && !lookup && !busy) void run({ cardSession: card.session });
  }, [card?.session]);

  if (lookup?.ok) {
    // One case at a time: a case with its whole tracker fills the screen (two made the page 2,824 px).
    const shown = Math.min(page, lookup.cases.length - 1);
    const c = lookup.cases[shown];
    return (
      <main className="screen progress">
        <h1>{t('progress.title')}</h1>
        {c && <CaseCard key={c.receiptCode} c={c} />}
        <div className="case-nav">
          {lookup.cases.length > 1 && (
            <>
              <button type="button" className="secondary big" data-testid="case-prev" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
                {t('progress.prev')}
              </button>
              <span className="case-count" data-testid="case-count">
                {t('progress.count', { n: shown + 1, of: lookup.cases.length })}
              </span>
              <button type="button" className="secondary big" data-testid="case-next" disabled={shown >= lookup.cases.length - 1} onClick={() => setPage(shown + 1)}>
                {t('progress.next')}
              </button>
            </>
          )}
          <button type="button" className="secondary big case-back" onClick={() => set({ lookup: undefined })}>
            {t('top.back')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="screen progress">
      <h1>{t('progress.title')}</h1>
      <p className="hint">
        {host?.devices.scanner === 'ready' ? t('progress.hint') : t('progress.code')}
        {host?.devices.reader === 'ready' && <> · {t('progress.hintCard')}</>}
      </p>
      <ReaderNotice />
      {lookup && !lookup.ok && (
        <div className="banner warn big-text" role="alert" data-testid="lookup-failed" data-reason={lookup.reason}>
          {t(lookup.reason === 'not-found' && byCard ? 'progress.notFoundCard' : `progress.${lookup.reason}`)}
        </div>
      )}
      {busy && <div className="banner">{t('progress.busy')}</div>}
      {!lookup && <HowTo scan={host?.devices.scanner === 'ready'} card={host?.devices.reader === 'ready'} scanText={t('howto.scanReceipt')} cardText={t('howto.cardCases')} />}
      <CodeEntry label={t('progress.code')} submitLabel={t('progress.submit')} busy={busy} onSubmit={submitCode} />
    </main>
  );
}

function CaseCard({ c }: { c: ApplicationCase }): ReactNode {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const printer = useKiosk((s) => s.host?.devices.printer);
  const tz = useKiosk((s) => s.host?.timeZone ?? 'Asia/Shanghai');
  // The case names its item and department as the platform writes them; the hall file may say them in 繁體/English.
  const department = useKiosk((s) => caseDepartment(c.department, s.host?.departmentsI18n, language));
  const itemName = useKiosk((s) => caseItemName(c.itemName, s.host?.items ?? [], language));
  const [printed, setPrinted] = useState<string>();
  const print = async () => {
    try {
      const r = await api.printCase({ receiptCode: c.receiptCode, language });
      setPrinted(r.ok ? t('print.casePrinted') : t(`print.${r.reason}`));
    } catch {
      setPrinted(t('print.error'));
    }
  };
  return (
    <section className="case" data-testid="case" data-receipt={c.receiptCode}>
      <div className="case-head">
        <span className="case-code">{c.receiptCode}</span>
        <span className={`case-status s-${c.status}`} data-testid="case-status">
          {t(`progress.status.${c.status}`)}
        </span>
      </div>
      <dl className="case-facts">
        <dt>{t('progress.item')}</dt>
        <dd>{itemName}</dd>
        <dt>{t('progress.dept')}</dt>
        <dd>{department}</dd>
        <dt>{t('progress.applicant')}</dt>
        <dd>{c.applicantMasked}</dd>
        <dt>{t('progress.accepted')}</dt>
        <dd>{hallTime(c.acceptedAt, tz)}</dd>
        {c.dueDay && (
          <>
            <dt>{t('progress.due')}</dt>
            <dd>{c.dueDay}</dd>
          </>
        )}
      </dl>
      <ol className="tracker">
        {c.steps.map((s, i) => (
          <li key={i} className={`step ${s.status}`} data-testid="case-step" data-status={s.status}>
            <span className="dot" />
            <div>
              <div className="step-name">{s.name}</div>
              <div className="step-meta">
                {t(`progress.step.${s.status}`)}
                {s.at ? ` · ${hallTime(s.at, tz)}` : ''}
                {s.by ? ` · ${s.by}` : ''}
              </div>
              {s.note && <div className="step-note">{s.note}</div>}
            </div>
          </li>
        ))}
      </ol>
      {c.delivery && <div className="case-delivery">{c.delivery.method === 'mail' ? t('progress.mail', { no: c.delivery.trackingNo ?? '' }) : t('progress.pickup')}</div>}
      {printer !== 'absent' && (
        <button type="button" className="secondary big" data-testid="case-print" onClick={() => void print()}>
          {t('print.caseCopy')}
        </button>
      )}
      {printed && (
        <div className="banner" data-testid="case-printed">
          {printed}
        </div>
      )}
    </section>
  );
}
