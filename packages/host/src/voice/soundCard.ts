// Is there anything to play speech on? A demo PC, a CI runner or a container has no sound card, and
// aplay then fails on every utterance. Checked once at start, from what ALSA itself would open:
// a playback PCM device node (/dev/snd/pcmC<card>D<device>p) or a sound server's socket.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type SoundCard = { found: true; device: string } | { found: false; why: string };

/** `root` and `env` are parameters so a test can give a machine with or without a card. */
export function findSoundCard(root = '/', env: NodeJS.ProcessEnv = process.env): SoundCard {
  const snd = join(root, 'dev/snd');
  const pcm = existsSync(snd) ? readdirSync(snd).filter((f) => /^pcmC\d+D\d+p$/.test(f)).sort() : [];
  if (pcm[0]) return { found: true, device: join(snd, pcm[0]) };
  // ALSA's default device may be PulseAudio/PipeWire (a desktop session); their socket is the device.
  for (const server of [env.PULSE_SERVER, env.PIPEWIRE_REMOTE]) if (server) return { found: true, device: server };
  const runtime = env.XDG_RUNTIME_DIR;
  for (const sock of runtime ? ['pulse/native', 'pipewire-0'] : []) if (existsSync(join(runtime as string, sock))) return { found: true, device: join(runtime as string, sock) };
  return { found: false, why: existsSync(snd) ? `no playback device in ${snd}` : `no ${snd} (no sound card or driver)` };
}
