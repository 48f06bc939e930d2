// Spoken guidance (语音导航, and always in elder mode): the host speaks — espeak-ng's Mandarin voice
// through the kiosk's sound card — because Chromium on Linux has no speech voices. Where the host
// cannot be reached and the browser has a local voice (Windows), the browser speaks instead.
import { api } from './bridge.ts';
import { useKiosk, type Language } from './state/kioskStore.ts';

/** True when the citizen has asked for speech (语音导航) or is in elder mode. */
export const voiceOn = (s: { voice: boolean; elder: boolean }): boolean => s.voice || s.elder;

export function say(text: string, language: Language): void {
  if (!text.trim()) return;
  api.speak({ text: text.slice(0, 500), language }).catch(() => speakLocally(text, language));
}

/** Says `text` only when voice is on for this citizen. */
export function sayIfOn(text: string): void {
  const s = useKiosk.getState();
  if (voiceOn(s)) say(text, s.language);
}

function speakLocally(text: string, language: Language): void {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = language;
    u.rate = 0.9;
    synth.speak(u);
  } catch {
    // No voice at all: the screen is the guidance.
  }
}
