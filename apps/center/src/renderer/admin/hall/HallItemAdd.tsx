// A new 事项: its 事项编码 (the province's 实施清单编码, what 好差评 reports it under), name, category and
// department — an existing one picked or a new one typed — with the department's code if it has none.
// The item is checked by the same rules as the draft (duplicate code, blank name, unknown category…),
// problems shown at the form's fields, and only an item without an error is added to the draft.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkHallDefinition, localName, type DefinitionProblem, type ServiceItem } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { useProblemText } from './hallProblemText.ts';

type Field = 'code' | 'name' | 'categoryId' | 'department' | 'departmentCode';

/** The item's id from its code: lower-case letters, digits and hyphens, made unique in the hall. */
export function itemIdFor(code: string, taken: ReadonlySet<string>): string {
  const base = code.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function HallItemAdd({ draft, change, onAdded }: Pick<EditorProps, 'draft' | 'change'> & { onAdded: (item: ServiceItem) => void }) {
  const { t, i18n } = useTranslation();
  const say = useProblemText(draft);
  const [n, setN] = useState({ code: '', name: '', categoryId: draft.catalog.categories[0]?.id ?? '', department: '', departmentCode: '' });
  const [problems, setProblems] = useState<{ field: Field; text: string; error: boolean }[]>([]);
  const [added, setAdded] = useState<string>();
  // The departments the hall has, each with what its items carry (code, translations) for a new one.
  const departments = useMemo(() => {
    const m = new Map<string, ServiceItem>();
    for (const it of draft.catalog.items) if (it.department && !m.has(it.department)) m.set(it.department, it);
    return m;
  }, [draft.catalog.items]);
  const known = departments.get(n.department.trim());
  const add = () => {
    const code = n.code.trim();
    setAdded(undefined);
    if (!code) return setProblems([{ field: 'code', text: t('hallEditor.items.codeRequired'), error: true }]);
    const department = n.department.trim();
    const departmentCode = n.departmentCode.trim() || known?.departmentCode;
    const item: ServiceItem = {
      id: itemIdFor(code, new Set(draft.catalog.items.map((i) => i.id))),
      name: n.name.trim(),
      categoryId: n.categoryId,
      code,
      ...(department ? { department } : {}),
      ...(departmentCode ? { departmentCode } : {}),
      // A known department keeps its translations: one text for all its items.
      ...(known?.departmentI18n ? { departmentI18n: structuredClone(known.departmentI18n) } : {}),
    };
    const index = draft.catalog.items.length;
    const next = { ...draft, catalog: { ...draft.catalog, items: [...draft.catalog.items, item] } };
    const mine = checkHallDefinition(next).filter((p: DefinitionProblem) => p.path[1] === 'items' && p.path[2] === index);
    const shown = mine.map((p) => ({ field: fieldOf(p), text: say(p), error: p.severity === 'error' }));
    setProblems(shown);
    if (shown.some((p) => p.error)) return;
    change((d) => void d.catalog.items.push(item));
    setN({ ...n, code: '', name: '', departmentCode: '' });
    setAdded(localName(item, i18n.language));
    onAdded(item);
  };
  const at = (f: Field) => problems.filter((p) => p.field === f);
  const shownAt = (f: Field) =>
    at(f).map((p, k) => (
      <span key={k} className={p.error ? 'field-error' : 'field-warning'} role="alert">
        {p.text}
      </span>
    ));
  const input = (f: 'code' | 'name' | 'departmentCode', label: string, extra: { placeholder?: string; title?: string } = {}) => (
    <label>
      {label}
      <input data-testid={`item-new-${f}`} className={f === 'name' ? undefined : 'item-code'} value={n[f]} aria-invalid={at(f).some((p) => p.error)} {...extra} onChange={(e) => setN({ ...n, [f]: e.target.value })} />
      {shownAt(f)}
    </label>
  );
  return (
    <fieldset className="bulk item-add" data-testid="item-add">
      <legend>{t('hallEditor.items.add')}</legend>
      {input('code', t('hallEditor.items.code'), { title: t('hallEditor.items.codeHint'), placeholder: '11370600MB2855203L…' })}
      {input('name', t('hallEditor.items.name'))}
      <label>
        {t('hallEditor.items.category')}
        <select data-testid="item-new-category" value={n.categoryId} onChange={(e) => setN({ ...n, categoryId: e.target.value })}>
          {draft.catalog.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.prefix} {localName(c, i18n.language)}
            </option>
          ))}
        </select>
        {shownAt('categoryId')}
      </label>
      <label>
        {t('hallEditor.items.department')}
        <input data-testid="item-new-department" list="item-new-departments" value={n.department} placeholder={t('hallEditor.items.departmentHint')} onChange={(e) => setN({ ...n, department: e.target.value })} />
        <datalist id="item-new-departments">
          {[...departments.keys()].map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        {shownAt('department')}
      </label>
      {input('departmentCode', t('hallEditor.items.departmentCode'), { placeholder: known?.departmentCode ?? '' })}
      <button data-testid="item-new-add" onClick={add}>
        {t('hallEditor.items.addButton')}
      </button>
      {added && (
        <span role="status" data-testid="item-new-added">
          {t('hallEditor.items.added', { name: added })}
        </span>
      )}
    </fieldset>
  );
}

/** The form field a problem of the new item belongs to (its name takes whatever has no field here). */
function fieldOf(p: DefinitionProblem): Field {
  const f = p.path[3];
  if (f === 'code' || f === 'categoryId' || f === 'departmentCode') return f;
  if (f === 'department' || f === 'departmentI18n') return 'department';
  return 'name';
}
