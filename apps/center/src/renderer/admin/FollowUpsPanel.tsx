// 差评跟进: every bad review's case with its deadline, state and who did what.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import type { AdminView, FollowUpRow } from '../api/types.ts';
import { dayTime } from '../common/format.ts';
import { useAdmin } from './useAdmin.ts';

const NEXT: Record<FollowUpRow['state'], 'contacted' | 'rectified' | 'closed' | null> = { open: 'contacted', contacted: 'rectified', rectified: 'closed', closed: null };

/** `readOnly`: the 好差评 auditor's view — the cases and their history, no steps. */
export function FollowUpsPanel({ view, readOnly = false }: { view: Pick<AdminView, 'followUps'>; readOnly?: boolean }) {
  const { t } = useTranslation();
  const post = useAdmin((s) => s.post);
  // The step is recorded only when staff confirm it in the dialog; 取消 or Escape records nothing.
  const [asking, setAsking] = useState<{ c: FollowUpRow; to: string }>();
  const advance = (c: FollowUpRow, to: string, note: string) => {
    setAsking(undefined);
    void post(`/api/admin/follow-ups/${encodeURIComponent(c.caseId)}/advance`, { to, ...(note ? { note } : {}) });
  };
  return (
    <section className="card">
      {asking && (
        <ConfirmDialog
          testId="follow-up-dialog"
          title={`${asking.c.ticketNumber ?? asking.c.caseId} · ${t(`followUp.to.${asking.to}`)}`}
          note={{ label: t('admin.noteFor', { to: t(`followUp.${asking.to}`) }) }}
          confirmLabel={t(`followUp.to.${asking.to}`)}
          onConfirm={(note) => advance(asking.c, asking.to, note)}
          onCancel={() => setAsking(undefined)}
        />
      )}
      <h2>{t('admin.followUps')}</h2>
      <table data-testid="follow-ups">
        <thead>
          <tr>
            <th>{t('admin.ticket')}</th>
            <th>{t('admin.window')}</th>
            <th>{t('admin.staff')}</th>
            <th>{t('admin.level')}</th>
            <th>{t('admin.reasons')}</th>
            <th>{t('admin.deadline')}</th>
            <th>{t('admin.state')}</th>
            <th>{t('admin.history')}</th>
            {!readOnly && <td />}
          </tr>
        </thead>
        <tbody>
          {view.followUps.map((c) => {
            const next = NEXT[c.state];
            return (
              <tr key={c.caseId} data-testid={`case-${c.ticketNumber ?? c.caseId}`} className={c.overdue ? 'overdue' : ''}>
                <td>{c.ticketNumber ?? '—'}</td>
                <td>{c.windowNumber ? t('console.windowN', { n: c.windowNumber }) : '—'}</td>
                <td>
                  {c.staffName ?? ''} {c.staffId}
                </td>
                <td>{c.level ? t(`level.${c.level}`) : '—'}</td>
                <td>
                  {c.reasons.map((r) => t(`reason.${r}`, { defaultValue: r })).join('、')}
                  {c.comment ? `：${c.comment}` : ''}
                </td>
                <td data-testid="deadline">
                  {c.deadline}
                  {c.overdue ? ` · ${t('admin.overdue')}` : ''}
                </td>
                <td>{t(`followUp.${c.state}`)}</td>
                <td>
                  {c.history.map((h, i) => (
                    <div key={i}>
                      {dayTime(h.at)} {t(`followUp.${h.to}`)} · {h.by}
                      {h.note ? ` · ${h.note}` : ''}
                    </div>
                  ))}
                </td>
                {!readOnly && (
                  <td>
                    {next && <button onClick={() => setAsking({ c, to: next })}>{t(`followUp.to.${next}`)}</button>}
                    {next && next !== 'closed' && (
                      <button className="secondary" onClick={() => setAsking({ c, to: 'closed' })}>
                        {t('followUp.to.closed')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
