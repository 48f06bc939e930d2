import { useTranslation } from 'react-i18next';
import type { ScreenProps } from './types.ts';

/**
 * LED matrix boards (e.g. 384×192): few, large glyphs in the panel's colours, no animation (a
 * scrolling or blinking element smears on a low refresh matrix), no clock seconds. No window label
 * (「绿色通道」): the 80 px line holds the number and 「N号窗口」 at 64/34 px with nothing to spare, and
 * smaller glyphs would not read on the matrix.
 */
export function LedBoard({ view, live }: ScreenProps) {
  const { t } = useTranslation();
  const latest = view.latest;
  return (
    <div className="board led-board" data-testid="board" data-layout="led">
      <div className="led-latest" data-testid="latest">
        {latest ? (
          <>
            <span className="led-number" data-testid="latest-number">{latest.number}</span>
            <span className="led-window" data-testid="latest-window">{t('board.windowN', { n: latest.windowNumber })}</span>
          </>
        ) : (
          <span className="led-window">{t('board.noCalls')}</span>
        )}
      </div>
      {view.recent.slice(0, 2).map((c) => (
        <div className="led-row" key={c.key} data-testid="recent-call">
          <span>{c.number}</span>
          <span>{t('board.windowN', { n: c.windowNumber })}</span>
        </div>
      ))}
      <div className="led-footer">
        <span>{t('board.totalWaiting', { n: view.totalWaiting })}</span>
        {live ? null : <span className="led-offline" data-testid="not-live">●</span>}
      </div>
    </div>
  );
}
