// 大厅设置: the hall definition editor. Edits a draft of the whole definition (windows by zone with a
// bulk "窗口 1-17 办理 A、B、E", categories with their hours, items, calendar), shows problems at the
// field, saves it as a new version (the center refuses anything half-valid or stranding, per field),
// lists the versions with rollback, and imports/exports the hall workbook with a preview.
import { useEffect, useState } from 'react';
import type { DefinitionProblem, HallDefinition } from '@hallkit/core';
import { api, ApiError } from '../../api/http.ts';
import type { DefinitionVersion } from '../../../server/hall/definition/HallDefinitions.ts';
import { HallWindowsEditor } from './HallWindowsEditor.tsx';
import { HallCategoriesEditor } from './HallCategoriesEditor.tsx';
import { HallItemsEditor } from './HallItemsEditor.tsx';
import { HallCalendarEditor } from './HallCalendarEditor.tsx';
import { HallWorkbookPanel } from './HallWorkbookPanel.tsx';

const PATH = '/api/admin/hall-definition';
const SECTIONS = { windows: '窗口', categories: '业务类别与办理时间', items: '事项', calendar: '节假日', versions: '版本历史', workbook: '导入 / 导出' } as const;
type Section = keyof typeof SECTIONS;

export interface EditorProps {
  draft: HallDefinition;
  change: (edit: (d: HallDefinition) => void) => void;
  /** The server's problems for a field path prefix (after a refused save). */
  problemsAt: (path: (string | number)[]) => DefinitionProblem[];
  /** Fields the admin typed something unreadable into: saving waits until they are fixed. */
  setInvalid: (key: string, reason: string | undefined) => void;
}

export function HallDefinitionPanel() {
  const [loaded, setLoaded] = useState<{ definition: HallDefinition; versions: DefinitionVersion[] }>();
  const [draft, setDraft] = useState<HallDefinition>();
  const [section, setSection] = useState<Section>('windows');
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [invalid, setInvalidMap] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const r = await api<{ definition: HallDefinition; versions: DefinitionVersion[] }>(PATH);
    setLoaded(r);
    setDraft(structuredClone(r.definition));
    setInvalidMap({});
  };
  useEffect(() => void load(), []);
  if (!loaded || !draft) return <p>…</p>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(loaded.definition);
  const change = (edit: (d: HallDefinition) => void) => {
    const next = structuredClone(draft);
    edit(next);
    setDraft(next);
    setMessage(undefined);
  };
  const setInvalid = (key: string, reason: string | undefined) =>
    setInvalidMap((m) => {
      if ((m[key] ?? undefined) === reason) return m;
      const n = { ...m };
      if (reason === undefined) delete n[key];
      else n[key] = reason;
      return n;
    });
  const problemsAt = (path: (string | number)[]) => problems.filter((p) => path.every((x, i) => p.path[i] === x));
  const save = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await api<{ version: number; warnings: DefinitionProblem[] }>(PATH, { v: 1, definition: draft, note });
      setProblems(r.warnings ?? []);
      setNote('');
      await load();
      setMessage(`已保存为版本 ${r.version}，正在下发到取号机、叫号屏和评价器。`);
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.detail.problems)) {
        setProblems(e.detail.problems as DefinitionProblem[]);
        setMessage('未保存：请按提示修改后再保存。');
      } else setMessage(`未保存：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const props: EditorProps = { draft, change, problemsAt, setInvalid };
  const errors = problems.filter((p) => p.severity === 'error');
  const blocked = Object.keys(invalid).length > 0;
  return (
    <section className="hall-definition" data-testid="hall-definition">
      <header className="hall-definition-head">
        <h2>
          {loaded.definition.catalog.hall.name} · 当前版本 {loaded.definition.version}
        </h2>
        <nav className="subtabs">
          {(Object.keys(SECTIONS) as Section[]).map((k) => (
            <button key={k} data-testid={`hall-section-${k}`} className={k === section ? 'active' : ''} onClick={() => setSection(k)}>
              {SECTIONS[k]}
            </button>
          ))}
        </nav>
      </header>
      {section === 'windows' && <HallWindowsEditor {...props} />}
      {section === 'categories' && <HallCategoriesEditor {...props} />}
      {section === 'items' && <HallItemsEditor {...props} />}
      {section === 'calendar' && <HallCalendarEditor {...props} />}
      {section === 'versions' && <Versions versions={loaded.versions} current={loaded.definition.version} onRolledBack={load} />}
      {section === 'workbook' && <HallWorkbookPanel onImported={load} />}
      {(section === 'windows' || section === 'categories' || section === 'items' || section === 'calendar') && (
        <footer className="save-bar">
          {errors.length > 0 && (
            <ul className="error" role="alert" data-testid="hall-problems">
              {errors.slice(0, 20).map((p, i) => (
                <li key={i}>
                  {p.path.length ? <code>{p.path.join('.')}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          )}
          {blocked && <p className="error">有 {Object.keys(invalid).length} 处填写有误（见红色提示），改正后才能保存。</p>}
          <input placeholder="改动说明（可选）" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
          <button data-testid="hall-save" disabled={!dirty || blocked || busy} onClick={() => void save()}>
            保存为新版本
          </button>
          <button className="secondary" disabled={!dirty || busy} onClick={() => (setDraft(structuredClone(loaded.definition)), setProblems([]), setInvalidMap({}))}>
            放弃修改
          </button>
          {message && (
            <p role="status" data-testid="hall-save-message">
              {message}
            </p>
          )}
        </footer>
      )}
    </section>
  );
}

const SECTION_NAMES: Record<string, string> = { zones: '功能区', categories: '业务类别', items: '事项', windows: '窗口', calendar: '节假日' };

function Versions({ versions, current, onRolledBack }: { versions: DefinitionVersion[]; current: number; onRolledBack: () => Promise<void> }) {
  const [msg, setMsg] = useState<string>();
  const rollback = async (version: number) => {
    if (!confirm(`回滚到版本 ${version}？（会保存为一个新版本，等候中的号不受影响）`)) return;
    try {
      const r = await api<{ version: number }>(`${PATH}/rollback`, { v: 1, version });
      setMsg(`已回滚：版本 ${version} 的内容现为版本 ${r.version}。`);
      await onRolledBack();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.detail.problems) ? (e.detail.problems as DefinitionProblem[]) : [];
      setMsg(`不能回滚：${problems.map((p) => p.message).join('；') || (e as Error).message}`);
    }
  };
  return (
    <div data-testid="hall-versions">
      {msg && <p role="status">{msg}</p>}
      <table>
        <thead>
          <tr>
            <th>版本</th>
            <th>保存时间</th>
            <th>保存人</th>
            <th>说明</th>
            <th>改动</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{new Date(v.savedAt).toLocaleString('zh-CN')}</td>
              <td>{v.savedBy}</td>
              <td>{v.note}</td>
              <td>
                {Object.entries(SECTION_NAMES)
                  .map(([k, name]) => {
                    const s = v.diff[k as 'zones'];
                    const n = s.added.length + s.changed.length + s.removed.length;
                    return n ? `${name} +${s.added.length}/~${s.changed.length}/-${s.removed.length}` : '';
                  })
                  .filter(Boolean)
                  .join('，') || (v.diff.settings.length ? v.diff.settings.join('、') : '—')}
              </td>
              <td>{v.version !== current && <button className="secondary" onClick={() => void rollback(v.version)}>回滚到此版本</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
