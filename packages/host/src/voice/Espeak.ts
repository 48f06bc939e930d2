// espeak-ng in a child process (the Debian binary, GPL-3, kept at arm's length from our code):
// renders a WAV for a text and says which languages it fell back to while reading it.
import { spawn } from 'node:child_process';
import { ESPEAK_VOICE, fallbackLanguages, speechInput, type SpeechLanguage } from './speechText.ts';

export class VoiceFallbackError extends Error {
  constructor(
    readonly text: string,
    readonly languages: string[],
    readonly phonemes: string,
  ) {
    super(`espeak-ng read "${text}" partly as ${languages.join(', ')} instead of Mandarin: ${phonemes}`);
    this.name = 'VoiceFallbackError';
  }
}

export interface Rendered {
  wav: Buffer;
  /** espeak-ng's phoneme transcription (`-x`), for a listen-check by reading. */
  phonemes: string;
  /** Languages espeak-ng switched to (empty when everything was read in the voice's language). */
  fallback: string[];
  /** What was handed to espeak-ng (pinyin for Chinese). */
  input: string;
}

export interface EspeakOptions {
  binary?: string;
  /** Words per minute (espeak-ng's default is 175; a hall's announcements are slower). */
  rate?: number;
}

function run(bin: string, args: string[], timeoutMs = 15_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${bin} ${args.slice(0, 3).join(' ')} exited ${code}: ${Buffer.concat(err).toString().trim()}`));
    });
  });
}

export class Espeak {
  private readonly bin: string;
  private readonly rate: number;

  constructor(o: EspeakOptions = {}) {
    this.bin = o.binary ?? 'espeak-ng';
    this.rate = o.rate ?? 150;
  }

  /** True when the binary runs and has the Mandarin pinyin voice. */
  async available(): Promise<boolean> {
    try {
      const voices = (await run(this.bin, ['--voices=cmn'])).toString();
      return voices.includes('cmn-latn-pinyin');
    } catch {
      return false;
    }
  }

  async phonemes(text: string, lang: SpeechLanguage): Promise<{ input: string; phonemes: string; fallback: string[] }> {
    const input = speechInput(text, lang);
    const phonemes = (await run(this.bin, ['-v', ESPEAK_VOICE[lang], '-q', '-x', '--', input])).toString().trim();
    return { input, phonemes, fallback: fallbackLanguages(phonemes, lang) };
  }

  /** Renders `text`; with `strict`, a fallback to another language is an error, not a clip. */
  async render(text: string, lang: SpeechLanguage, o: { strict?: boolean } = {}): Promise<Rendered> {
    const { input, phonemes, fallback } = await this.phonemes(text, lang);
    if (o.strict && fallback.length > 0) throw new VoiceFallbackError(text, fallback, phonemes);
    const wav = await run(this.bin, ['-v', ESPEAK_VOICE[lang], '-s', String(this.rate), '--stdout', '--', input]);
    return { wav, phonemes, fallback, input };
  }
}
