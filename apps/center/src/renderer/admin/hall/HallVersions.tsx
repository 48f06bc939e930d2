// The version history (who saved what, when, and what changed) with rollback as a new version.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from './hallProblemText.ts';
import type { DefinitionProblem } from '@hallkit/core';
import { api, ApiError } from '../../api/http.ts';
import { clock, hallDate } from '../../common/format.ts';
import { ConfirmDialog } from '../../common/ConfirmDialog.tsx';
import type { DefinitionVersion } from '../../../server/hall/definition/HallDefinitions.ts';

const SECTIONS = ['zones', 'categories', 'items', 'windows', 'calendar'] as const;

export function HallVersions({ path, versions, current, onRolledBack }: { path: string; versions: DefinitionVersion[]; current: number; onRolledBack: () => Promise<void> }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const [msg, setMsg] = useState<string>();
  const [asking, setAsking] = useState<number>();
  const rollback = async (version: number) => {
    setAsking(undefined);
    try {
      const r = await api<{ version: number }>(`${path}/rollback`, { v: 1, version });
      setMsg(t('hallEditor.versions.done', { from: version, version: r.version }));
      await onRolledBack();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.detail.problems) ? (e.detail.problems as DefinitionProblem[]) : [];
      setMsg(t('hallEditor.versions.refused', { reason: problems.map((p) => say(p)).join('；') || (e as Error).message }));
    }
  };
  return (
    <div data-testid="hall-versions">
      {asking !== undefined && (
        <ConfirmDialog
          testId="rollback-dialog"
          title={t('hallEditor.versions.confirm', { version: asking })}
          confirmLabel={t('common.confirm')}
          onConfirm={() => void rollback(asking)}
          onCancel={() => setAsking(undefined)}
        />
      )}
      {msg && <p role="status">{msg}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('hallEditor.versions.version')}</th>
            <th>{t('hallEditor.versions.savedAt')}</th>
            <th>{t('hallEditor.versions.savedBy')}</th>
            <th>{t('hallEditor.versions.note')}</th>
            <th>{t('hallEditor.versions.changes')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{hallDate(v.savedAt)} {clock(v.savedAt)}</td>
              <td>{v.savedBy}</td>
              <td>{v.note}</td>
              <td>
                {[
                  ...SECTIONS.map((k) => {
                    const s = v.diff[k];
                    const n = s.added.length + s.changed.length + s.removed.length;
                    return n ? `${t(`hallEditor.parts.${k}`)} +${s.added.length}/~${s.changed.length}/-${s.removed.length}` : '';
                  }),
                  ...v.diff.settings.map((k) => t(`hallEditor.parts.${k}`)),
                ]
                  .filter(Boolean)
                  .join('，') || '—'}
              </td>
              <td>
                {v.version !== current && (
                  <button className="secondary" onClick={() => setAsking(v.version)}>
                    {t('hallEditor.versions.rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
