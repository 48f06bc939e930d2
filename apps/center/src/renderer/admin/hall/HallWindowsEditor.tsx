// Windows grouped by zone, each with the categories it serves (as prefixes: A、B、E) and its calling
// rule; and the bulk change a hall admin actually makes: "窗口 1-17 办理 A、B、E".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatCallingRule, localName, localText, parseCallingRule, parseWindowNumbers, splitList, TRANSLATION_MAX, type HallDefinition } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { useProblemText } from './hallProblemText.ts';
import { TranslationCells } from './TranslationCells.tsx';

/** Prefixes → category ids, or the reason why not. */
export function categoriesOf(def: HallDefinition, text: string, t: TFunction): { ok: true; ids: string[] } | { ok: false; reason: string } {
  const byPrefix = new Map(def.catalog.categories.map((c) => [c.prefix, c.id]));
  const prefixes = splitList(text.toUpperCase());
  if (prefixes.length === 0) return { ok: false, reason: t('hallEditor.categories.atLeastOne') };
  const unknown = prefixes.filter((p) => !byPrefix.has(p));
  if (unknown.length) return { ok: false, reason: t('hallEditor.categories.unknownPrefix', { list: unknown.join('、') }) };
  return { ok: true, ids: prefixes.map((p) => byPrefix.get(p) as string) };
}

