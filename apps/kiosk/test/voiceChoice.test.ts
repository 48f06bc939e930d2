// The demo PC without a sound card: the kiosk says once, at start, that its voice is silent and how
// to hear it (HALLKIT_AUDIO_OUT=file:<folder>), and then no aplay failure per utterance.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskVoice, RecordingVoice, SpokenVoice } from '../src/host/voice/Voice.ts';

const noCard = () => ({ found: false as const, why: 'no /dev/snd (no sound card or driver)' });

describe('the kiosk voice on a machine without a sound card', () => {
  it('says so once and records what it would say; every later utterance is only recorded', async () => {
    const log: string[] = [];
    const voice = kioskVoice((l) => log.push(l), {}, noCard);
    expect(voice).toBeInstanceOf(RecordingVoice);
    expect(voice).not.toBeInstanceOf(SpokenVoice);
    for (let i = 0; i < 5; i++) await voice.speak({ text: '请取号', language: 'zh-CN', at: i });
    const warnings = log.filter((l) => /sound card/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/HALLKIT_AUDIO_OUT=file:/);
    expect(log.some((l) => /voice failed|aplay/.test(l) && !/=aplay forces/.test(l))).toBe(false);
    expect((voice as RecordingVoice).said).toHaveLength(5);
  });

  it('with HALLKIT_AUDIO_OUT=file:<folder> it still speaks (espeak-ng into WAV files), so the voice path stays testable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-kiosk-speaker-'));
    const log: string[] = [];
    const voice = kioskVoice((l) => log.push(l), { HALLKIT_AUDIO_OUT: `file:${dir}` }, noCard);
    expect(voice).toBeInstanceOf(SpokenVoice);
    voice.speak({ text: '请取号', language: 'zh-CN', at: 0 });
    await (voice as SpokenVoice).idle();
    expect(readFileSync(join(dir, 'said.jsonl'), 'utf8')).toContain('请取号');
    expect(log.filter((l) => /voice failed/.test(l))).toEqual([]);
  });
});
