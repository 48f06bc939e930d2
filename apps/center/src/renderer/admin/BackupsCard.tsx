// 数据库备份: when the center's database was last copied, when next, the files kept, and "back up now".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import type { AdminView } from '../api/types.ts';
import { dayTime } from '../common/format.ts';

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);

export function BackupsCard({ backups }: { backups: AdminView['backups'] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const failed = backups.last && !backups.last.ok ? backups.last : null;
  const now = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{ ok: boolean; run: { file: string; error: string | null } }>('/api/admin/backups', {});
      setMessage({ ok: true, text: t('admin.backups.made', { file: r.run.file }) });
    } catch (e) {
      setMessage({ ok: false, text: t('admin.backups.failedNow', { reason: e instanceof ApiError ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card">
      <h2>{t('admin.backups.title')}</h2>
      <p>
        {backups.everyHours > 0 ? t('admin.backups.every', { hours: backups.everyHours, keep: backups.keep }) : null} · {t('admin.backups.dir')} <code>{backups.dir}</code>
      </p>
      <table>
        <tbody>
          <tr>
            <th>{t('admin.backups.last')}</th>
            <td>{backups.lastOk ? `${dayTime(backups.lastOk.at)} · ${backups.lastOk.file} · ${mb(backups.lastOk.bytes)}` : t('admin.backups.none')}</td>
          </tr>
          {failed ? (
            <tr>
              <th>{t('admin.backups.failed')}</th>
              <td className="bad" role="alert">
                {dayTime(failed.at)} · {failed.error}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>{t('admin.backups.next')}</th>
            <td>{dayTime(backups.nextAt)}</td>
          </tr>
          <tr>
            <th>{t('admin.backups.files')}</th>
            <td>{backups.files.length ? backups.files.map((f) => `${f.file} (${mb(f.bytes)})`).join('、') : t('admin.backups.none')}</td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={() => void now()} disabled={busy}>
        {busy ? t('admin.backups.running') : t('admin.backups.now')}
      </button>
      {message ? <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'bad'} style={message.ok ? undefined : { color: 'var(--red)' }}>{message.text}</p> : null}
    </div>
  );
}
