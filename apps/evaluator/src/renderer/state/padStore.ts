// What the pad shows. The host's view (window, staff, the open prompt) is the truth; the renderer
// adds only the thank-you screen after a confirmed rating and the citizen's reason choices.
import { create } from 'zustand';
import type { PadView } from '../../contract.ts';

export interface PadState {
  view: PadView | undefined;
  hostConnected: boolean;
  /** The thank-you screen, shown after the host has written the rating to disk. */
  thanks: { serviceId: string; bad: boolean; until: number } | undefined;
  /** i18n key of a message shown over the current screen for a moment. */
  notice: string | undefined;
  voice: boolean;
  setView(v: PadView): void;
  setHostConnected(up: boolean): void;
  showThanks(serviceId: string, bad: boolean, ms: number): void;
  endThanks(): void;
  setNotice(key: string | undefined): void;
  toggleVoice(): void;
}

const VOICE_KEY = 'hallkit.evaluator.voice';

export const usePad = create<PadState>((set) => ({
  view: undefined,
  hostConnected: false,
  thanks: undefined,
  notice: undefined,
  voice: localStorage.getItem(VOICE_KEY) !== 'off',
  setView: (view) => set({ view }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
  showThanks: (serviceId, bad, ms) => set({ thanks: { serviceId, bad, until: Date.now() + ms }, notice: undefined }),
  endThanks: () => set({ thanks: undefined }),
  setNotice: (notice) => set({ notice }),
  toggleVoice: () =>
    set((s) => {
      localStorage.setItem(VOICE_KEY, s.voice ? 'off' : 'on');
      return { voice: !s.voice };
    }),
}));

export type Screen = 'idle' | 'rating' | 'reasons' | 'thanks';

/** Which screen: a confirmed rating's thanks first, then the open prompt, else idle. */
export function screenOf(s: Pick<PadState, 'view' | 'thanks'>): Screen {
  const p = s.view?.prompt;
  // The thank-you screen gives way at once to the next service waiting for its rating.
  if (s.thanks && (!p || p.serviceId === s.thanks.serviceId)) return 'thanks';
  if (p) return p.phase === 'reasons' ? 'reasons' : 'rating';
  return 'idle';
}
