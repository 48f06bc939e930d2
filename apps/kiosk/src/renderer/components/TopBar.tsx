import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { LANGUAGES } from '@hallkit/ui';
import { useKiosk } from '../state/kioskStore.ts';

export function TopBar({ onCorner }: { onCorner: () => void }): ReactNode {
  const { t } = useTranslation();
  const { host, screen, elder, voice, language, connected } = useKiosk();
  const set = useKiosk((s) => s.set);
  const home = useKiosk((s) => s.home);
  const go = useKiosk((s) => s.go);
  return (
    <header className="top">
      {/* The technician gesture: five taps on this corner within 3 s. */}
      <div className="tech-corner" data-testid="tech-corner" onPointerDown={onCorner} />
      <div className="hall-name">{host ? localName({ name: host.hallName, i18n: host.hallNameI18n }, language) : ''}</div>
      <div className="top-actions">
        {host && !host.centerOnline && (
          <span className="offline-mark" data-testid="offline-mark" title={t('app.offlineHint')}>
            ● {t('app.offline')}
          </span>
        )}
        {!connected && <span className="offline-mark">{t('app.notConnected')}</span>}
        {!elder &&
          LANGUAGES.map((l) => (
            <button type="button" key={l.code} className={`lang ${language === l.code ? 'on' : ''}`} data-lang={l.code} onClick={() => set({ language: l.code })}>
              {l.label}
            </button>
          ))}
        {/* 语音导航: on every screen; elder mode always speaks, so there it shows as on and stays on. */}
        <button
          type="button"
          className={`voice-toggle ${voice || elder ? 'on' : ''}`}
          data-testid="voice-toggle"
          aria-pressed={voice || elder}
          disabled={elder}
          onClick={() => set({ voice: !voice })}
        >
          {t('top.voice')}
        </button>
        <button type="button" className={`elder-toggle ${elder ? 'on' : ''}`} data-testid="elder-toggle" onClick={() => set({ elder: !elder })}>
          {elder ? t('top.elderOn') : t('top.elder')}
        </button>
        {screen !== 'home' && screen !== 'attract' && (
          <button type="button" className="home-button" data-testid="home-button" onClick={home}>
            {t('top.home')}
          </button>
        )}
        {screen === 'attract' && (
          <button type="button" className="home-button" onClick={() => go('home')}>
            {t('top.home')}
          </button>
        )}
      </div>
    </header>
  );
}
