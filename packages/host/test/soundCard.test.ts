// A machine without a sound card (the demo PC, CI) must say so once at start instead of failing
// aplay on every utterance; the voice path stays testable through HALLKIT_AUDIO_OUT=file:<folder>.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioOutFromEnv, FileAudioOut, findSoundCard, PlayerAudioOut } from '../src/voice/index.ts';

function machine(devices: string[] | null): string {
  const root = mkdtempSync(join(tmpdir(), 'hallkit-snd-'));
  if (devices) {
    mkdirSync(join(root, 'dev/snd'), { recursive: true });
    for (const d of devices) writeFileSync(join(root, 'dev/snd', d), '');
  }
  return root;
}

describe('sound card detection', () => {
  it('finds a playback PCM device; a capture-only or control-only /dev/snd is no sound card', () => {
    const with1 = machine(['controlC0', 'pcmC0D0p', 'pcmC0D0c']);
    expect(findSoundCard(with1, {})).toEqual({ found: true, device: join(with1, 'dev/snd/pcmC0D0p') });
    const none = findSoundCard(machine(['controlC0', 'pcmC0D0c', 'timer']), {});
    expect(none.found).toBe(false);
    expect(!none.found && none.why).toMatch(/no playback device/);
    const bare = findSoundCard(machine(null), {});
    expect(!bare.found && bare.why).toMatch(/no sound card or driver/);
  });

  it('counts a PulseAudio/PipeWire server as a device (ALSA plays through it)', () => {
    expect(findSoundCard(machine(null), { PULSE_SERVER: 'unix:/run/pulse/native' }).found).toBe(true);
    const runtime = machine(null);
    mkdirSync(join(runtime, 'pulse'));
    writeFileSync(join(runtime, 'pulse/native'), '');
    expect(findSoundCard(machine(null), { XDG_RUNTIME_DIR: runtime }).found).toBe(true);
  });
});

describe('HALLKIT_AUDIO_OUT', () => {
  const noCard = () => ({ found: false as const, why: 'no /dev/snd (no sound card or driver)' });
  const card = () => ({ found: true as const, device: '/dev/snd/pcmC0D0p' });

  it('unset on a machine without a sound card: no player, and one sentence that says so and what to do', () => {
    const c = audioOutFromEnv({}, noCard);
    expect(c.out).toBeNull();
    expect(c.silent).toMatch(/no sound card on this machine/);
    expect(c.silent).toMatch(/HALLKIT_AUDIO_OUT=file:/);
  });

  it('unset with a sound card: aplay; set explicitly: used as asked, without the check', () => {
    expect(audioOutFromEnv({}, card).out).toBeInstanceOf(PlayerAudioOut);
    expect(audioOutFromEnv({ HALLKIT_AUDIO_OUT: 'aplay' }, noCard).out).toBeInstanceOf(PlayerAudioOut);
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-speaker-'));
    expect(audioOutFromEnv({ HALLKIT_AUDIO_OUT: `file:${dir}` }, noCard).out).toBeInstanceOf(FileAudioOut);
    expect(audioOutFromEnv({ HALLKIT_AUDIO_OUT: 'none' }, card)).toMatchObject({ out: null });
    expect(() => audioOutFromEnv({ HALLKIT_AUDIO_OUT: 'speakers' }, card)).toThrow(/expected aplay/);
  });
});
