import { useTranslation } from 'react-i18next';
import type { AdminView } from '../api/types.ts';
import { WaitChart } from './WaitChart.tsx';

export function QueuePanel({ view }: { view: AdminView }) {
  const { t } = useTranslation();
  const s = view.snapshot;
  const open = s.windows.filter((w) => w.status !== 'closed');
  return (
    <section>
      <div className="card">
        <h2>{t('admin.queue')}</h2>
        <table data-testid="queue-table">
          <thead>
            <tr>
              <th>{t('admin.category')}</th>
              <th>{t('admin.waiting')}</th>
              <th>{t('admin.estimatedWait')}</th>
              <th>{t('admin.lastCalled')}</th>
            </tr>
          </thead>
          <tbody>
            {s.categories.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.prefix} {c.name}
                </td>
                <td>{c.waiting}</td>
                <td>{c.estimatedWaitMinutes === null ? t('admin.noWindow') : t('admin.minutes', { n: c.estimatedWaitMinutes })}</td>
                <td>{c.lastCalled ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <WaitChart view={view} label={t('admin.waitChart')} />
      </div>
      <div className="card">
        <h2>{t('admin.windows', { open: open.length, total: s.windows.length })}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('admin.window')}</th>
              <th>{t('admin.state')}</th>
              <th>{t('admin.staff')}</th>
              <th>{t('admin.current')}</th>
              <th>{t('admin.waitingHere')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((w) => (
              <tr key={w.id}>
                <td>{t('console.windowN', { n: w.number })}</td>
                <td>{t(`status.${w.status}`)}</td>
                <td>{w.staffName ?? '—'}</td>
                <td>{w.currentTicket ?? '—'}</td>
                <td>{w.waitingHere}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
