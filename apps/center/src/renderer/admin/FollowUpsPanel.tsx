// 差评跟进: every bad review's case with its deadline, state and who did what, and its 申诉: filed
// from here (AppealDialog), decided (申诉成立 / 申诉不成立) by an admin with an optional note.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { AppealDialog } from './AppealDialog.tsx';
import type { AdminView, FollowUpRow } from '../api/types.ts';
import { dayTime } from '../common/format.ts';
import { useAdmin } from './useAdmin.ts';

const NEXT: Record<FollowUpRow['state'], 'contacted' | 'rectified' | 'closed' | null> = { open: 'contacted', contacted: 'rectified', rectified: 'closed', closed: null };

/**
 * `readOnly`: the 好差评 auditor's view — the cases and their history, no steps. `appealOnly`: a
 * 值班长's — they file a 申诉 for a case of their zones; 回访/整改 and the 复核 are an admin's.
 */
export function FollowUpsPanel({ view, readOnly = false, appealOnly = false }: { view: Pick<AdminView, 'followUps'>; readOnly?: boolean; appealOnly?: boolean }) {
  const { t } = useTranslation();
  const post = useAdmin((s) => s.post);
  // The step is recorded only when staff confirm it in the dialog; 取消 or Escape records nothing.
  const [asking, setAsking] = useState<{ c: FollowUpRow; to: string }>();
  const [appealing, setAppealing] = useState<FollowUpRow>();
  const [deciding, setDeciding] = useState<{ c: FollowUpRow; upheld: boolean }>();
  const path = (c: FollowUpRow, step: string) => `/api/admin/follow-ups/${encodeURIComponent(c.caseId)}/${step}`;
  const advance = (c: FollowUpRow, to: string, note: string) => {
    setAsking(undefined);
    void post(path(c, 'advance'), { to, ...(note ? { note } : {}) });
  };
  const ticket = (c: FollowUpRow) => c.ticketNumber ?? c.caseId;
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
      {appealing && (
        <AppealDialog
          ticket={ticket(appealing)}
          onFile={(reason) => {
            setAppealing(undefined);
            void post(path(appealing, 'appeal'), { reason });
          }}
          onCancel={() => setAppealing(undefined)}
        />
      )}
      {deciding && (
        <ConfirmDialog
          testId="appeal-decision-dialog"
          title={t('appeal.decideTitle', { ticket: ticket(deciding.c), outcome: t(deciding.upheld ? 'appeal.uphold' : 'appeal.reject') })}
          {...(deciding.upheld ? { message: t('appeal.decideMessage') } : {})}
          note={{ label: t('appeal.decideNote') }}
          confirmLabel={t(deciding.upheld ? 'appeal.uphold' : 'appeal.reject')}
          onConfirm={(note) => {
            setDeciding(undefined);
            void post(path(deciding.c, 'appeal-decision'), { upheld: deciding.upheld, ...(note ? { note } : {}) });
          }}
          onCancel={() => setDeciding(undefined)}
        />
      )}
      <h2>{t('admin.followUps')}</h2>
      <table data-testid="follow-ups" className="follow-ups">
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
            // An upheld 申诉 voids the 差评: no 回访/整改 step is offered any more.
            const next = c.voided ? undefined : NEXT[c.state];
            return (
              <tr key={c.caseId} data-testid={`case-${c.caseId}`} className={c.overdue ? 'overdue' : ''}>
                <td>
                  {c.ticketNumber ?? '—'}
                  <div className="muted" data-testid="case-opened">{dayTime(c.openedAt)}</div>
                </td>
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
                <td>
                  {c.voided && c.state !== 'closed' ? t('appeal.noFollowUp') : t(`followUp.${c.state}`)}
                  {c.appeal && <AppealState appeal={c.appeal} />}
                </td>
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
                    {next && !appealOnly && <button onClick={() => setAsking({ c, to: next })}>{t(`followUp.to.${next}`)}</button>}
                    {next && next !== 'closed' && !appealOnly && (
                      <button className="secondary" onClick={() => setAsking({ c, to: 'closed' })}>
                        {t('followUp.to.closed')}
                      </button>
                    )}
                    {!c.appeal && c.state !== 'closed' && (
                      <button className="secondary" onClick={() => setAppealing(c)} data-testid="appeal-file">
                        {t('appeal.file')}
                      </button>
                    )}
                    {c.appeal?.state === 'filed' && !appealOnly && (
                      <>
                        <button onClick={() => setDeciding({ c, upheld: true })} data-testid="appeal-uphold">
                          {t('appeal.uphold')}
                        </button>
                        <button className="secondary" onClick={() => setDeciding({ c, upheld: false })} data-testid="appeal-reject">
                          {t('appeal.reject')}
                        </button>
                      </>
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

/** The 申诉 of a case: 申诉中 / 申诉成立 / 申诉不成立, who filed it when and why, and who reviewed it. */
function AppealState({ appeal: a }: { appeal: NonNullable<FollowUpRow['appeal']> }) {
  const { t } = useTranslation();
  return (
    <div className={`appeal appeal-${a.state}`} data-testid="appeal-state">
      <strong>{t(`appeal.state.${a.state}`)}</strong>
      <div>
        {t('appeal.filedBy', { by: a.by, at: dayTime(a.at), reason: a.reason })}
        {a.enteredBy ? t('appeal.enteredBy', { by: a.enteredBy }) : ''}
      </div>
      {a.decidedBy && a.decidedAt && (
        <div>
          {t('appeal.decidedBy', { by: a.decidedBy, at: dayTime(a.decidedAt) })}
          {a.note ? t('appeal.note', { note: a.note }) : ''}
        </div>
      )}
    </div>
  );
}
