// The service item (事项) of this service, from the items of the window's categories: the ticket's
// own item preselected, narrowed by typing. What is chosen here is what 好差评 counts the rating under.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, localText } from '@hallkit/core';
import type { WindowView } from '../api/types.ts';

export function ItemPicker({ items, value, onChange }: { items: WindowView['items']; value: string | null; onChange: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  // Shown in the console's language; found by that name or the hall's Simplified one (staff know both).
  const shown = items.filter((i) => q === '' || i.id === value || [i.name, localName(i, i18n.language), i.department ?? '', localText(i.department, i.departmentI18n, i18n.language) ?? ''].some((x) => x.toLowerCase().includes(q)));
  return (
    <div className="item-picker">
      <label htmlFor="item-select">{t('counter.itemPick')}</label>
      <div className="row">
        <input type="search" placeholder={t('counter.itemSearch')} aria-label={t('counter.itemSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <select id="item-select" data-testid="item-select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('counter.noItem')}</option>
          {shown.map((i) => (
            <option key={i.id} value={i.id}>
              {localName(i, i18n.language)}
              {i.department ? ` · ${localText(i.department, i.departmentI18n, i18n.language)}` : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
