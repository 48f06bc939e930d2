import { describe, expect, it } from 'vitest';
import { VoiceConfigSchema, type VoiceConfig } from '../src/board/BoardConfig.ts';
import { VoiceQueue, type VoiceLogEntry } from '../src/renderer/voice/VoiceQueue.ts';
import type { Utterance, VoiceCall } from '../src/renderer/voice/announcement.ts';

/** A fake clock that the fake speaker advances: each utterance "takes" 2 s, each gap its ms. */
function setup(over: Partial<VoiceConfig> = {}, minuteOfDay = 9 * 60) {
  let now = 1_000_000;
  const cfg: VoiceConfig = VoiceConfigSchema.parse({ gapMs: 500, ...over });
  const spoken: Utterance[] = [];
  const failOn = new Set<string>();
  const q = new VoiceQueue({
    config: () => cfg,
    now: () => now,
    wait: async (ms) => {
      now += ms;
    },
    minuteOfDay: () => minuteOfDay,
    speak: async (u) => {
      spoken.push(u);
      await Promise.resolve();
      now += 2000;
      if (failOn.has(u.callKey)) throw new Error('clip missing');
    },
  });
  const call = (n: number, over2: Partial<VoiceCall> = {}): VoiceCall => ({
    key: `t${n}@${n}`, number: `A${String(n).padStart(3, '0')}`, windowNumber: (n % 12) + 1, at: now, recall: false, zh: null, ...over2,
  });
  return { q, spoken, call, failOn, clock: { get now() { return now; }, set now(v: number) { now = v; } }, cfg };
}

const kinds = (log: readonly VoiceLogEntry[]) => log.map((e) => (e.kind === 'skip' ? `skip:${e.reason}` : e.kind));

describe('VoiceQueue', () => {
  it('says each call twice in zh-CN with the core wording, one after another', async () => {
    const { q, spoken, call } = setup();
    q.enqueue(call(12, { number: 'A012', windowNumber: 5 }));
    await q.idle();
    expect(spoken.map((u) => u.text)).toEqual(['请A012号到5号窗口办理', '请A012号到5号窗口办理']);
    expect(spoken[0]?.tokens).toEqual(['请', 'A', '0', '1', '2', '号', '到', '5', '号窗口', '办理']);
    expect(kinds(q.log)).toEqual(['queued', 'start', 'end', 'start', 'end']);
  });

  it('never overlaps: a burst is said in arrival order, every start after the previous end', async () => {
    const { q, call, clock } = setup({ maxAgeSeconds: 600 });
    for (let i = 1; i <= 20; i++) {
      q.enqueue(call(i));
      clock.now += 10;
    }
    await q.idle();
    const starts = q.log.filter((e) => e.kind === 'start');
    expect(starts.map((e) => e.key)).toEqual(Array.from({ length: 20 }, (_, i) => [`t${i + 1}@${i + 1}`, `t${i + 1}@${i + 1}`]).flat());
    let lastEnd = -Infinity;
    let open = false;
    for (const e of q.log) {
      if (e.kind === 'start') {
        expect(open).toBe(false);
        expect(e.t).toBeGreaterThanOrEqual(lastEnd);
        open = true;
      }
      if (e.kind === 'end') {
        open = false;
        lastEnd = e.t;
      }
    }
  }, 10_000);

  it('says a call in each configured language per round', async () => {
    const { q, spoken, call } = setup({ languages: ['zh-CN', 'en'] });
    q.enqueue(call(7, { number: 'B007', windowNumber: 15 }));
    await q.idle();
    expect(spoken.map((u) => `${u.round}:${u.lang}:${u.text}`)).toEqual([
      '1:zh-CN:请B007号到15号窗口办理', '1:en:Number B 0 0 7, please go to window 15.',
      '2:zh-CN:请B007号到15号窗口办理', '2:en:Number B 0 0 7, please go to window 15.',
    ]);
    expect(spoken[0]?.tokens).toContain('10');
  });

  it('says a recall again but a redelivered call only once', async () => {
    const { q, spoken, call, clock } = setup();
    const first = call(3);
    q.enqueue(first);
    q.enqueue({ ...first }); // the same message again (QoS 1 redelivery)
    await q.idle();
    q.enqueue({ ...first, key: 't3@later', at: clock.now, recall: true });
    await q.idle();
    expect(spoken.map((u) => u.callKey)).toEqual(['t3@3', 't3@3', 't3@later', 't3@later']);
    expect(q.log.filter((e) => e.kind === 'skip').map((e) => e.kind === 'skip' && e.reason)).toEqual(['duplicate']);
  });

  it('skips a call older than the max age, also one that went stale while waiting', async () => {
    const { q, spoken, call, clock } = setup({ maxAgeSeconds: 9 });
    q.enqueue(call(1, { at: clock.now - 10_000 }));
    expect(spoken).toHaveLength(0);
    // Three calls at once: each takes 2 × 2 s + gaps, so the third is 9+ s old before its turn.
    q.enqueue(call(2));
    q.enqueue(call(3));
    q.enqueue(call(4));
    await q.idle();
    expect(new Set(spoken.map((u) => u.callKey))).toEqual(new Set(['t2@2', 't3@3']));
    expect(q.log.filter((e) => e.kind === 'skip').map((e) => e.kind === 'skip' && `${e.key}:${e.reason}`)).toEqual(['t1@1:stale', 't4@4:stale']);
  });

  it('says nothing in quiet hours, including across midnight', async () => {
    const night = setup({ quietHours: { from: '22:00', to: '07:00' } }, 23 * 60 + 30);
    night.q.enqueue(night.call(1));
    await night.q.idle();
    expect(night.spoken).toHaveLength(0);
    expect(kinds(night.q.log)).toEqual(['queued', 'skip:quiet']);
    const day = setup({ quietHours: { from: '22:00', to: '07:00' } }, 8 * 60);
    day.q.enqueue(day.call(1));
    await day.q.idle();
    expect(day.spoken).toHaveLength(2);
    const lunch = setup({ quietHours: { from: '12:00', to: '13:30' } }, 12 * 60 + 15);
    lunch.q.enqueue(lunch.call(1));
    await lunch.q.idle();
    expect(lunch.spoken).toHaveLength(0);
  });

  it('logs a failed clip and goes on with the next call', async () => {
    const { q, spoken, call, failOn } = setup({ repeat: 1 });
    failOn.add('t1@1');
    q.enqueue(call(1));
    q.enqueue(call(2));
    await q.idle();
    expect(spoken.map((u) => u.callKey)).toEqual(['t1@1', 't2@2']);
    expect(q.log.filter((e) => e.kind === 'end').map((e) => e.kind === 'end' && e.ok)).toEqual([false, true]);
  });

  it('is bounded: a flood drops the oldest waiting calls and keeps a bounded log', async () => {
    const { q, call } = setup({ repeat: 1, maxAgeSeconds: 3600 });
    for (let i = 0; i < 5000; i++) q.enqueue(call(i));
    expect(q.pending).toBeLessThanOrEqual(30);
    expect(q.log.length).toBeLessThanOrEqual(1000);
    expect(q.totals.skipped).toBeGreaterThan(4900);
    q.stop();
    await q.idle();
  });

  it('says nothing when voice is off', async () => {
    const { q, spoken, call } = setup({ enabled: false });
    q.enqueue(call(1));
    await q.idle();
    expect(spoken).toHaveLength(0);
    expect(kinds(q.log)).toEqual(['skip:disabled']);
  });
});
