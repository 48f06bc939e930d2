import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, localText } from '@hallkit/core';
import { BridgeError } from '@hallkit/host/contract';
import { api } from '../bridge.ts';
import { useKiosk } from '../state/kioskStore.ts';
import { PrinterBanner } from '../components/PrinterBanner.tsx';
import { ItemSearch } from '../components/ItemSearch.tsx';

const TAKE_FAILURES = new Set(['storage-full', 'storage-failed', 'no-offline-numbers', 'category-closed']);

/** Big tiles, one per service line, grouped by zone, with live waiting counts and estimated waits. */
export function TakeTicket(): ReactNode {
  const { t } = useTranslation();
  const { host, elder, language, card, notice } = useKiosk();
  const set = useKiosk((s) => s.set);
  const [wantedPage, setPage] = useState(0);
  const [busy, setBusy] = useState<string>();
  const [searching, setSearching] = useState(false);
  const zones = new Map((host?.zones ?? []).map((z) => [z.id, z]));
  const tiles = host?.categories ?? [];
  // As many tiles as fit the 1920 px screen with the paper banner and paging: eight Chinese names,
  // six English ones (two or three lines each — ten made the page 2,014 px); four and three, bigger,
  // in elder mode.
  // A failure message (full disk, closed line) takes a tile's room in elder mode.
  const perPage = elder ? (language === 'en' ? 3 : 4) - (notice?.startsWith('take.') ? 1 : 0) : language === 'en' ? 6 : 8;
  const pages = Math.max(1, Math.ceil(tiles.length / perPage));
  // A change of language or elder mode changes the page size: back to the first page (the tiles moved).
  useEffect(() => setPage(0), [language, elder]);
  const page = Math.min(wantedPage, pages - 1);
  const shown = tiles.slice(page * perPage, page * perPage + perPage);

  const take = async (categoryId: string, itemId?: string) => {
    if (busy) return;
    setBusy(categoryId);
    try {
      const r = await api.takeTicket({
        categoryId,
        ...(itemId ? { itemId } : {}),
        language,
        ...(card ? { cardSession: card.session } : {}),
      });
      set({ ticket: r, screen: 'ticket', notice: undefined });
    } catch (e) {
      set({ notice: `take.${e instanceof BridgeError ? e.code : 'other'}` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <main className="screen take">
      <div className="take-head">
        <h1>{t('take.title')}</h1>
        {!elder && !searching && (
          <button type="button" className="secondary" data-testid="search-open" onClick={() => setSearching(true)}>
            {t('take.search')}
          </button>
        )}
      </div>
      <PrinterBanner />
      {notice?.startsWith('take.') && (
        // What went wrong in plain words and what to do; never a code like SQLITE_FULL.
        <div className="banner warn big-text" role="alert" data-testid="take-failed" data-code={notice.slice(5)}>
          {t(TAKE_FAILURES.has(notice.slice(5)) ? `take.failed.${notice.slice(5)}` : 'take.failed.other')}
        </div>
      )}
      {!searching && (
        <div className={`tiles ${elder ? 'tiles-elder' : ''}`}>
          {shown.map((c) => {
            const z = zones.get(c.zoneId);
            return (
              <button
                type="button"
                key={c.id}
                className="tile"
                data-testid={`tile-${c.id}`}
                disabled={!c.open || !!busy}
                onClick={() => void take(c.id)}
              >
                <span className="tile-prefix">{c.prefix}</span>
                <span className="tile-name">{localName(c, language)}</span>
                <span className="tile-zone">
                  {z ? localName(z, language) : ''}
                  {z?.location ? ` · ${localText(z.location, z.locationI18n, language)}` : ''}
                </span>
                {!c.open ? (
                  <span className="tile-live">{t('take.closed')}</span>
                ) : (
                  <span className="tile-live" data-testid={`waiting-${c.id}`} data-waiting={c.waiting ?? ''}>
                    {c.waiting === null ? t('take.waitingUnknown') : t('take.waiting', { n: c.waiting })}
                    {c.waiting !== null &&
                      ` · ${c.estimatedWaitMinutes === null ? t('take.waitNone') : t('take.wait', waitOptions(c.estimatedWaitMinutes, 'm'))}`}
                  </span>
                )}
                {busy === c.id && <span className="tile-busy">{t('take.busy')}</span>}
              </button>
            );
          })}
        </div>
      )}
      {!elder && searching && (
        <>
          <ItemSearch busy={!!busy} onPick={(i) => void take(i.categoryId, i.id)} />
          <button type="button" className="secondary big" onClick={() => setSearching(false)}>
            {t('top.back')}
          </button>
        </>
      )}
      {pages > 1 && !searching && (
        <div className="pager">
          <button
            type="button"
            className="secondary big"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('take.prev')}
          </button>
          <span>
            {page + 1} / {pages}
          </span>
          <button
            type="button"
            className="secondary big"
            data-testid="next-page"
            disabled={page >= pages - 1}
            onClick={() => setPage(page + 1)}
          >
            {t('take.more')}
          </button>
        </div>
      )}
    </main>
  );
}
