// Spoken prompts through the browser's speech synthesis when the pad has a voice installed; silent
// (never an error) when it has none — the screen always carries the same words.
export function speak(text: string, lang: string): void {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    u.rate = 0.9;
    synth.speak(u);
  } catch {
    // No voice engine on this pad: the prompt stays visual only.
    return;
  }
}
