// 转办: send the ticket at the counter to a category's line or to an OPEN window, chosen from a list
// grouped by zone and narrowed by typing (a window number, a zone or a category name) — not 288 rows.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, localText } from '@hallkit/core';
import type { WindowView } from '../api/types.ts';
import { Dialog } from './Dialog.tsx';

type Target = { kind: 'category'; categoryId: string } | { kind: 'window'; windowId: string };

export function TransferPanel({ view, onTransfer, onCancel }: { view: WindowView; onTransfer: (to: Target, returnHere: boolean) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [returnHere, setReturnHere] = useState(false);
  const zoneName = useMemo(() => new Map(view.zones.map((z) => [z.id, localName(z, i18n.language)])), [view.zones, i18n.language]);
  const categoryName = useMemo(() => new Map(view.categories.map((c) => [c.id, localName(c, i18n.language)])), [view.categories, i18n.language]);
  const servedBy = (w: WindowView['windows'][number]) => w.categoryIds.map((c) => categoryName.get(c) ?? c);
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => {
    const match = (...texts: string[]) => q === '' || texts.some((x) => x.toLowerCase().includes(q));
    return view.zones
      .map((z) => ({
        zone: z,
        categories: view.categories.filter((c) => c.zoneId === z.id && match(c.name, localName(c, i18n.language), c.prefix, z.name, localName(z, i18n.language))),
        windows: view.windows.filter((w) => w.zoneId === z.id && match(String(w.number), t('console.windowN', { n: w.number }), z.name, localName(z, i18n.language), ...servedBy(w), ...w.categoryIds.map((c) => view.categories.find((x) => x.id === c)?.name ?? c))),
      }))
      .filter((g) => g.categories.length > 0 || g.windows.length > 0);
  }, [view.zones, view.categories, view.windows, q, t, i18n.language, categoryName]);
  const isChosen = (x: Target) => JSON.stringify(x) === JSON.stringify(target);
  return (
    <Dialog title={t('console.transferTitle', { number: view.current?.number ?? '' })} onCancel={onCancel} testId="transfer-dialog">
      <input className="search" type="search" data-autofocus placeholder={t('counter.transferSearch')} aria-label={t('counter.transferSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="transfer-list" role="group" aria-label={t('counter.chooseTarget')}>
        {groups.length === 0 && <p className="note">{t('counter.noMatch')}</p>}
        {groups.map((g) => (
          <section key={g.zone.id} className="zone-group" aria-labelledby={`zone-${g.zone.id}`}>
            <h3 id={`zone-${g.zone.id}`}>{zoneName.get(g.zone.id)}</h3>
            <div className="targets">
              {g.categories.map((c) => {
                const to: Target = { kind: 'category', categoryId: c.id };
                return (
                  <button key={c.id} aria-pressed={isChosen(to)} className={`target ${isChosen(to) ? 'chosen' : ''}`} onClick={() => setTarget(to)} data-testid={`to-category-${c.id}`}>
                    {c.prefix} {localName(c, i18n.language)} <small>{t('admin.waiting')} {c.waiting}</small>
                  </button>
                );
              })}
              {g.windows.map((w) => {
                const to: Target = { kind: 'window', windowId: w.id };
                const paused = w.status !== 'open';
                return (
                  <button
                    key={w.id}
                    aria-pressed={isChosen(to)}
                    disabled={paused}
                    className={`target window ${isChosen(to) ? 'chosen' : ''}`}
                    onClick={() => setTarget(to)}
                    title={servedBy(w).join(i18n.language === 'en' ? ', ' : '、')}
                    data-testid={`to-window-${w.id}`}
                  >
                    {t('console.windowN', { n: w.number })} {w.label ? <small className="window-label">{localText(w.label, w.labelI18n, i18n.language)}</small> : null} {paused && <small>{t('counter.pausedWindow')}</small>}
                  </button>
                );
              })}
            </div>
          </section>
        ))}
      </div>
      {view.closedWindows > 0 && <p className="note">{t('counter.closedNotListed', { n: view.closedWindows })}</p>}
      <label className="row">
        <input type="checkbox" checked={returnHere} onChange={(e) => setReturnHere(e.target.checked)} /> {t('console.returnHere')}
      </label>
      <div className="actions">
        <button className="primary" disabled={!target} onClick={() => target && onTransfer(target, returnHere)} data-testid="confirm-transfer">
          {t('console.confirmTransfer')}
        </button>
        <button className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
