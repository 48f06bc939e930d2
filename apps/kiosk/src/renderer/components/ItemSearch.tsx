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
  const names = useMemo(() => (items ?? []).map((i) => i.name), [items]);
  const hits = useMemo(() => {
    const q = query.trim();
    return q ? (items ?? []).filter((i) => i.name.includes(q) || [...q].every((ch) => i.name.includes(ch))).slice(0, 6) : [];
  }, [items, query]);
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
