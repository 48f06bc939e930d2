import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '@hallkit/core';
import { LANGUAGES } from '@hallkit/ui';
import { useKiosk } from '../state/kioskStore.ts';

/**
 * The languages by their short names (简体 · 繁體 · EN; the full name as the title): with
 * 语音导航, 长辈模式 and 首页 they leave the hall's name room for two lines, so the bar is one row
 * in every language (English's full labels pushed the buttons onto a second row).
 */
const SHORT_LABEL: Record<(typeof LANGUAGES)[number]['code'], string> = { 'zh-CN': '简体', 'zh-TW': '繁體', en: 'EN' };

export function TopBar({ onCorner }: { onCorner: () => void }): ReactNode {
  const { t } = useTranslation();
  const { host, screen, elder, voice, language } = useKiosk();
  const set = useKiosk((s) => s.set);
  const home = useKiosk((s) => s.home);
  const go = useKiosk((s) => s.go);
  return (
    <header className="top">
      {/* The technician gesture: five taps on this corner within 3 s. */}
      <div className="tech-corner" data-testid="tech-corner" onPointerDown={onCorner} />
      <div className="hall-name">{host ? localName({ name: host.hallName, i18n: host.hallNameI18n }, language) : ''}</div>
      <div className="top-actions">
        {!elder &&
          LANGUAGES.map((l) => (
            <button type="button" key={l.code} lang={l.code} title={l.label} aria-pressed={language === l.code} className={`lang ${language === l.code ? 'on' : ''}`} data-lang={l.code} onClick={() => set({ language: l.code })}>
              {SHORT_LABEL[l.code]}
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

/**
 * 「● 离线」 with what it means, on a strip under the bar (in the bar it pushed the buttons onto a
 * second row): the center is unreachable, tickets are still issued. Also while the kiosk's own
 * service is not connected yet.
 */
export function LinkStrip(): ReactNode {
  const { t } = useTranslation();
  const { host, connected } = useKiosk();
  if (!connected)
    return (
      <div className="offline-strip" role="status">
        {t('app.notConnected')}
      </div>
    );
  if (!host || host.centerOnline) return null;
  return (
    <div className="offline-strip" role="status" data-testid="offline-mark">
      <strong>● {t('app.offline')}</strong> {t('app.offlineHint')}
    </div>
  );
}
