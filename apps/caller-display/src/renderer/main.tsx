import '@hallkit/ui/fonts/cjkFonts';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectBridge } from '@hallkit/host/client';
import { callerDisplayContract } from '../contract.ts';
import type { BoardState } from '../board/BoardState.ts';
import { App } from './App.tsx';
import { i18n } from './i18n/i18n.ts';
import { useBoard } from './state/boardStore.ts';
import { CallTracker } from './board/CallTracker.ts';
import { callInScope, effectiveConfig, overrideFromQuery } from './board/boardView.ts';
import { BoardVoice } from './voice/BoardVoice.ts';
import { ClipPlayer } from './voice/ClipPlayer.ts';
import { SpeechPlayer } from './voice/SpeechPlayer.ts';
import { DEFAULT_BOARD_CONFIG } from '../board/BoardConfig.ts';
import { installTestHook } from './testHook.ts';
import { DeviceGate, watchDevice } from './device/DeviceGate.tsx';

const query = new URLSearchParams(window.location.search);
const override = overrideFromQuery(window.location.search);
// The page's language follows the board's (繁體 glyphs, screen readers); the address's `?lang=` holds
// from the first paint — the setup screen of a board that has no config yet included.
i18n.on('languageChanged', (lang) => (document.documentElement.lang = lang));
if (override.uiLanguage) void i18n.changeLanguage(override.uiLanguage);
const bridge = connectBridge(callerDisplayContract);
const report = (key: string, outcome: 'said' | 'failed' | 'skipped', detail: string) =>
  void bridge.voiceLog({ key, outcome, detail: detail.slice(0, 200) }).catch(() => undefined);

const speed = Number(query.get('voiceSpeed') ?? '1');
const clips = new ClipPlayer({
  baseUrl: new URL('clips', window.location.href.replace(/[?#].*$/, '')).href.replace(/\/$/, ''),
  hallClips: (lang) => bridge.hallClips({ lang }),
  speed: Number.isFinite(speed) && speed > 0 ? speed : 1,
});
const voice = new BoardVoice(DEFAULT_BOARD_CONFIG.voice, { clips, speech: SpeechPlayer.available() ? new SpeechPlayer() : null }, report);
const tracker = new CallTracker();

function onBoard(state: BoardState): void {
  const config = effectiveConfig(state.config, override);
  voice.setTimeZone(state.timeZone);
  voice.setConfig(query.get('voice') === 'off' ? { ...config.voice, enabled: false } : config.voice);
  if (i18n.language !== config.uiLanguage) void i18n.changeLanguage(config.uiLanguage);
  const fresh = tracker.update(state).filter((c) => callInScope(state, config, c));
  useBoard.getState().receive(state, fresh.map((c) => c.key));
  voice.announce(fresh);
}

bridge.on('board', onBoard);
bridge.onConnection((up) => useBoard.getState().setHostConnected(up));
watchDevice(bridge);
installTestHook(voice);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <DeviceGate bridge={bridge}>
        <App override={override} />
      </DeviceGate>
    </I18nextProvider>,
  );
}
