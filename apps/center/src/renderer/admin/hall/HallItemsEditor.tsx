// Service items (事项): a hall has a thousand and more, so the list is searched and paged.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { setTranslation } from './setTranslation.ts';
import { useProblemText } from './hallProblemText.ts';
import { HallDepartmentsEditor } from './HallDepartmentsEditor.tsx';
import { HallItemAdd } from './HallItemAdd.tsx';

const PAGE = 50;

export function HallItemsEditor({ draft, change, changeItem, problemsAt }: EditorProps) {
  const { t, i18n } = useTranslation();
  const say = useProblemText(draft);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const prefixOf = new Map(draft.catalog.categories.map((c) => [c.id, c.prefix]));
  const found = draft.catalog.items.map((it, i) => ({ it, i })).filter(({ it }) => !q || it.name.includes(q) || it.id.includes(q) || (it.code ?? '').includes(q) || (it.department ?? '').includes(q) || Object.values(it.i18n ?? {}).some((n) => n.toLowerCase().includes(q.toLowerCase())));
  const pages = Math.max(1, Math.ceil(found.length / PAGE));
  const shown = found.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div data-testid="hall-items" className="hall-items">
      {/* A new item is found at once: the list is searched for it (it is the last of 1,000 and more). */}
      <HallItemAdd draft={draft} change={change} onAdded={(it) => (setQ(it.id), setPage(0))} />
      <input type="search" data-testid="items-search" placeholder={t('hallEditor.items.search')} value={q} onChange={(e) => (setQ(e.target.value), setPage(0))} />
      <span>
        {t('hallEditor.items.count', { n: found.length, page: page + 1, pages })}
      </span>
      <button className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('hallEditor.items.prev')}</button>
      <button className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('hallEditor.items.next')}</button>
      <table className="items-table">
        <thead>
          <tr>
            <th>{t('hallEditor.items.code')}</th>
            <th>{t('hallEditor.items.name')}</th>
            <th>{t('hallEditor.zones.nameTW')}</th>
            <th>{t('hallEditor.zones.nameEn')}</th>
            <th>{t('hallEditor.items.department')}</th>
            <th>{t('hallEditor.items.category')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {shown.map(({ it, i }) => (
            <tr key={it.id} data-testid={`item-${it.id}`}>
              <td>
                <input
                  className="item-code"
                  data-testid={`item-${it.id}-code`}
                  aria-label={t('hallEditor.items.code')}
                  title={t('hallEditor.items.codeHint')}
                  value={it.code ?? ''}
                  aria-invalid={problemsAt(['catalog', 'items', i, 'code']).some((p) => p.severity === 'error')}
                  onChange={(e) => changeItem(i, (x) => (e.target.value.trim() ? (x.code = e.target.value) : delete x.code))}
                />
                {problemsAt(['catalog', 'items', i, 'code']).map((p, k) => (
                  <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
                    {say(p)}
                  </span>
                ))}
                <small className="item-id">{t('hallEditor.items.id', { id: it.id })}</small>
              </td>
              <td>
                <input data-testid={`item-${it.id}-name`} value={it.name} aria-invalid={it.name.trim() === ''} onChange={(e) => changeItem(i, (x) => (x.name = e.target.value))} />
                {problemsAt(['catalog', 'items', i]).filter((p) => !['departmentI18n', 'departmentCode', 'code'].includes(String(p.path[3]))).map((p, k) => (
                  <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
                    {say(p)}
                  </span>
                ))}
              </td>
              {(['zh-TW', 'en'] as const).map((lang) => (
                <td key={lang}>
                  <input data-testid={`item-${it.id}-${lang}`} value={it.i18n?.[lang] ?? ''} onChange={(e) => changeItem(i, (x) => setTranslation(x, lang, e.target.value))} />
                </td>
              ))}
              <td>{it.department}</td>
              <td>
                <select value={it.categoryId} onChange={(e) => changeItem(i, (x) => (x.categoryId = e.target.value))}>
                  {draft.catalog.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {prefixOf.get(c.id)} {localName(c, i18n.language)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button className="secondary" data-testid={`item-${it.id}-remove`} onClick={() => change((d) => void (d.catalog.items = d.catalog.items.filter((x) => x.id !== it.id)))}>
                  {t('hallEditor.zones.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <HallDepartmentsEditor draft={draft} change={change} problemsAt={problemsAt} />
    </div>
  );
}
