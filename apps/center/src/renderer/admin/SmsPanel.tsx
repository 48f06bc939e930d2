// 短信: the hall's SMS provider as the center uses it — what waits, what went, and above all a
// settings fault (signature or template not approved, wrong key) that the hall must fix at the
// provider or in the settings file; such messages are not retried.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { dayTime } from '../common/format.ts';

interface SmsEntry {
  key: string;
  phone: string;
  purpose: string;
  status: string;
  attempts: number;
  createdAt: number;
  settledAt: number | null;
  nextAt: number | null;
  code: string | null;
  error: string | null;
  configFault: boolean;
}
interface SmsSummary {
  v: 1;
  gateway: string;
  counts: Record<string, number>;
  configFaults: SmsEntry[];
  recent: SmsEntry[];
}

export function SmsPanel() {
  const { t } = useTranslation();
  const [data, setData] = useState<SmsSummary>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      setData(await api<SmsSummary>('/api/m/admin/sms'));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? t(`error.${e.code}`, { defaultValue: e.message }) : t('error.network'));
    }
  }, [t]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [load]);
  const purpose = (p: string) => t(`sms.purpose.${p}`, { defaultValue: p });
  return (
    <section className="sms">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && data.configFaults.length > 0 && (
        <div className="card alert" role="alert" data-testid="sms-faults">
          <h2>{t('sms.faultTitle')}</h2>
          <p>{t('sms.faultIntro')}</p>
          <ul>
            {data.configFaults.map((f) => (
              <li key={f.key}>
                {dayTime(f.settledAt)} · {purpose(f.purpose)} · <strong>{t(`sms.code.${(f.code ?? '').replace(/\./g, '_')}`, { defaultValue: f.code ?? '' })}</strong> <code>{f.code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && (
        <div className="card">
          <h2>{t('sms.title')}</h2>
          <p className="note">
            {t('sms.gateway')}: <code>{data.gateway}</code>
          </p>
          <p>
            {(['pending', 'sent', 'failed', 'expired', 'unknown'] as const).map((s) => (
              <span key={s} className="badge">
                {t(`sms.status.${s}`)} {data.counts[s] ?? 0}
              </span>
            ))}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('sms.time')}</th>
                <th>{t('sms.phone')}</th>
                <th>{t('sms.purposeHead')}</th>
                <th>{t('sms.statusHead')}</th>
                <th>{t('sms.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.recent.map((m) => (
                <tr key={m.key}>
                  <td>{dayTime(m.createdAt)}</td>
                  <td>{m.phone}</td>
                  <td>{purpose(m.purpose)}</td>
                  <td>{t(`sms.status.${m.status}`, { defaultValue: m.status })}</td>
                  <td>
                    {m.status === 'pending' && m.nextAt ? t('sms.nextTry', { time: dayTime(m.nextAt), n: m.attempts }) : ''}
                    {m.code ? <code>{m.code}</code> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
