// 大厅设置: the hall definition editor. Edits a draft of the whole definition (hall info and zones,
// windows by zone with a bulk "窗口 1-17 办理 A、B、E", categories with their hours, items, calendar,
// policies), checks it as it is typed and shows problems at the field, saves it as a new version
// (the center refuses anything half-valid or stranding; a stranded line may be moved by choice),
// lists the versions with rollback, and imports/exports the hall workbook with a preview.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarCoverage, checkHallDefinition, localName, type DefinitionProblem, type HallDefinition, type QueueCategory, type ServiceItem, type WaitingMoveRequest } from '@hallkit/core';
import { api, ApiError } from '../../api/http.ts';
import type { DefinitionVersion } from '../../../server/hall/definition/HallDefinitions.ts';
import { HallInfoZonesEditor } from './HallInfoZonesEditor.tsx';
import { HallWindowsEditor } from './HallWindowsEditor.tsx';
import { HallCategoriesEditor } from './HallCategoriesEditor.tsx';
import { HallItemsEditor } from './HallItemsEditor.tsx';
import { HallCalendarEditor } from './HallCalendarEditor.tsx';
import { HallPoliciesEditor } from './HallPoliciesEditor.tsx';
import { HallVersions } from './HallVersions.tsx';
import { HallWorkbookPanel } from './HallWorkbookPanel.tsx';
import { StrandedLineOffer, type StrandedLine } from './StrandedLineOffer.tsx';
import { useProblemText } from './hallProblemText.ts';

const PATH = '/api/admin/hall-definition';
const SECTIONS = ['hall', 'windows', 'categories', 'items', 'calendar', 'policies', 'versions', 'workbook'] as const;
type Section = (typeof SECTIONS)[number];
const EDITING: readonly Section[] = ['hall', 'windows', 'categories', 'items', 'calendar', 'policies'];

export interface EditorProps {
  draft: HallDefinition;
  change: (edit: (d: HallDefinition) => void) => void;
  /**
   * One service item edited: only that item is copied (a hall has 1,000 and more; `change` copies the
   * whole definition, which is what made typing into an item's name lag).
   */
  changeItem: (index: number, edit: (item: ServiceItem) => void) => void;
  /** Problems at a field path prefix: the draft's own (checked as typed) and the server's last refusal. */
  problemsAt: (path: (string | number)[]) => DefinitionProblem[];
  /** Fields the admin typed something unreadable into: saving waits until they are fixed. */
  setInvalid: (key: string, reason: string | undefined) => void;
  /** Categories of the version in force that the draft no longer has (to name them, or put them back). */
  removed: QueueCategory[];
}

