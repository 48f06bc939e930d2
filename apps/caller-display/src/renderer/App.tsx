import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from './state/boardStore.ts';
import { boardView, effectiveConfig, type LayoutOverride } from './board/boardView.ts';
import { HallBoard } from './screens/HallBoard.tsx';
import { WindowStrip } from './screens/WindowStrip.tsx';
import { LedBoard } from './screens/LedBoard.tsx';

export function App({ override }: { override: LayoutOverride }) {
  const { t } = useTranslation();
  const state = useBoard((s) => s.state);
  const hostConnected = useBoard((s) => s.hostConnected);
  const fresh = useBoard((s) => s.fresh);
  const config = useMemo(() => (state ? effectiveConfig(state.config, override) : null), [state, override]);
  const view = useMemo(() => (state && config ? boardView(state, config) : null), [state, config]);
  if (!state || !config || !view) {
    return <div className="board connecting" data-testid="board-connecting">{t('board.connecting')}</div>;
  }
  const live = state.live && hostConnected;
  const props = { view, config, live, fresh };
  if (config.layout === 'window') return <WindowStrip {...props} />;
  if (config.layout === 'led') return <LedBoard {...props} />;
  return <HallBoard {...props} />;
}