export function HallWindowsEditor({ draft, change, problemsAt, setInvalid }: EditorProps) {
  const { t, i18n } = useTranslation();
  const say = useProblemText(draft);
  const prefixOf = new Map(draft.catalog.categories.map((c) => [c.id, c.prefix]));
  const [bulk, setBulk] = useState({ numbers: '', categories: '' });
  const [bulkError, setBulkError] = useState<{ numbers?: string; categories?: string }>({});
  const [bulkDone, setBulkDone] = useState<string>();
  // Rows keep what is being typed; a bulk change starts them again from the draft.
  const [generation, setGeneration] = useState(0);
  const applyBulk = () => {
    const ns = parseWindowNumbers(bulk.numbers);
    const cats = categoriesOf(draft, bulk.categories, t);
    const known = new Set(draft.windows.map((w) => w.number));
    const err = {
      ...(!ns.ok ? { numbers: say(ns) } : ns.value.length === 0 ? { numbers: t('hallEditor.windows.enterNumbers') } : ns.value.some((n) => !known.has(n)) ? { numbers: t('hallEditor.windows.noSuchWindows', { list: ns.value.filter((n) => !known.has(n)).slice(0, 5).join('、') }) } : {}),
      ...(!cats.ok ? { categories: cats.reason } : {}),
    };
    setBulkError(err);
    if (!ns.ok || !cats.ok || err.numbers) return;
    const set = new Set(ns.value);
    change((d) => d.windows.forEach((w) => set.has(w.number) && (w.categoryIds = cats.ids)));
    setGeneration((g) => g + 1);
    setBulkDone(t('hallEditor.windows.bulkDone', { n: set.size, cats: bulk.categories }));
  };
  return (
    <div className="hall-windows" data-testid="hall-windows">
      <fieldset className="bulk">
        <legend>{t('hallEditor.windows.bulk')}</legend>
        <label>
          {t('hallEditor.windows.windows')}
          <input data-testid="bulk-windows" placeholder="1-17、20" value={bulk.numbers} onChange={(e) => setBulk({ ...bulk, numbers: e.target.value })} aria-invalid={Boolean(bulkError.numbers)} />
          {bulkError.numbers && <span className="field-error" role="alert">{bulkError.numbers}</span>}
        </label>
        <label>
          {t('hallEditor.windows.serves')}
          <input data-testid="bulk-categories" placeholder="A、B、E" value={bulk.categories} onChange={(e) => setBulk({ ...bulk, categories: e.target.value })} aria-invalid={Boolean(bulkError.categories)} />
          {bulkError.categories && <span className="field-error" role="alert">{bulkError.categories}</span>}
        </label>
        <button data-testid="bulk-apply" onClick={applyBulk}>{t('hallEditor.windows.apply')}</button>
        {bulkDone && <span role="status">{bulkDone}</span>}
      </fieldset>
      {draft.catalog.zones.map((z) => {
        const windows = draft.windows.map((w, i) => ({ w, i })).filter(({ w }) => w.zoneId === z.id);
        if (windows.length === 0) return null;
        return (
          <details key={z.id} open>
            <summary>
              {t('hallEditor.windows.zone', { zone: localName(z, i18n.language), location: localText(z.location, z.locationI18n, i18n.language) ?? '', n: windows.length })}
            </summary>
            <table>
              <thead>
                <tr>
                  <th>{t('hallEditor.windows.number')}</th>
                  <th>{t('hallEditor.windows.label')}</th>
                  <th>{t('hallEditor.windows.labelTW')}</th>
                  <th>{t('hallEditor.windows.labelEn')}</th>
                  <th>{t('hallEditor.windows.categories')}</th>
                  <th>{t('hallEditor.windows.rule')}</th>
                </tr>
              </thead>
              <tbody>
                {windows.map(({ w, i }) => (
                  <WindowRow key={`${w.id}/${generation}`} index={i} text={w.categoryIds.map((id) => prefixOf.get(id) ?? id).join('、')} rule={formatCallingRule(w.rule)} label={w.label ?? ''} number={w.number} {...{ draft, change, problemsAt, setInvalid }} />
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </div>
  );
}

function WindowRow({ index, number, text, rule, label, draft, change, problemsAt, setInvalid }: Pick<EditorProps, 'draft' | 'change' | 'problemsAt' | 'setInvalid'> & { index: number; number: number; text: string; rule: string; label: string }) {
  const { t } = useTranslation();
  const say = useProblemText(draft);
  const [cats, setCats] = useState(text);
  const [ruleText, setRuleText] = useState(rule);
  const catCheck = categoriesOf(draft, cats, t);
  const ruleCheck = parseCallingRule(ruleText);
  const all = problemsAt(['windows', index]);
  const server = all.filter((p) => p.path[2] !== 'labelI18n');
  const labelI18n = draft.windows[index]?.labelI18n;
  return (
    <tr data-testid={`window-${number}`}>
      <td>{number}</td>
      <td>
        <input data-testid={`window-${number}-label`} value={label} maxLength={20} onChange={(e) => change((d) => { const w = d.windows[index]; if (w) { if (e.target.value) w.label = e.target.value; else delete w.label; } })} />
      </td>
      <TranslationCells
        testId={`window-${number}-label`}
        value={labelI18n}
        max={TRANSLATION_MAX.label}
        problems={all.filter((p) => p.path[2] === 'labelI18n')}
        labels={{ 'zh-TW': t('hallEditor.windows.labelTW'), en: t('hallEditor.windows.labelEn') }}
        onChange={(tr) => change((d) => { const w = d.windows[index]; if (w) { if (tr) w.labelI18n = tr; else delete w.labelI18n; } })}
      />
      <td>
        <input
          data-testid={`window-${number}-categories`}
          value={cats}
          aria-invalid={!catCheck.ok}
          onChange={(e) => {
            setCats(e.target.value);
            const r = categoriesOf(draft, e.target.value, t);
            setInvalid(`w${index}.c`, r.ok ? undefined : r.reason);
            if (r.ok) change((d) => void (d.windows[index] && (d.windows[index].categoryIds = r.ids)));
          }}
        />
        {!catCheck.ok && <span className="field-error" role="alert">{catCheck.reason}</span>}
        {server.map((p, k) => <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">{say(p)}</span>)}
      </td>
      <td>
        <input
          value={ruleText}
          aria-invalid={!ruleCheck.ok}
          onChange={(e) => {
            setRuleText(e.target.value);
            const r = parseCallingRule(e.target.value);
            setInvalid(`w${index}.r`, r.ok ? undefined : r.reason);
            if (r.ok) change((d) => void (d.windows[index] && (d.windows[index].rule = r.value)));
          }}
        />
        {!ruleCheck.ok && <span className="field-error" role="alert">{say(ruleCheck)}</span>}
      </td>
    </tr>
  );
}
