// What the kiosk says aloud: voice guidance (语音导航, always in elder mode), the ticket, errors,
// paper out and the idle warning. Chromium on Linux has no speech voices, so the host speaks:
// espeak-ng's Mandarin pinyin voice in a child process, played through the device's sound card
// (or written to files on a machine without one). Every utterance is also kept and logged.
import { audioOutFromEnv, Espeak, type AudioOut, type SoundCard, type SpeechLanguage } from '@hallkit/host';

export interface Utterance {
  text: string;
  language: SpeechLanguage;
  at: number;
}

export interface Voice {
  speak(u: Utterance): void | Promise<void>;
  stop?(): void;
}

/** Keeps the last utterances (for tests and the technician screen) and logs them. */
export class RecordingVoice implements Voice {
  readonly said: Utterance[] = [];
  constructor(private readonly log: (line: string) => void = () => undefined) {}
  speak(u: Utterance): void {
    this.said.push(u);
    if (this.said.length > 200) this.said.shift();
    this.log(`voice (${u.language}): ${u.text}`);
  }
}

/**
 * Speaks through espeak-ng and an AudioOut. A new utterance replaces the one being said (the
 * citizen moved on to the next screen; the old guidance is no longer true). `speak` returns at
 * once; `idle()` waits until the current utterance has been played.
 */
export class SpokenVoice extends RecordingVoice {
  private latest = 0;
  private playing: Promise<void> = Promise.resolve();
  /** Last failure of synthesis or playback, for the device's health report. */
  lastError: string | null = null;

  constructor(
    private readonly espeak: Espeak,
    private readonly out: AudioOut,
    private readonly logLine: (line: string) => void,
  ) {
    super(logLine);
  }

  override speak(u: Utterance): void {
    super.speak(u);
    const n = ++this.latest;
    this.out.stop();
    this.playing = (async () => {
      try {
        const r = await this.espeak.render(u.text, u.language);
        if (r.fallback.length) this.logLine(`voice: "${u.text}" read partly as ${r.fallback.join(', ')} (${r.phonemes})`);
        // A newer utterance arrived while this one was being rendered: say that one instead.
        if (n !== this.latest) return;
        await this.out.play(r.wav, `${u.language}: ${u.text}`);
        this.lastError = null;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // Logged once per distinct failure: a kiosk without a sound card would otherwise log every screen.
        if (message !== this.lastError) this.logLine(`voice failed (${this.out.describe}): ${message}`);
        this.lastError = message;
      }
    })();
  }

  async idle(): Promise<void> {
    let p: Promise<void>;
    do {
      p = this.playing;
      await p;
    } while (p !== this.playing);
  }

  stop(): void {
    this.latest++;
    this.out.stop();
  }
}

/**
 * The kiosk's voice from its environment (`HALLKIT_AUDIO_OUT`, see @hallkit/host AudioOut): spoken
 * by espeak-ng through the sound card. A machine without one (the demo PC, CI) is told once at start
 * and keeps a recording voice, instead of an aplay failure logged for every screen.
 */
export function kioskVoice(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env, card?: () => SoundCard): Voice {
  const { out, silent } = audioOutFromEnv(env, card);
  if (!out) {
    log(`voice: ${silent ?? 'off'}`);
    return new RecordingVoice(log);
  }
  log(`voice: espeak-ng cmn-latn-pinyin → ${out.describe}`);
  return new SpokenVoice(new Espeak(), out, log);
}
