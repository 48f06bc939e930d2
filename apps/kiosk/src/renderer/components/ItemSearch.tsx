// Find a service item (事项) by its Chinese name, typed with the pinyin keyboard (no system IME).
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { OnScreenKeyboard } from '@hallkit/ui';
import { useKiosk } from '../state/kioskStore.ts';

export function ItemSearch({ onPick, busy }: { onPick: (item: { id: string; categoryId: string }) => void; busy: boolean }): ReactNode {
  const { t } = useTranslation();
  const items = useKiosk((s) => s.host?.items);
  const elder = useKiosk((s) => s.elder);
  const language = useKiosk((s) => s.language);
  const [query, setQuery] = useState('');
  const categories = useKiosk((s) => s.host?.categories);
  // The pinyin keyboard's phrases: the hall's item and category names (and, inside them, their words:
  // "shebao" → 社保 from 社保就业), so a citizen picks a word, not one character at a time.
  const names = useMemo(() => [...(items ?? []).map((i) => i.name), ...(categories ?? []).map((c) => c.name)], [items, categories]);
  const hits = useMemo(() => {
    const q = query.replace(/\s+/g, '');
    if (!q) return [];
    const categoryName = new Map((categories ?? []).map((c) => [c.id, c.name]));
    // An item matches by its own name, or by its category's (社保 finds every 社保就业 item).
    const matches = (name: string) => name.includes(q) || [...q].every((ch) => name.includes(ch));
    const own = (items ?? []).filter((i) => matches(i.name));
    const byCategory = (items ?? []).filter((i) => !own.includes(i) && matches(categoryName.get(i.categoryId) ?? ''));
    return [...own, ...byCategory].slice(0, 6);
  }, [items, categories, query]);
  return (
    <div className="item-search" data-testid="item-search">
      <div className="code-label">{t('take.searchTitle')}</div>
      <div className="code-value" data-testid="search-value">
        {query || '\u00a0'}
      </div>
      {query.trim() && (
        <div className="search-hits">
          {hits.length === 0 && <div className="hint">{t('take.noMatch')}</div>}
          {hits.map((i) => (
            <button type="button" key={i.id} className="search-hit" data-testid={`item-${i.id}`} disabled={busy} onClick={() => onPick(i)}>
              {i.name}
              {localName(i, language) !== i.name && <span className="hit-translation"> · {localName(i, language)}</span>}
            </button>
          ))}
        </div>
      )}
      <OnScreenKeyboard
        value={query}
        onChange={setQuery}
        modes={['pinyin']}
        phrases={names}
        maxLength={20}
        large={elder}
        labels={{ space: t('keyboard.space'), backspace: t('keyboard.backspace'), clear: t('keyboard.clear') }}
      />
    </div>
  );
}
