// Windows grouped by zone, each with the categories it serves (as prefixes: A、B、E) and its calling
// rule; and the bulk change a hall admin actually makes: "窗口 1-17 办理 A、B、E".
import { useState } from 'react';
import { formatCallingRule, parseCallingRule, parseWindowNumbers, splitList, type HallDefinition } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';

/** Prefixes → category ids, or the reason why not. */
export function categoriesOf(def: HallDefinition, text: string): { ok: true; ids: string[] } | { ok: false; reason: string } {
  const byPrefix = new Map(def.catalog.categories.map((c) => [c.prefix, c.id]));
  const prefixes = splitList(text.toUpperCase());
  if (prefixes.length === 0) return { ok: false, reason: '至少办理一个业务类别' };
  const unknown = prefixes.filter((p) => !byPrefix.has(p));
  if (unknown.length) return { ok: false, reason: `没有前缀为 ${unknown.join('、')} 的业务类别` };
  return { ok: true, ids: prefixes.map((p) => byPrefix.get(p) as string) };
}

export function HallWindowsEditor({ draft, change, problemsAt, setInvalid }: EditorProps) {
  const prefixOf = new Map(draft.catalog.categories.map((c) => [c.id, c.prefix]));
  const [bulk, setBulk] = useState({ numbers: '', categories: '' });
  const [bulkError, setBulkError] = useState<{ numbers?: string; categories?: string }>({});
  const [bulkDone, setBulkDone] = useState<string>();
  // Rows keep what is being typed; a bulk change starts them again from the draft.
  const [generation, setGeneration] = useState(0);
  const applyBulk = () => {
    const ns = parseWindowNumbers(bulk.numbers);
    const cats = categoriesOf(draft, bulk.categories);
    const known = new Set(draft.windows.map((w) => w.number));
    const err = {
      ...(!ns.ok ? { numbers: ns.reason } : ns.value.length === 0 ? { numbers: '请填写窗口号' } : ns.value.some((n) => !known.has(n)) ? { numbers: `没有窗口 ${ns.value.filter((n) => !known.has(n)).slice(0, 5).join('、')}` } : {}),
      ...(!cats.ok ? { categories: cats.reason } : {}),
    };
    setBulkError(err);
    if (!ns.ok || !cats.ok || err.numbers) return;
    const set = new Set(ns.value);
    change((d) => d.windows.forEach((w) => set.has(w.number) && (w.categoryIds = cats.ids)));
    setGeneration((g) => g + 1);
    setBulkDone(`已设置 ${set.size} 个窗口办理 ${bulk.categories}（保存后生效）`);
  };
  return (
    <div data-testid="hall-windows">
      <fieldset className="bulk">
        <legend>批量设置</legend>
        <label>
          窗口
          <input data-testid="bulk-windows" placeholder="1-17、20" value={bulk.numbers} onChange={(e) => setBulk({ ...bulk, numbers: e.target.value })} aria-invalid={Boolean(bulkError.numbers)} />
          {bulkError.numbers && <span className="field-error" role="alert">{bulkError.numbers}</span>}
        </label>
        <label>
          办理
          <input data-testid="bulk-categories" placeholder="A、B、E" value={bulk.categories} onChange={(e) => setBulk({ ...bulk, categories: e.target.value })} aria-invalid={Boolean(bulkError.categories)} />
          {bulkError.categories && <span className="field-error" role="alert">{bulkError.categories}</span>}
        </label>
        <button data-testid="bulk-apply" onClick={applyBulk}>应用</button>
        {bulkDone && <span role="status">{bulkDone}</span>}
      </fieldset>
      {draft.catalog.zones.map((z) => {
        const windows = draft.windows.map((w, i) => ({ w, i })).filter(({ w }) => w.zoneId === z.id);
        if (windows.length === 0) return null;
        return (
          <details key={z.id} open>
            <summary>
              {z.name}（{z.location ?? ''}）· {windows.length} 个窗口
            </summary>
            <table>
              <thead>
                <tr>
                  <th>窗口号</th>
                  <th>标签</th>
                  <th>办理业务（前缀）</th>
                  <th>叫号规则</th>
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

function WindowRow({ index, number, text, rule, label, draft, change, problemsAt, setInvalid }: EditorProps & { index: number; number: number; text: string; rule: string; label: string }) {
  const [cats, setCats] = useState(text);
  const [ruleText, setRuleText] = useState(rule);
  const catCheck = categoriesOf(draft, cats);
  const ruleCheck = parseCallingRule(ruleText);
  const server = problemsAt(['windows', index]);
  return (
    <tr data-testid={`window-${number}`}>
      <td>{number}</td>
      <td>
        <input value={label} maxLength={20} onChange={(e) => change((d) => { const w = d.windows[index]; if (w) { if (e.target.value) w.label = e.target.value; else delete w.label; } })} />
      </td>
      <td>
        <input
          data-testid={`window-${number}-categories`}
          value={cats}
          aria-invalid={!catCheck.ok}
          onChange={(e) => {
            setCats(e.target.value);
            const r = categoriesOf(draft, e.target.value);
            setInvalid(`w${index}.c`, r.ok ? undefined : r.reason);
            if (r.ok) change((d) => void (d.windows[index] && (d.windows[index].categoryIds = r.ids)));
          }}
        />
        {!catCheck.ok && <span className="field-error" role="alert">{catCheck.reason}</span>}
        {server.map((p, k) => <span key={k} className="field-error" role="alert">{p.message}</span>)}
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
        {!ruleCheck.ok && <span className="field-error" role="alert">{ruleCheck.reason}</span>}
      </td>
    </tr>
  );
}
