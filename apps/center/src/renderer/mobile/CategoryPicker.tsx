// Pick a queue category and (optionally) one of its items.
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import type { HallInfo } from './api.ts';

export function CategoryPicker({
  info,
  categoryId,
  itemId,
  onChange,
  filter,
}: {
  info: HallInfo;
  categoryId: string;
  itemId: string;
  onChange: (categoryId: string, itemId: string) => void;
  filter?: (c: HallInfo['categories'][number]) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const cats = info.categories.filter(filter ?? (() => true));
  return (
    <>
      <label className="m-field">
        {t('take.category')}
        <select className="m-input" name="category" value={categoryId} onChange={(e) => onChange(e.target.value, '')}>
          <option value="">—</option>
          {cats.map((c) => (
            <option key={c.id} value={c.id}>
              {c.prefix} · {localName(c, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      {categoryId && (
        <label className="m-field">
          {t('take.item')}
          <select className="m-input" name="item" value={itemId} onChange={(e) => onChange(categoryId, e.target.value)}>
            <option value="">—</option>
            {info.items
              .filter((i) => i.categoryId === categoryId)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {localName(i, i18n.language)}
                </option>
              ))}
          </select>
        </label>
      )}
    </>
  );
}