export function HallDefinitionPanel() {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ definition: HallDefinition; versions: DefinitionVersion[] }>();
  const [draft, setDraft] = useState<HallDefinition>();
  // Edits since the last load: the dirty check is this counter, not a comparison of two 250 KB texts
  // on every keystroke (typing into a 1,344-item hall).
  const [edits, setEdits] = useState(0);
  const [section, setSection] = useState<Section>('windows');
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [invalid, setInvalidMap] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [stranded, setStranded] = useState<StrandedLine[]>([]);

  const load = async () => {
    const r = await api<{ definition: HallDefinition; versions: DefinitionVersion[] }>(PATH);
    setLoaded(r);
    setDraft(structuredClone(r.definition));
    setEdits(0);
    setInvalidMap({});
  };
  useEffect(() => void load(), []);
  // The draft checked as the admin types (the same rules the center applies before it stores anything).
  const live = useMemo(() => (draft ? checkHallDefinition(draft) : []), [draft]);
  // Holidays for the year in force and the coming one (the hall's own calendar, never guessed).
  const coverage = useMemo(() => (draft ? calendarCoverage(draft.calendar, new Date().toISOString().slice(0, 10)) : []), [draft?.calendar]);
  const say = useProblemText(loaded?.definition);
  if (!loaded || !draft) return <p>…</p>;

  const dirty = edits > 0;
  const change = (edit: (d: HallDefinition) => void) => {
    const next = structuredClone(draft);
    edit(next);
    setDraft(next);
    setEdits((n) => n + 1);
    setMessage(undefined);
    setStranded([]);
  };
  const changeItem = (index: number, edit: (item: ServiceItem) => void) => {
    const old = draft.catalog.items[index];
    if (!old) return;
    const item = structuredClone(old);
    edit(item);
    const items = draft.catalog.items.slice();
    items[index] = item;
    setDraft({ ...draft, catalog: { ...draft.catalog, items } });
    setEdits((n) => n + 1);
    setMessage(undefined);
    setStranded([]);
  };
  const setInvalid = (key: string, reason: string | undefined) =>
    setInvalidMap((m) => {
      if ((m[key] ?? undefined) === reason) return m;
      const n = { ...m };
      if (reason === undefined) delete n[key];
      else n[key] = reason;
      return n;
    });
  const all = [...live, ...coverage, ...problems.filter((p) => !live.some((l) => l.message === p.message && l.path.join('.') === p.path.join('.')))];
  const problemsAt = (path: (string | number)[]) => all.filter((p) => path.every((x, i) => p.path[i] === x));
  const save = async (moves: WaitingMoveRequest[] = []) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await api<{ version: number; warnings: DefinitionProblem[] }>(PATH, { v: 1, definition: draft, note, moves });
      setProblems(r.warnings ?? []);
      setStranded([]);
      setNote('');
      await load();
      const moved = moves.map((m) => { const to = draft.catalog.categories.find((c) => c.id === m.toCategoryId); return t('hallEditor.move.moved', { n: stranded.find((s) => s.categoryId === m.fromCategoryId)?.waiting ?? 0, to: to ? localName(to, i18n.language) : m.toCategoryId }); });
      setMessage([t('hallEditor.save.saved', { version: r.version }), ...moved].join(' '));
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.detail.problems)) {
        const ps = e.detail.problems as DefinitionProblem[];
        setProblems(ps);
        setStranded(ps.flatMap((p) => { const c = loaded.definition.catalog.categories.find((x) => x.id === p.stranded?.categoryId); return p.stranded ? [{ ...p.stranded, name: c ? localName(c, i18n.language) : p.stranded.categoryId }] : []; }));
        setMessage(t('hallEditor.save.refused'));
      } else setMessage(t('hallEditor.save.refusedBecause', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const kept = new Set(draft.catalog.categories.map((c) => c.id));
  const removed = loaded.definition.catalog.categories.filter((c) => !kept.has(c.id));
  const props: EditorProps = { draft, change, changeItem, problemsAt, setInvalid, removed };
  const errors = all.filter((p) => p.severity === 'error');
  const liveErrors = live.filter((p) => p.severity === 'error').length;
  const blocked = Object.keys(invalid).length > 0 || liveErrors > 0;
  return (
    <section className="hall-definition" data-testid="hall-definition">
      <header className="hall-definition-head">
        <h2>{t('hallEditor.head', { name: loaded.definition.catalog.hall.name, version: loaded.definition.version })}</h2>
        <nav className="subtabs">
          {SECTIONS.map((k) => (
            <button key={k} data-testid={`hall-section-${k}`} className={k === section ? 'active' : ''} onClick={() => setSection(k)}>
              {t(`hallEditor.sections.${k}`)}
            </button>
          ))}
        </nav>
        {coverage.map((p, i) => (
          <p key={i} className="calendar-coverage" role="status" data-testid="hall-calendar-coverage">
            {say(p)}{' '}
            {section !== 'calendar' && (
              <button className="secondary" onClick={() => setSection('calendar')}>
                {t('hallEditor.sections.calendar')}
              </button>
            )}
          </p>
        ))}
      </header>
      {section === 'hall' && <HallInfoZonesEditor {...props} />}
      {section === 'windows' && <HallWindowsEditor {...props} />}
      {section === 'categories' && <HallCategoriesEditor {...props} />}
      {section === 'items' && <HallItemsEditor {...props} />}
      {section === 'calendar' && <HallCalendarEditor {...props} />}
      {section === 'policies' && <HallPoliciesEditor {...props} />}
      {section === 'versions' && <HallVersions path={PATH} versions={loaded.versions} current={loaded.definition.version} onRolledBack={load} />}
      {section === 'workbook' && <HallWorkbookPanel onImported={load} />}
      {EDITING.includes(section) && (
        <footer className="save-bar">
          {errors.length > 0 && (
            <ul className="error" role="alert" data-testid="hall-problems">
              {errors.slice(0, 20).map((p, i) => (
                <li key={i}>
                  {p.path.length ? <code>{p.path.join('.')}</code> : null} {say(p)}
                </li>
              ))}
            </ul>
          )}
          {stranded.length > 0 && <StrandedLineOffer lines={stranded} draft={draft} busy={busy} onMove={(m) => void save(m)} onCancel={() => setStranded([])} />}
          {blocked && <p className="error">{t('hallEditor.save.invalidN', { n: Object.keys(invalid).length + liveErrors })}</p>}
          <input placeholder={t('hallEditor.save.note')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
          <button data-testid="hall-save" disabled={!dirty || blocked || busy} onClick={() => void save()}>
            {t('hallEditor.save.save')}
          </button>
          <button className="secondary" disabled={!dirty || busy} onClick={() => (setDraft(structuredClone(loaded.definition)), setEdits(0), setProblems([]), setInvalidMap({}), setStranded([]))}>
            {t('hallEditor.save.discard')}
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
