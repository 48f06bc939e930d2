// 办件进度: by receipt code and the last 4 of the applicant's ID number (the codes are sequential), the case's steps like a parcel tracker (same data as the kiosk).
import { useMemo, useState } from 'react';
import { caseDepartment, caseItemName, departmentTranslations } from '@hallkit/core';
import { useTranslation } from 'react-i18next';
import { mapi, type ApplicationCase, type HallInfo } from '../api.ts';
import { dayTime } from '../../common/format.ts';
import { useErrorText } from '../useMobileError.ts';
import { MailingRequest } from './MailingRequest.tsx';

export function Progress({ demoLogin = false, items }: { demoLogin?: boolean; items: HallInfo['items'] }) {
  const { t, i18n } = useTranslation();
  // A case names its item and department as the platform writes them; the hall file may say them in 繁體/English.
  const departments = useMemo(() => departmentTranslations(items), [items]);
  const errorText = useErrorText();
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [idLast4, setIdLast4] = useState('');
  const [cases, setCases] = useState<ApplicationCase[]>();
  const [error, setError] = useState<string>();
  const lookup = async () => {
    setError(undefined);
    try {
      setCases((await mapi<{ cases: ApplicationCase[] }>('/api/m/cases/lookup', { receiptCode: code.trim(), idLast4: idLast4.trim() })).cases);
    } catch (e) {
      setCases(undefined);
      setError(errorText(e));
    }
  };
  return (
    <>
      <section className="m-card">
        <h1>{t('progress.title')}</h1>
        <p className="m-muted m-small">{t('progress.intro')}</p>
        <div className="m-row">
          <input className="m-input m-grow" name="receiptCode" placeholder={t('progress.code')} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} onKeyDown={(e) => e.key === 'Enter' && void lookup()} />
        </div>
        <div className="m-row">
          <input
            className="m-input m-grow"
            name="idLast4"
            inputMode="text"
            autoComplete="off"
            maxLength={4}
            aria-label={t('progress.idLast4')}
            placeholder={t('progress.idLast4')}
            value={idLast4}
            onChange={(e) => setIdLast4(e.target.value.toUpperCase())}
            onKeyDown={(e) => e.key === 'Enter' && void lookup()}
          />
          <button className="m-btn" disabled={code.trim().length < 4 || !/^[0-9]{3}[0-9X]$/.test(idLast4.trim())} onClick={() => void lookup()}>
            {t('progress.submit')}
          </button>
        </div>
        {error && (
          <p className="m-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {cases?.map((c) => (
        <section key={c.receiptCode} className="m-card" data-testid="case">
          <div className="m-row">
            <h2 className="m-grow">{caseItemName(c.itemName, items, i18n.language)}</h2>
            <span className={`m-badge m-${c.status}`}>{t(`progress.status.${c.status}`)}</span>
          </div>
          <dl className="m-dl">
            <dt>{t('progress.code')}</dt>
            <dd>{c.receiptCode}</dd>
            <dt>{t('progress.department')}</dt>
            <dd>{caseDepartment(c.department, departments, i18n.language)}</dd>
            <dt>{t('progress.applicant')}</dt>
            <dd>{c.applicantMasked}</dd>
            <dt>{t('progress.accepted')}</dt>
            <dd data-testid="case-accepted">{dayTime(c.acceptedAt)}</dd>
            {c.dueDay && (
              <>
                <dt>{t('progress.due')}</dt>
                <dd>{c.dueDay}</dd>
              </>
            )}
            {c.delivery?.trackingNo && (
              <>
                <dt>{t('progress.tracking')}</dt>
                <dd>{c.delivery.trackingNo}</dd>
              </>
            )}
          </dl>
          <ol className="m-track">
            {c.steps.map((s, i) => (
              <li key={i} className={`m-step m-${s.status}`} data-step-status={s.status}>
                <div className="m-step-name">
                  {s.name} <small>{t(`progress.step.${s.status}`)}</small>
                </div>
                {(s.at || s.by) && (
                  <div className="m-muted m-small">
                    {s.at ? dayTime(s.at) : ''} {s.by ?? ''}
                  </div>
                )}
                {s.note && <div className="m-small">{s.note}</div>}
              </li>
            ))}
          </ol>
          <MailingRequest c={c} idLast4={idLast4.trim()} demoLogin={demoLogin} onChanged={(n) => setCases((all) => all?.map((x) => (x.receiptCode === n.receiptCode ? n : x)))} />
        </section>
      ))}
    </>
  );
}
