import { useTranslation } from 'react-i18next';
import type { AdminView, RateRow } from '../api/types.ts';
import { percent } from '../common/format.ts';

function RateTable({ title, rows }: { title: string; rows: RateRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h3>{title}</h3>
      <table>
        <thead>
          <tr>
            <td />
            <th>{t('admin.rated')}</th>
            <th>{t('admin.satisfied')}</th>
            <th>{t('admin.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td>{r.rated}</td>
              <td>{r.satisfied}</td>
              <td>{percent(r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EvaluationsPanel({ view }: { view: Pick<AdminView, 'evaluations'> }) {
  const { t } = useTranslation();
  const e = view.evaluations;
  return (
    <section>
      <div className="card">
        <h2>{t('admin.evaluations')}</h2>
        <p data-testid="satisfaction">
          {t('admin.evalSummary', { total: e.total, rate: percent(e.rate), lapsed: e.lapsed })}
        </p>
      </div>
      <div className="grid3">
        <RateTable title={t('admin.byWindow')} rows={e.byWindow} />
        <RateTable title={t('admin.byStaff')} rows={e.byStaff} />
        <RateTable title={t('admin.byItem')} rows={e.byItem} />
      </div>
    </section>
  );
}
