// Voice guidance in elder mode: asks the host to speak (swappable there: clips, TTS, a recorder);
// where the browser has the Web Speech API it also speaks locally. Nothing depends on either.
import { api } from './bridge.ts';
import type { Language } from './state/kioskStore.ts';

export function say(text: string, language: Language): void {
  api.speak({ text, language }).catch(() => undefined);
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = language;
    u.rate = 0.9;
    synth.speak(u);
  } catch {
    // No local voice: the host's voice is the guidance.
  }
}
