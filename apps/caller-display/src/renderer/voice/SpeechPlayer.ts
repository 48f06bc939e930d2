import type { Utterance } from './announcement.ts';
import { windowNumberZh } from '@hallkit/core';

/**
 * The OS speech engine (Web Speech API) as an alternative to clips: no recordings needed, but the
 * voice depends on what the kiosk PC has installed (Windows ships zh-CN and en voices).
 */
export class SpeechPlayer {
  static available(): boolean {
    return typeof window !== 'undefined' && 'speechSynthesis' in window;
  }

  play(u: Utterance, volume: number): Promise<void> {
    return new Promise((resolve, reject) => {
      // Engines read "5号窗口" well, but a ticket's digits one by one: spell the number out.
      const text = u.lang === 'zh-CN' ? u.text.replace(/到(\d+)号窗口/, (_m, n: string) => `到${windowNumberZh(Number(n))}号窗口`) : u.text;
      const s = new SpeechSynthesisUtterance(text);
      s.lang = u.lang;
      s.volume = volume;
      s.rate = 0.9;
      const voice = window.speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(u.lang));
      if (voice) s.voice = voice;
      const guard = setTimeout(() => {
        window.speechSynthesis.cancel();
        reject(new Error('speech engine did not finish'));
      }, 20_000);
      s.onend = () => (clearTimeout(guard), resolve());
      s.onerror = (e) => (clearTimeout(guard), reject(new Error(`speech engine: ${e.error}`)));
      window.speechSynthesis.speak(s);
    });
  }
}
