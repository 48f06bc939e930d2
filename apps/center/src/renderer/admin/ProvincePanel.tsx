// 省好差评: the feed of ratings, lapses and 差评 follow-up steps to the provincial platform — what
// waits and since when, the last delivery and the last error, records the province refused (with a
// retry once fixed), and the file export for a hall that uploads by hand.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { dayTime } from '../common/format.ts';

interface FeedEntry {
  recordId: string;
  kind: string;
  day: string;
  attempts: number;
  error: string | null;
  errorAt: number | null;
}
type FeedView =
  | { configured: false }
  | {
      configured: true;
      mode: 'http-json' | 'file';
      transport: string;
      regionCode: string | null;
      /** Why no records are made now (`no-region-code`), or null. */
      blocked: string | null;
      levelNumbering: string;
      fromDay: string | null;
      counts: { pending: number; delivered: number; failed: number };
      oldestWaitingSince: number | null;
      lastSuccessAt: number | null;
      lastError: { at: number; message: string; kind: string } | null;
      pausedUntil: number | null;
      failed: FeedEntry[];
    };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The file formats the center exports (ProvinceFileExport): as sent, a table, a workbook. */
const FORMATS = ['xlsx', 'csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

export function ProvincePanel() {
  const { t } = useTranslation();
  const [data, setData] = useState<FeedView>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [uploaded, setUploaded] = useState<{ through: number; records: number }>();
  const [format, setFormat] = useState<Format>('xlsx');
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? t(`error.${e.code}`, { defaultValue: e.message }) : t('error.network')), [t]);
  const load = useCallback(async () => {
    try {
      setData(await api<FeedView>('/api/admin/province'));
      setError(undefined);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 3000);
    return () => clearInterval(timer);
  }, [load]);

  const retry = async () => {
    try {
      const r = await api<{ requeued: number }>('/api/admin/province/retry', {});
      setNotice(t('province.requeued', { n: r.requeued }));
      void load();
    } catch (e) {
      fail(e);
    }
  };
  /** Downloads the pending records as a file; the admin then confirms the upload. */
  const exportPending = async () => {
    try {
      const res = await fetch(`/api/admin/province/export.${format}?pending=1`, { credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, 'http-error', res.statusText);
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `haochaping.${format}`;
      a.click();
      URL.revokeObjectURL(a.href);
      setUploaded({ through: Number(res.headers.get('x-hallkit-through')), records: Number(res.headers.get('x-hallkit-records')) });
    } catch (e) {
      fail(e);
    }
  };
  const confirmUpload = async () => {
    if (!uploaded) return;
    try {
      const r = await api<{ marked: number }>('/api/admin/province/uploaded', { through: uploaded.through });
      setNotice(t('province.marked', { n: r.marked }));
      setUploaded(undefined);
      void load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="province">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && !data.configured && (
        <div className="card">
          <h2>{t('province.title')}</h2>
          <p>{t('province.notConfigured')}</p>
        </div>
      )}
      {data?.configured && (
        <>
          {data.counts.failed > 0 && (
            <div className="card alert" role="alert" data-testid="province-refused">
              <h2>{t('province.refusedTitle', { n: data.counts.failed })}</h2>
              <p>{t('province.refusedIntro')}</p>
              <table>
                <thead>
                  <tr>
                    <th>{t('province.day')}</th>
                    <th>{t('province.kindHead')}</th>
                    <th>{t('province.record')}</th>
                    <th>{t('province.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.failed.map((f) => (
                    <tr key={f.recordId}>
                      <td>{f.day}</td>
                      <td>{t(`province.kind.${f.kind}`, { defaultValue: f.kind })}</td>
                      <td>
                        <code>{f.recordId}</code>
                      </td>
                      <td>{f.error}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button onClick={() => void retry()} data-testid="province-retry">
                {t('province.retry')}
              </button>
            </div>
          )}
          {data.blocked && (
            <div className="card alert" role="alert" data-testid="province-blocked">
              <p>{t(`province.blocked.${data.blocked}`, { defaultValue: data.blocked })}</p>
            </div>
          )}
          <div className="card" data-testid="province-backlog">
            <h2>{t('province.title')}</h2>
            <p className="note">
              {t('province.transport')}: <code>{data.transport}</code> · {t('province.region')} <code>{data.regionCode ?? '—'}</code> · {t(`province.numbering.${data.levelNumbering}`)}
              {data.fromDay ? ` · ${t('province.fromDay', { day: data.fromDay })}` : ''}
            </p>
            <p>
              <span className={`badge ${data.counts.pending > 0 ? 'warn' : 'ok'}`} data-testid="province-pending">
                {t('province.status.pending')} {data.counts.pending}
              </span>
              <span className={`badge ${data.counts.failed > 0 ? 'warn' : ''}`} data-testid="province-failed">
                {t('province.status.failed')} {data.counts.failed}
              </span>
              <span className="badge ok" data-testid="province-delivered">
                {t('province.status.delivered')} {data.counts.delivered}
              </span>
            </p>
            <dl className="facts">
              <dt>{t('province.oldest')}</dt>
              <dd>{data.oldestWaitingSince ? dayTime(data.oldestWaitingSince) : t('province.none')}</dd>
              <dt>{t('province.lastSuccess')}</dt>
              <dd data-testid="province-last-success">{data.lastSuccessAt ? dayTime(data.lastSuccessAt) : t('province.never')}</dd>
              <dt>{t('province.lastError')}</dt>
              <dd data-testid="province-last-error">{data.lastError ? `${dayTime(data.lastError.at)} · ${data.lastError.message}` : t('province.none')}</dd>
              {data.pausedUntil && (
                <>
                  <dt>{t('province.nextTry')}</dt>
                  <dd>{dayTime(data.pausedUntil)}</dd>
                </>
              )}
            </dl>
          </div>
          <div className="card">
            <h2>{t('province.exportTitle')}</h2>
            <p className="note">{t('province.exportIntro')}</p>
            <p>
              <label>
                {t('province.format')}{' '}
                <select value={format} onChange={(e) => setFormat(e.target.value as Format)} data-testid="province-export-format">
                  {FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`province.formats.${f}`)}
                    </option>
                  ))}
                </select>
              </label>
            </p>
            {data.mode === 'file' && (
              <p>
                <button onClick={() => void exportPending()} data-testid="province-export-pending" disabled={data.counts.pending === 0}>
                  {t('province.exportPending', { n: data.counts.pending })}
                </button>
                {uploaded && (
                  <button className="secondary" onClick={() => void confirmUpload()} data-testid="province-uploaded">
                    {t('province.confirmUpload', { n: uploaded.records })}
                  </button>
                )}
              </p>
            )}
            <p>
              <label>
                {t('province.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </label>{' '}
              <label>
                {t('province.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </label>{' '}
              <a className="button secondary" href={`/api/admin/province/export.${format}?from=${from}&to=${to}`} download data-testid="province-export-range">
                {t('province.exportRange')}
              </a>
            </p>
          </div>
          {notice && <p className="note" role="status">{notice}</p>}
        </>
      )}
    </section>
  );
}
