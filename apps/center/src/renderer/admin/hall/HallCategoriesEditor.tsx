// Categories with their names in the three languages and their opening hours written as the hall
// writes them (周一至周五 08:30-12:00,13:30-17:30; 周六 09:00-12:00), checked as they are typed. A
// category is removed from the draft here (its windows stop serving it); the center refuses the save
// while citizens wait for it: the reason shows at the removed category's row, with the offer to move them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOpeningHours, localName, parseOpeningHours } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { setTranslation } from './setTranslation.ts';
import { useProblemText } from './hallProblemText.ts';

export function HallCategoriesEditor(props: EditorProps) {
  const { draft } = props;
  const { t } = useTranslation();
  return (
    <>
    <AddCategory {...props} />
    <div className="table-scroll">
    <table data-testid="hall-categories" className="hall-categories">
      <thead>
        <tr>
          <th>{t('hallEditor.categories.prefix')}</th>
          <th>{t('hallEditor.categories.name')}</th>
          <th>{t('hallEditor.zones.nameTW')}</th>
          <th>{t('hallEditor.zones.nameEn')}</th>
          <th>{t('hallEditor.categories.zone')}</th>
          <th>{t('hallEditor.categories.hours')}</th>
          <th>{t('hallEditor.categories.holidays')}</th>
          <th>{t('hallEditor.categories.quota')}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {draft.catalog.categories.map((c, i) => (
          <CategoryRow key={c.id} index={i} {...props} />
        ))}
      </tbody>
    </table>
    </div>
    <RemovedCategories {...props} />
    </>
  );
}

/**
 * Categories removed from the draft whose removal the center refused (citizens still wait for them):
 * the reason in the admin's language, with the way back (the offer to move them is in the save bar).
 */
function RemovedCategories({ draft, change, problemsAt, removed }: EditorProps) {
  const { t, i18n } = useTranslation();
  // Named as the version in force names them: the draft no longer has them.
  const say = useProblemText({ ...draft, catalog: { ...draft.catalog, categories: [...draft.catalog.categories, ...removed] } });
  const refused = problemsAt(['catalog', 'categories']).filter((p) => p.code === 'strandedRemoved');
  if (refused.length === 0) return null;
  return (
    <table data-testid="hall-categories-removed">
      <tbody>
        {refused.map((p) => {
          const id = String(p.params?.categoryId ?? '');
          const back = removed.find((c) => c.id === id);
          return (
            <tr key={id} data-testid={`category-removed-${id}`}>
              <td>{back ? `${back.prefix} ${localName(back, i18n.language)}` : id}</td>
              <td>
                <span className="field-error" role="alert">
                  {say(p)}
                </span>
              </td>
              <td>
                {back && (
                  <button className="secondary" data-testid={`category-restore-${id}`} onClick={() => change((d) => void d.catalog.categories.push(structuredClone(back)))}>
                    {t('hallEditor.categories.restore')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
  const say = useProblemText(draft);
  const c = draft.catalog.categories[index];
  const [hours, setHours] = useState(c ? formatOpeningHours(c.openingHours) : '');
  if (!c) return null;
  const check = parseOpeningHours(hours);
  // Items still pointing here would be left without a category: move them first (事项). Windows
  // simply stop serving it.
  const items = draft.catalog.items.filter((it) => it.categoryId === c.id).length;
  const server = problemsAt(['catalog', 'categories', index]);
  const edit = (fn: (x: NonNullable<typeof c>) => void) => change((d) => void (d.catalog.categories[index] && fn(d.catalog.categories[index])));
  return (
    <tr data-testid={`category-${c.prefix}`}>
      <td>{c.prefix}</td>
      <td>
        <input data-testid={`category-${c.prefix}-name`} value={c.name} onChange={(e) => edit((x) => (x.name = e.target.value))} aria-invalid={c.name.trim() === ''} />
      </td>
      {(['zh-TW', 'en'] as const).map((lang) => (
        <td key={lang}>
          <input data-testid={`category-${c.prefix}-${lang}`} value={c.i18n?.[lang] ?? ''} onChange={(e) => edit((x) => setTranslation(x, lang, e.target.value))} />
        </td>
      ))}
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
            {say(check)}
          </span>
        )}
        {server.map((p, k) => (
          <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert" data-testid={`category-${c.prefix}-problem`}>
            {say(p)}
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
      <td>
        <button
          className="secondary"
          data-testid={`category-${c.prefix}-remove`}
          disabled={items > 0}
          title={items > 0 ? t('hallEditor.categories.removeBlocked', { n: items }) : undefined}
          onClick={() =>
            change((d) => {
              d.catalog.categories = d.catalog.categories.filter((x) => x.id !== c.id);
              for (const w of d.windows) w.categoryIds = w.categoryIds.filter((x) => x !== c.id);
            })
          }
        >
          {t('hallEditor.zones.remove')}
        </button>
      </td>
    </tr>
  );
}
