// The hall workbook in the console: 导出 downloads it; 导入 uploads one, shows the preview (counts,
// added/changed/removed, every problem at sheet/row/column) and applies nothing until 确认导入.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText, type CodedReason } from './hallProblemText.ts';
import type { HallDefinitionDiff } from '@hallkit/core';
import { api, ApiError } from '../../api/http.ts';
import type { WorkbookProblem } from '../../../server/hall/workbook/WorkbookProblem.ts';

interface Preview {
  ok: boolean;
  counts: Record<string, number>;
  diff?: HallDefinitionDiff;
  problems: WorkbookProblem[];
  staffCount: number;
  token?: string;
  unusable?: string;
}

const SECTIONS = ['zones', 'categories', 'items', 'windows', 'calendar'] as const;

export function HallWorkbookPanel({ onImported }: { onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const say = useProblemText();
  const [preview, setPreview] = useState<Preview>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    setMessage(undefined);
    setPreview(undefined);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      setPreview(await api<Preview>('/api/admin/hall-definition/workbook/preview', { v: 1, name: file.name, xlsxBase64: btoa(bin) }));
    } catch (e) {
      if (e instanceof ApiError && typeof e.detail.unusable === 'string') setPreview({ ok: false, counts: {}, problems: [], staffCount: 0, unusable: e.detail.unusable });
      else setMessage(t('hallEditor.workbook.cannotPreview', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!preview?.token) return;
    setBusy(true);
    try {
      const r = await api<{ version: number; staffCount: number }>('/api/admin/hall-definition/workbook/confirm', { v: 1, token: preview.token });
      setMessage(t('hallEditor.workbook.imported', { version: r.version }));
      setPreview(undefined);
      await onImported();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.detail.problems) ? (e.detail.problems as CodedReason[]) : [];
      setMessage(t('hallEditor.workbook.refused', { reason: problems.map((p) => say(p)).join('；') || (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="hall-workbook">
      <p>
        <a className="button" href="/api/admin/hall-definition/workbook" download data-testid="workbook-export">
          {t('hallEditor.workbook.export')}
        </a>{' '}
        {t('hallEditor.workbook.sheets')}
      </p>
      <label>
        {t('hallEditor.workbook.import')}
        <input type="file" accept=".xlsx" data-testid="workbook-file" disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </label>
      {message && <p role="status">{message}</p>}
      {preview && (
        <div className="workbook-preview" data-testid="workbook-preview">
          {preview.unusable && <p className="error" role="alert">{t('hallEditor.workbook.unusable', { reason: preview.unusable })}</p>}
          {!preview.unusable && (
            <>
              <p>
                {t('hallEditor.workbook.rows', { list: Object.entries(preview.counts).map(([k, v]) => `${k} ${v}`).join('，') })}
                {preview.staffCount ? t('hallEditor.workbook.staffN', { n: preview.staffCount }) : ''}
              </p>
              {preview.diff && (
                <ul>
                  {SECTIONS.map((k) => {
                    const s = preview.diff?.[k];
                    return s ? <li key={k}>{t('hallEditor.workbook.diff', { name: t(`hallEditor.parts.${k}`), added: s.added.length, changed: s.changed.length, removed: s.removed.length })}{s.removed.length ? `（${s.removed.slice(0, 10).join('、')}）` : ''}</li> : null;
                  })}
                </ul>
              )}
              {preview.problems.length > 0 && (
                <table data-testid="workbook-problems">
                  <thead>
                    <tr>
                      <th>{t('hallEditor.workbook.sheet')}</th>
                      <th>{t('hallEditor.workbook.row')}</th>
                      <th>{t('hallEditor.workbook.column')}</th>
                      <th>{t('hallEditor.workbook.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.problems.map((p, i) => (
                      <tr key={i} className={p.severity === 'error' ? 'error' : ''}>
                        <td>{p.sheet}</td>
                        <td>{p.row || ''}</td>
                        <td>{p.column}</td>
                        <td>{say(p)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {preview.ok ? (
                <button data-testid="workbook-confirm" disabled={busy} onClick={() => void confirm()}>
                  {t('hallEditor.workbook.confirm')}
                </button>
              ) : (
                <p className="error" role="alert">{t('hallEditor.workbook.hasErrors')}</p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
