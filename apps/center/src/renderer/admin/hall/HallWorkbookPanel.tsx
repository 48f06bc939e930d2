// The hall workbook in the console: 导出 downloads it; 导入 uploads one, shows the preview (counts,
// added/changed/removed, every problem at sheet/row/column) and applies nothing until 确认导入.
import { useState } from 'react';
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

const SECTIONS: Record<string, string> = { zones: '功能区', categories: '业务类别', items: '事项', windows: '窗口', calendar: '节假日' };

export function HallWorkbookPanel({ onImported }: { onImported: () => Promise<void> }) {
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
      else setMessage(`无法预览：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!preview?.token) return;
    setBusy(true);
    try {
      const r = await api<{ version: number; staffCount: number }>('/api/admin/hall-definition/workbook/confirm', { v: 1, token: preview.token });
      setMessage(`已导入为版本 ${r.version}。`);
      setPreview(undefined);
      await onImported();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.detail.problems) ? (e.detail.problems as { message: string }[]) : [];
      setMessage(`未导入：${problems.map((p) => p.message).join('；') || (e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="hall-workbook">
      <p>
        <a className="button" href="/api/admin/hall-definition/workbook" download data-testid="workbook-export">
          导出工作簿（.xlsx）
        </a>{' '}
        工作表：大厅、功能区、业务类别、事项、窗口、人员、节假日（第一行为列名，多余的列会被忽略）。
      </p>
      <label>
        导入工作簿：
        <input type="file" accept=".xlsx" data-testid="workbook-file" disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </label>
      {message && <p role="status">{message}</p>}
      {preview && (
        <div className="workbook-preview" data-testid="workbook-preview">
          {preview.unusable && <p className="error" role="alert">文件无法使用：{preview.unusable}</p>}
          {!preview.unusable && (
            <>
              <p>
                工作表行数：{Object.entries(preview.counts).map(([k, v]) => `${k} ${v}`).join('，')}
                {preview.staffCount ? `；人员 ${preview.staffCount} 人` : ''}
              </p>
              {preview.diff && (
                <ul>
                  {Object.entries(SECTIONS).map(([k, name]) => {
                    const s = preview.diff?.[k as 'zones'];
                    return s ? <li key={k}>{`${name}：新增 ${s.added.length}，修改 ${s.changed.length}，删除 ${s.removed.length}`}{s.removed.length ? `（${s.removed.slice(0, 10).join('、')}）` : ''}</li> : null;
                  })}
                </ul>
              )}
              {preview.problems.length > 0 && (
                <table data-testid="workbook-problems">
                  <thead>
                    <tr>
                      <th>工作表</th>
                      <th>行</th>
                      <th>列</th>
                      <th>问题</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.problems.map((p, i) => (
                      <tr key={i} className={p.severity === 'error' ? 'error' : ''}>
                        <td>{p.sheet}</td>
                        <td>{p.row || ''}</td>
                        <td>{p.column}</td>
                        <td>{p.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {preview.ok ? (
                <button data-testid="workbook-confirm" disabled={busy} onClick={() => void confirm()}>
                  确认导入
                </button>
              ) : (
                <p className="error" role="alert">有错误：不会导入任何内容。请在 Excel 中改正后重新上传。</p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
