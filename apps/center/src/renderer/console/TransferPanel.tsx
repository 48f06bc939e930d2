// 转移: send the ticket at the counter to another category's line or to a named window.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../api/types.ts';

export function TransferPanel({ view, onTransfer, onCancel }: { view: WindowView; onTransfer: (to: { kind: 'category'; categoryId: string } | { kind: 'window'; windowId: string }, returnHere: boolean) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'category' | 'window'>('category');
  const [categoryId, setCategoryId] = useState(view.categories[0]?.id ?? '');
  const [windowId, setWindowId] = useState(view.windows.find((w) => w.status === 'open')?.id ?? view.windows[0]?.id ?? '');
  const [returnHere, setReturnHere] = useState(false);
  return (
    <div className="card transfer" role="dialog" aria-label={t('console.transfer')}>
      <h3>{t('console.transferTitle', { number: view.current?.number ?? '' })}</h3>
      <div className="row">
        <label>
          <input type="radio" name="kind" checked={kind === 'category'} onChange={() => setKind('category')} /> {t('console.toCategory')}
        </label>
        <select aria-label={t('console.toCategory')} value={categoryId} disabled={kind !== 'category'} onChange={(e) => setCategoryId(e.target.value)}>
          {view.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.prefix} {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <label>
          <input type="radio" name="kind" checked={kind === 'window'} onChange={() => setKind('window')} /> {t('console.toWindow')}
        </label>
        <select aria-label={t('console.toWindow')} value={windowId} disabled={kind !== 'window'} onChange={(e) => setWindowId(e.target.value)}>
          {view.windows.map((w) => (
            <option key={w.id} value={w.id}>
              {t('console.windowN', { n: w.number })} · {t(`status.${w.status}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="row">
        <input type="checkbox" checked={returnHere} onChange={(e) => setReturnHere(e.target.checked)} /> {t('console.returnHere')}
      </label>
      <div className="actions">
        <button onClick={() => onTransfer(kind === 'category' ? { kind, categoryId } : { kind, windowId }, returnHere)}>{t('console.confirmTransfer')}</button>
        <button className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
