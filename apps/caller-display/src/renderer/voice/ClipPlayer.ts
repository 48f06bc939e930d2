import type { VoiceLanguage } from '../../board/BoardConfig.ts';
import type { HallClips } from '../../contract.ts';
import type { Utterance } from './announcement.ts';

export interface ClipPlayerOptions {
  /** Where the shipped clips are: `<base>/<lang>/manifest.json` and the files it names. */
  baseUrl: string;
  /** The hall's own recordings for a language (through the bridge); they replace shipped clips token by token. */
  hallClips: (lang: VoiceLanguage) => Promise<HallClips | null>;
  /** Playback speed (1 = as recorded). Tests speed up a burst; halls leave it at 1. */
  speed?: number;
}

/** The clip file name of a token: English tokens drop their `en:` prefix (`en:number` → number). */
export const clipName = (token: string): string => (token.startsWith('en:') ? token.slice(3) : token);

/**
 * Says an utterance offline by playing its token clips back to back on one Web Audio timeline
 * (sample-exact joins, no gaps between <audio> elements). Decoded clips are cached per language —
 * a few dozen small buffers, fixed for the life of the board.
 */
export class ClipPlayer {
  private ctx: AudioContext | null = null;
  private readonly decoded = new Map<string, Promise<AudioBuffer>>();
  private readonly sources = new Map<VoiceLanguage, Promise<{ manifest: Record<string, string>; hall: HallClips | null }>>();

  constructor(private readonly o: ClipPlayerOptions) {}

  async play(u: Utterance, volume: number): Promise<void> {
    const ctx = this.context();
    if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
    const buffers = await Promise.all(u.tokens.map((t) => this.clip(u.lang, clipName(t))));
    const speed = this.o.speed ?? 1;
    const gain = ctx.createGain();
    gain.gain.value = volume;
    gain.connect(ctx.destination);
    let t = ctx.currentTime + 0.03;
    let last: AudioBufferSourceNode | null = null;
    for (const b of buffers) {
      const s = ctx.createBufferSource();
      s.buffer = b;
      s.playbackRate.value = speed;
      s.connect(gain);
      s.start(t);
      t += b.duration / speed;
      last = s;
    }
    const total = t - ctx.currentTime;
    await new Promise<void>((resolve) => {
      // The timer is a guard for an audio device that stops its clock; normally onended comes first.
      const guard = setTimeout(resolve, total * 1000 + 1500);
      const done = () => {
        clearTimeout(guard);
        resolve();
      };
      if (last) last.onended = done;
      else done();
    });
    gain.disconnect();
  }

  private context(): AudioContext {
    if (!this.ctx || this.ctx.state === 'closed') this.ctx = new AudioContext({ latencyHint: 'playback' });
    return this.ctx;
  }

  private source(lang: VoiceLanguage) {
    let s = this.sources.get(lang);
    if (!s) {
      s = (async () => {
        const res = await fetch(`${this.o.baseUrl}/${lang}/manifest.json`);
        const manifest = res.ok ? ((await res.json()) as { files?: Record<string, string> }).files ?? {} : {};
        const hall = await this.o.hallClips(lang).catch(() => null);
        return { manifest, hall };
      })();
      // A failed load is retried on the next call rather than cached forever.
      s.catch(() => this.sources.delete(lang));
      this.sources.set(lang, s);
    }
    return s;
  }

  private clip(lang: VoiceLanguage, name: string): Promise<AudioBuffer> {
    const id = `${lang}/${name}`;
    let p = this.decoded.get(id);
    if (!p) {
      p = (async () => {
        const { manifest, hall } = await this.source(lang);
        const own = hall?.files[name];
        let bytes: ArrayBuffer;
        if (own) {
          bytes = Uint8Array.from(atob(own.base64), (ch) => ch.charCodeAt(0)).buffer;
        } else {
          const file = manifest[name];
          if (!file) throw new Error(`no clip for "${name}" (${lang})`);
          const res = await fetch(`${this.o.baseUrl}/${lang}/${encodeURIComponent(file)}`);
          if (!res.ok) throw new Error(`clip ${file} (${lang}): HTTP ${res.status}`);
          bytes = await res.arrayBuffer();
        }
        return this.context().decodeAudioData(bytes);
      })();
      p.catch(() => this.decoded.delete(id));
      this.decoded.set(id, p);
    }
    return p;
  }
}
