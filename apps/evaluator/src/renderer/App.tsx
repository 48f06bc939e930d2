import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBadReview, type EvaluationLevel } from '@hallkit/core';
import { LANGUAGES } from '@hallkit/ui';
import { BridgeError } from '@hallkit/host/contract';
import { bridge } from './state/bridge.ts';
import { screenOf, usePad } from './state/padStore.ts';
import { IdleScreen } from './screens/IdleScreen.tsx';
import { RatingScreen } from './screens/RatingScreen.tsx';
import { ReasonsScreen } from './screens/ReasonsScreen.tsx';
import { CommentInput } from './screens/CommentInput.tsx';
import { ThanksScreen } from './screens/ThanksScreen.tsx';
import { speak } from './voice.ts';
import { DeviceStatusScreen, SetupScreen, TechnicianEntry, installSetupStyles } from '@hallkit/ui/setup/index';
import { useDevice } from './state/deviceStore.ts';

installSetupStyles();

/** Setup, 设备已停用 or 设备维护中 before the pad's own screens (DeviceShell's state). */
export function App() {
  const device = useDevice((s) => s.state);
  const hostConnected = usePad((s) => s.hostConnected);
  if (hostConnected && device?.phase === 'setup') {
    return (
      <SetupScreen
        state={device}
        api={{ enrol: (i) => bridge.setupEnrol(i), checks: () => bridge.setupChecks({}), save: () => bridge.setupSave({}), cancel: () => bridge.setupCancel({}) }}
      />
    );
  }
  if (hostConnected && device?.phase === 'revoked') return <DeviceStatusScreen kind="revoked" />;
  return (
    <>
      <PadApp />
      {hostConnected && device?.locked ? <DeviceStatusScreen kind="locked" reason={device.lockReason} /> : null}
      <TechnicianEntry open={(pin) => bridge.setupOpen({ pin })} />
    </>
  );
}

const THANKS_MS = 5000;
const IDLE_LANGUAGE_MS = 60_000;
/** Codes after which the touch stays used up (the service is closed); anything else may be retried. */
const FINAL = new Set(['already-rated', 'rating-closed', 'unknown-service']);

function PadApp() {
  const { t, i18n } = useTranslation();
  const pad = usePad();
  const screen = screenOf(pad);

  // Thank-you (in the citizen's language), then idle in Simplified Chinese for the next citizen.
  useEffect(() => {
    if (!pad.thanks) return;
    const timer = setTimeout(() => {
      usePad.getState().endThanks();
      void i18n.changeLanguage('zh-CN');
    }, Math.max(0, pad.thanks.until - Date.now()));
    return () => clearTimeout(timer);
  }, [pad.thanks, i18n]);
  // A language chosen (on the idle screen before the service ends, or on the rating screen) stays
  // through the rating, or until nobody has touched the pad for a minute — on any screen: a citizen
  // who switched to English and walked away leaves the next one 简体, not a lapsed prompt later.
  const [lastTouch, setLastTouch] = useState(() => Date.now());
  useEffect(() => {
    const touched = () => setLastTouch(Date.now());
    document.addEventListener('pointerdown', touched, true);
    return () => document.removeEventListener('pointerdown', touched, true);
  }, []);
  useEffect(() => {
    if (screen === 'thanks' || i18n.language === 'zh-CN') return;
    const timer = setTimeout(() => void i18n.changeLanguage('zh-CN'), Math.max(0, lastTouch + IDLE_LANGUAGE_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [screen, lastTouch, i18n, i18n.language]);
  // The page's language for screen readers, hyphenation and the right CJK glyphs (繁體 vs 简体).
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  useEffect(() => {
    if (!pad.notice) return;
    const timer = setTimeout(() => usePad.getState().setNotice(undefined), 5000);
    return () => clearTimeout(timer);
  }, [pad.notice]);
  useEffect(() => {
    if (!pad.voice) return;
    if (screen === 'rating') speak(t('voice.prompt'), i18n.language);
    if (screen === 'reasons') speak(t('voice.reasons'), i18n.language);
    if (screen === 'thanks') speak(t('voice.thanks'), i18n.language);
  }, [screen, pad.voice, t, i18n.language]);

  const refused = (e: unknown): boolean => {
    const code = e instanceof BridgeError ? e.code : 'other';
    usePad.getState().setNotice(`error.${FINAL.has(code) || code === 'host-unreachable' ? code : 'other'}`);
    return FINAL.has(code);
  };

  const choose = async (serviceId: string, level: EvaluationLevel): Promise<boolean> => {
    try {
      const r = await bridge.rate({ serviceId, level });
      // `thanks` comes back only after the rating and its outbox event are committed to disk.
      if (r.next === 'thanks') usePad.getState().showThanks(serviceId, isBadReview(level), THANKS_MS);
      return true;
    } catch (e) {
      return refused(e);
    }
  };

  const submit = async (serviceId: string, reasons: string[], comment: string): Promise<boolean> => {
    try {
      const trimmed = comment.trim();
      await bridge.submitReasons({ serviceId, reasons, ...(trimmed ? { comment: trimmed } : {}) });
      usePad.getState().showThanks(serviceId, true, THANKS_MS);
      return true;
    } catch (e) {
      return refused(e);
    }
  };

  const view = pad.view;
  return (
    <div className={`pad screen-${screen}`} lang={i18n.language}>
      {!pad.hostConnected || !view ? (
        <main className="screen connecting" data-screen="connecting">
          <h1>{t('link.hostDown')}</h1>
        </main>
      ) : screen === 'thanks' && pad.thanks ? (
        <ThanksScreen bad={pad.thanks.bad} />
      ) : screen === 'rating' && view.prompt ? (
        <RatingScreen key={view.prompt.serviceId} prompt={view.prompt} laterDays={view.laterRatingDays} onChoose={(l) => choose(view.prompt!.serviceId, l)} />
      ) : screen === 'reasons' && view.prompt ? (
        <ReasonsScreen key={view.prompt.serviceId} prompt={view.prompt} reasons={view.reasons} onSubmit={(r, c) => submit(view.prompt!.serviceId, r, c)} commentInput={(value, onChange) => <CommentInput value={value} onChange={onChange} />} />
      ) : (
        <IdleScreen view={view} />
      )}
      {pad.notice ? (
        <div className="notice" role="alert" data-testid="notice">
          {t(pad.notice)}
        </div>
      ) : null}
      <nav className="pad-bar">
        {view && !view.link.online ? <span className="offline" data-testid="offline">{t('link.offline', { n: view.link.backlog })}</span> : <span />}
        <div className="pad-controls">
          <button type="button" className={`voice${pad.voice ? ' on' : ''}`} aria-pressed={pad.voice} onClick={() => usePad.getState().toggleVoice()}>
            {pad.voice ? t('voice.on') : t('voice.off')}
          </button>
          {LANGUAGES.map((l) => (
            <button key={l.code} type="button" className={`lang${i18n.language === l.code ? ' on' : ''}`} aria-pressed={i18n.language === l.code} data-lang={l.code} onClick={() => void i18n.changeLanguage(l.code)}>
              {l.label}
            </button>
          ))}
        </div>
      </nav>
    </div>
  );
}
