import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import type { AdminView, RateRow } from '../api/types.ts';
import { percent } from '../common/format.ts';

function RateTable({ title, rows, testId }: { title: string; rows: RateRow[]; testId: string }) {
  const { t, i18n } = useTranslation();
  // A window by its number and an item by the hall file's translation, in the console's language.
  const name = (r: RateRow) =>
    r.windowNumber !== undefined ? t('console.windowN', { n: r.windowNumber }) : r.key === '-' ? t('admin.noItem') : localName({ name: r.label, i18n: r.i18n }, i18n.language);
  return (
    <div className="card" data-testid={testId}>
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
              <td>{name(r)}</td>
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
        <RateTable title={t('admin.byWindow')} rows={e.byWindow} testId="rates-window" />
        <RateTable title={t('admin.byStaff')} rows={e.byStaff} testId="rates-staff" />
        <RateTable title={t('admin.byItem')} rows={e.byItem} testId="rates-item" />
      </div>
    </section>
  );
}
