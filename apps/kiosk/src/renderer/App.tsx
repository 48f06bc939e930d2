import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IdleCountdown } from '@hallkit/ui';
import { DOCUMENT_PROBLEM_TEXT, ticketTokenOf, type DocumentProblem } from '@hallkit/core';
import { api } from './bridge.ts';
import { useKiosk, type Screen } from './state/kioskStore.ts';
import { LinkStrip, TopBar } from './components/TopBar.tsx';
import { Attract } from './screens/Attract.tsx';
import { Home } from './screens/Home.tsx';
import { TakeTicket } from './screens/TakeTicket.tsx';
import { TicketShown } from './screens/TicketShown.tsx';
import { CheckIn } from './screens/CheckIn.tsx';
import { Requeue } from './screens/Requeue.tsx';
import { RateService } from './screens/rating/RateService.tsx';
import { Progress } from './screens/Progress.tsx';
import { Technician } from './screens/Technician.tsx';
import { say, voiceOn } from './voice.ts';
import { SpokenAlerts } from './components/SpokenAlerts.tsx';

const SCREENS: Record<Screen, () => ReactNode> = {
  attract: Attract,
  home: Home,
  take: TakeTicket,
  ticket: TicketShown,
  checkIn: CheckIn,
  requeue: Requeue,
  rate: RateService,
  progress: Progress,
  technician: Technician,
};

/**
 * The bridge replays each event's last payload to a page that (re)connects; a card read or a scan
 * is a moment, not a state, so one from before this page was loaded is ignored.
 */
const loadedAt = Date.now();

const GUIDANCE: Partial<Record<Screen, string>> = { home: 'say.home', take: 'say.take', checkIn: 'say.checkIn', progress: 'say.progress' };

export function App(): ReactNode {
  const { t, i18n } = useTranslation();
  const { screen, elder, voice, language, host, card, scanned } = useKiosk();
  const set = useKiosk((s) => s.set);
  const reset = useKiosk((s) => s.reset);
  const taps = useRef<number[]>([]);

  // Host events: state, card reads, scans.
  useEffect(() => {
    const offs = [
      api.on('state', (s) => set({ host: s })),
      api.onConnection((up) => set({ connected: up })),
      api.on('card', (c) => {
        if (c.at < loadedAt) return;
        const st = useKiosk.getState();
        if (st.screen === 'technician') return;
        // A card on the attract or home screen starts a ticket; on check-in/progress it is the input.
        // A new card is a new person: whatever the last one looked up or checked in leaves the screen.
        set({ card: c, lookup: undefined, checkIn: undefined, elder: st.elder || c.elder, ...(st.screen === 'attract' || st.screen === 'home' || st.screen === 'ticket' ? { screen: 'take', ticket: undefined } : {}) });
      }),
      api.on('cardError', (e) => e.at >= loadedAt && set({ notice: 'card.error' })),
      // A refused card ends any session on screen: the next person never sees the last one's data.
      api.on('cardRefused', (e) => e.at >= loadedAt && set({ notice: `card.refused.${e.problem}`, card: undefined, lookup: undefined, checkIn: undefined })),
      api.on('scan', (s) => {
        if (s.at < loadedAt) return;
        const st = useKiosk.getState();
        if (st.screen === 'technician') return;
        // A screen that expects a code takes it; elsewhere a scan is most likely a booking QR code.
        // A ticket's own QR code (…/m/t/…): rating a finished service (大厅评价机), or a 过号 citizen
        // coming back — the rating screen asks the center and hands a 过号 to 过号重排. Else a booking code.
        const target: Screen = ticketTokenOf(s.code) ? 'rate' : st.screen === 'progress' ? 'progress' : 'checkIn';
        set({ scanned: { code: s.code, at: s.at }, screen: target, checkIn: undefined, lookup: target === 'progress' ? undefined : st.lookup });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [set]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language, i18n]);

  // Voice guidance for each screen when the citizen asked for it (语音导航) and always in elder mode.
  const speaking = voiceOn({ voice, elder });
  useEffect(() => {
    const key = GUIDANCE[screen];
    if (speaking && key) say(t(key), language);
  }, [speaking, screen, language, t]);

  // Forget the card on the host when the session ends.
  const lastCard = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (lastCard.current && lastCard.current !== card?.session) void api.endSession({ cardSession: lastCard.current }).catch(() => undefined);
    lastCard.current = card?.session;
  }, [card]);

  const onCorner = () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((x) => now - x < 3000), now];
    if (taps.current.length >= 5) {
      taps.current = [];
      set({ screen: 'technician', technicianToken: undefined });
    }
  };

  const Current = SCREENS[screen];
  const idleSeconds = host?.idleSeconds ?? 60;
  return (
    <div className={`kiosk ${elder ? 'elder' : ''}`} data-screen={screen} data-elder={elder ? '1' : '0'}>
      <TopBar onCorner={onCorner} />
      <LinkStrip />
      <SpokenAlerts />
      <Current />
      {useKiosk.getState().notice === 'card.error' && (
        <div className="banner warn toast" role="alert" data-testid="card-error" onClick={() => set({ notice: undefined })}>
          {t('card.error')}
        </div>
      )}
      {useKiosk.getState().notice?.startsWith('card.refused.') && (
        <div className="banner warn toast" role="alert" data-testid="card-refused" data-problem={useKiosk.getState().notice?.slice(13)} onClick={() => set({ notice: undefined })}>
          {t('card.refusedLead', { reason: DOCUMENT_PROBLEM_TEXT[(useKiosk.getState().notice?.slice(13) ?? 'format') as DocumentProblem][language] })}
        </div>
      )}
      {/* In a landmark of its own: a screen reader finds the countdown, not stray text (axe `region`). */}
      {screen !== 'attract' && (
        <footer className="idle-area">
        <IdleCountdown
          seconds={screen === 'home' && !card ? idleSeconds * 2 : idleSeconds}
          warnSeconds={Math.min(10, Math.floor(idleSeconds / 3))}
          enabled
          activityKey={`${screen}|${scanned?.at ?? ''}|${card?.session ?? ''}`}
          onTimeout={() => (screen === 'home' && !card ? (reset(), set({ screen: 'attract' })) : reset())}
          label={(s) => t('idle.badge', { s })}
          prompt={t('idle.prompt')}
          continueLabel={t('idle.continue')}
        />
        </footer>
      )}
    </div>
  );
}
