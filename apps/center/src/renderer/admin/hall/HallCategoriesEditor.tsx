// Categories with their opening hours written as the hall writes them
// (周一至周五 08:30-12:00,13:30-17:30; 周六 09:00-12:00), checked as they are typed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOpeningHours, parseOpeningHours } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';

export function HallCategoriesEditor(props: EditorProps) {
  const { draft } = props;
  const { t } = useTranslation();
  return (
    <>
    <AddCategory {...props} />
    <table data-testid="hall-categories">
      <thead>
        <tr>
          <th>{t('hallEditor.categories.prefix')}</th>
          <th>{t('hallEditor.categories.name')}</th>
          <th>{t('hallEditor.categories.zone')}</th>
          <th>{t('hallEditor.categories.hours')}</th>
          <th>{t('hallEditor.categories.holidays')}</th>
          <th>{t('hallEditor.categories.quota')}</th>
        </tr>
      </thead>
      <tbody>
        {draft.catalog.categories.map((c, i) => (
          <CategoryRow key={c.id} index={i} {...props} />
        ))}
      </tbody>
    </table>
    </>
  );
}

/**
 * A new category: prefix, name and zone; it starts with the hours of the first category (edit them in
 * its row) and no window — the save bar warns until a window serves it (窗口 → 办理).
 */
function AddCategory({ draft, change }: EditorProps) {
  const { t } = useTranslation();
  const [n, setN] = useState({ prefix: '', name: '', zoneId: draft.catalog.zones[0]?.id ?? '' });
  const [error, setError] = useState<string>();
  const add = () => {
    const prefix = n.prefix.trim().toUpperCase();
    if (!/^[A-Z]{1,2}$/.test(prefix)) return setError(t('hallEditor.categories.prefixRule'));
    if (draft.catalog.categories.some((c) => c.prefix === prefix)) return setError(t('hallEditor.categories.prefixTaken', { prefix }));
    if (!n.name.trim()) return setError(t('hallEditor.categories.nameRequired'));
    const id = `cat-${prefix.toLowerCase()}`;
    if (draft.catalog.categories.some((c) => c.id === id)) return setError(t('hallEditor.categories.prefixTaken', { prefix }));
    setError(undefined);
    const first = draft.catalog.categories[0];
    change((d) =>
      void d.catalog.categories.push({
        id,
        prefix,
        name: n.name.trim(),
        zoneId: n.zoneId,
        averageHandlingSeconds: first?.averageHandlingSeconds ?? 600,
        openingHours: structuredClone(first?.openingHours ?? [{ weekdays: [1, 2, 3, 4, 5], periods: [{ from: 540, to: 1020 }] }]),
        remoteDailyQuota: 0,
      }),
    );
    setN({ ...n, prefix: '', name: '' });
  };
  return (
    <fieldset className="bulk" data-testid="category-add">
      <legend>{t('hallEditor.categories.add')}</legend>
      <label>
        {t('hallEditor.categories.prefix')}
        <input data-testid="category-new-prefix" size={3} maxLength={2} value={n.prefix} onChange={(e) => setN({ ...n, prefix: e.target.value })} />
      </label>
      <label>
        {t('hallEditor.categories.name')}
        <input data-testid="category-new-name" value={n.name} onChange={(e) => setN({ ...n, name: e.target.value })} />
      </label>
      <label>
        {t('hallEditor.categories.zone')}
        <select data-testid="category-new-zone" value={n.zoneId} onChange={(e) => setN({ ...n, zoneId: e.target.value })}>
          {draft.catalog.zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </label>
      <button data-testid="category-new-add" onClick={add}>
        {t('hallEditor.categories.addButton')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function CategoryRow({ index, draft, change, problemsAt, setInvalid }: EditorProps & { index: number }) {
  const { t } = useTranslation();
  const c = draft.catalog.categories[index];
  const [hours, setHours] = useState(c ? formatOpeningHours(c.openingHours) : '');
  if (!c) return null;
  const check = parseOpeningHours(hours);
  const server = problemsAt(['catalog', 'categories', index]);
  const edit = (fn: (x: NonNullable<typeof c>) => void) => change((d) => void (d.catalog.categories[index] && fn(d.catalog.categories[index])));
  return (
    <tr data-testid={`category-${c.prefix}`}>
      <td>{c.prefix}</td>
      <td>
        <input value={c.name} onChange={(e) => edit((x) => (x.name = e.target.value))} aria-invalid={c.name.trim() === ''} />
      </td>
      <td>
        <select value={c.zoneId} onChange={(e) => edit((x) => (x.zoneId = e.target.value))}>
          {draft.catalog.zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          className="wide"
          data-testid={`category-${c.prefix}-hours`}
          value={hours}
          aria-invalid={!check.ok}
          onChange={(e) => {
            setHours(e.target.value);
            const r = parseOpeningHours(e.target.value);
            setInvalid(`c${index}.hours`, r.ok ? undefined : r.reason);
            if (r.ok) edit((x) => (x.openingHours = r.value));
          }}
        />
        {!check.ok && (
          <span className="field-error" role="alert" data-testid={`category-${c.prefix}-hours-error`}>
            {check.reason}
          </span>
        )}
        {server.map((p, k) => (
          <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
            {p.message}
          </span>
        ))}
      </td>
      <td>
        <input type="checkbox" checked={c.openOnHolidays === true} onChange={(e) => edit((x) => (e.target.checked ? (x.openOnHolidays = true) : delete x.openOnHolidays))} />
      </td>
      <td>
        <input
          type="number"
          min={1}
          value={c.dailyQuota ?? ''}
          placeholder={t('hallEditor.categories.unlimited')}
          onChange={(e) => edit((x) => (e.target.value === '' || Number(e.target.value) < 1 ? delete x.dailyQuota : (x.dailyQuota = Math.floor(Number(e.target.value)))))}
        />
      </td>
    </tr>
  );
}
