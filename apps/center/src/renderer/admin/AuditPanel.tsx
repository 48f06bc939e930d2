import { useTranslation } from 'react-i18next';
import type { AdminView } from '../api/types.ts';
import { dayTime } from '../common/format.ts';
import { BackupsCard } from './BackupsCard.tsx';

// The admin sees the backups card too; the auditor's view (AuditorBody) has no backups.
export function AuditPanel({ view }: { view: Pick<AdminView, 'audit' | 'rejected'> & Partial<Pick<AdminView, 'backups'>> }) {
  const { t } = useTranslation();
  return (
    <section>
      {view.backups ? <BackupsCard backups={view.backups} /> : null}
      <div className="card">
        <h2>{t('admin.audit')}</h2>
        <table>
          <tbody>
            {view.audit.map((a, i) => (
              <tr key={i}>
                <td>{dayTime(a.at)}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
                <td>{a.target ?? ''}</td>
                <td>
                  <code>{a.detail ?? ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t('admin.rejected')}</h2>
        <table>
          <tbody>
            {view.rejected.map((r, i) => (
              <tr key={i}>
                <td>{dayTime(r.at)}</td>
                <td>
                  {r.deviceId} #{r.seq}
                </td>
                <td>{r.eventType ?? '?'}</td>
                <td>{r.code}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
