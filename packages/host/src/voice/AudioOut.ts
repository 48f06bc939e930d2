// Where a device's speech goes: the sound card through a Debian player (aplay from alsa-utils, or
// sox's play), or — on a machine without a sound card (CI, a headless test rig) — WAV files in a
// folder with a line per utterance, so a test can open exactly what the speakers would have played.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSoundCard, type SoundCard } from './soundCard.ts';

export interface AudioOut {
  readonly describe: string;
  /** Plays a WAV; resolves when it has finished. `stop()` ends it early. */
  play(wav: Buffer, label: string): Promise<void>;
  stop(): void;
}

/** Plays through the sound card with a player reading a WAV on stdin. */
export class PlayerAudioOut implements AudioOut {
  private current: ChildProcess | null = null;
  readonly describe: string;

  constructor(private readonly command: readonly [string, ...string[]] = ['aplay', '-q', '-']) {
    this.describe = command.join(' ');
  }

  play(wav: Buffer): Promise<void> {
    this.stop();
    return new Promise((resolve, reject) => {
      const [bin, ...args] = this.command;
      const child = spawn(bin, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      this.current = child;
      const err: Buffer[] = [];
      child.stderr?.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => reject(e));
      child.on('close', (code, signal) => {
        if (this.current === child) this.current = null;
        // Stopped on purpose (a newer utterance replaced this one) is not a failure.
        if (code === 0 || signal === 'SIGTERM') resolve();
        else reject(new Error(`${this.describe} exited ${code}: ${Buffer.concat(err).toString().trim() || 'no sound device?'}`));
      });
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(wav);
    });
  }

  stop(): void {
    if (this.current && this.current.exitCode === null) this.current.kill('SIGTERM');
    this.current = null;
  }
}

/** Writes each utterance as `NNNN.wav` plus a line in `said.jsonl` (the folder is the "speaker"). */
export class FileAudioOut implements AudioOut {
  private n = 0;
  readonly describe: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.describe = `files in ${dir}`;
  }

  play(wav: Buffer, label: string): Promise<void> {
    this.n += 1;
    const file = `${String(this.n).padStart(4, '0')}.wav`;
    writeFileSync(join(this.dir, file), wav);
    appendFileSync(join(this.dir, 'said.jsonl'), `${JSON.stringify({ file, label, at: new Date().toISOString() })}\n`);
    return Promise.resolve();
  }

  stop(): void {}
}

/** What the device speaks through, and — when that is nothing — why, to be said once at start. */
export interface AudioChoice {
  out: AudioOut | null;
  /** Set when speech will not sound: a sentence for the log. */
  silent?: string;
}

/**
 * `HALLKIT_AUDIO_OUT`: `aplay` (sound card), `play` (sox), `file:/some/dir`, or `none`. Unset means
 * the sound card if the machine has one (`findSoundCard`), else nothing — said once, instead of an
 * aplay failure on every utterance. `aplay`/`play` set explicitly are used without the check.
 */
export function audioOutFromEnv(env: NodeJS.ProcessEnv = process.env, card: () => SoundCard = () => findSoundCard('/', env)): AudioChoice {
  const set = env.HALLKIT_AUDIO_OUT?.trim();
  if (set === 'none' || set === '') return { out: null, silent: `HALLKIT_AUDIO_OUT=${set ?? ''}: speech is recorded, not played` };
  if (set?.startsWith('file:')) return { out: new FileAudioOut(set.slice(5)) };
  if (set === 'play') return { out: new PlayerAudioOut(['play', '-q', '-t', 'wav', '-']) };
  if (set === 'aplay') return { out: new PlayerAudioOut(['aplay', '-q', '-']) };
  if (set !== undefined) throw new Error(`HALLKIT_AUDIO_OUT=${set}: expected aplay, play, file:<folder> or none`);
  const c = card();
  if (!c.found)
    return {
      out: null,
      silent: `no sound card on this machine (${c.why}): the voice is silent and only recorded. HALLKIT_AUDIO_OUT=file:<folder> keeps each utterance as a WAV file; =aplay forces the sound card`,
    };
  return { out: new PlayerAudioOut(['aplay', '-q', '-']) };
}
