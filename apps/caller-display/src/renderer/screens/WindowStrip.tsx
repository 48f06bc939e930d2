import { useTranslation } from 'react-i18next';
import { LiveMark } from './LiveMark.tsx';
import type { ScreenProps } from './types.ts';

/** 窗口屏: above one window, its number and the ticket being served there. */
export function WindowStrip({ view, config, live, fresh }: ScreenProps) {
  const { t } = useTranslation();
  const s = view.strip;
  const flashing = view.latest !== null && fresh.has(view.latest.key) && config.flashSeconds > 0;
  const statusText = s?.status === 'paused' ? t('board.paused') : s?.status === 'closed' ? t('board.closed') : null;
  return (
    <div className="board window-strip" data-testid="board" data-layout="window">
      {/* The window's label (「绿色通道」) under its number: what a citizen looking for that window reads from afar. */}
      <div className="strip-head">
        <div className="strip-window" data-testid="strip-window">{s?.windowNumber ? t('board.windowN', { n: s.windowNumber }) : t('board.unknownWindow')}</div>
        {s?.label ? (
          <div className="strip-window-label" data-testid="strip-window-label">
            {s.label}
          </div>
        ) : null}
      </div>
      <div
        key={view.latest?.key ?? 'none'}
        className={flashing ? 'strip-number flash' : 'strip-number'}
        style={flashing ? { animationIterationCount: Math.round(config.flashSeconds * 2) } : undefined}
        data-testid="strip-number"
      >
        {statusText ?? s?.number ?? '—'}
      </div>
      <div className="strip-side">
        {/* 正在办理 only over a number being served: not beside 暂停受理, nor over an empty counter's —. */}
        {s?.number && !statusText ? <div className="strip-label">{t('board.nowServing')}</div> : null}
        {s?.green && !statusText ? (
          <div className="green-tag" data-testid="strip-green">
            {t('board.green')}
          </div>
        ) : null}
        {s?.staffName ? <div className="strip-staff">{s.staffName}</div> : null}
      </div>
      <LiveMark live={live} />
    </div>
  );
}
