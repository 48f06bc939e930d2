import fc from 'fast-check';
import { PtyPair } from '@hallkit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { CallerKeypadBus, type KeypadPress } from '../src/keypad/CallerKeypadBus.ts';
import { displayFrame, encodeKeypadFrame, KeypadFrameReader, KeypadFunc } from '../src/keypad/keypadFrame.ts';
import { keypadDigits, keypressData, parseKeypress, type KeypadAction } from '../src/keypad/keys.ts';
import { KeypadSimulator } from '../src/simulators/keypad/KeypadSimulator.ts';
import { SerialTransport } from '../src/transport/SerialTransport.ts';
import { waitFor } from './fixtures.ts';

const hex = (s: string): number[] => s.split(/\s+/).map((h) => Number.parseInt(h, 16));

describe('caller keypad frames', () => {
  it('the reference’s test vector: address 1 shows "012", byte for byte', () => {
    expect([...displayFrame(1, keypadDigits(null, 'A012'))]).toEqual(hex('FF 68 08 08 68 01 02 0A 0A 0A 00 01 02 24 16'));
  });

  it('waiting count on the left (capped at 999), ticket digits on the right', () => {
    expect(keypadDigits(7, 'A012')).toEqual([null, null, 7, 0, 1, 2]);
    expect(keypadDigits(1234, 'B9')).toEqual([9, 9, 9, null, null, 9]);
    expect(keypadDigits(0, null)).toEqual([null, null, 0, null, null, null]);
  });

  it('keys and confirm sequences mean what the reference says', () => {
    const cases: Array<[number[], KeypadAction['action']]> = [
      [[0x0c], 'call-next'], [[0x0d], 'recall'], [[0x0b], 'finish'], [[0x12], 'pause'],
      [[0x06, 0x0f], 'no-show'], [[0x00, 0x0f], 'hold'], [[0x03, 0x0f], 'call-back'], [[0x05, 0x0f], 'unknown'],
    ];
    for (const [data, action] of cases) expect(parseKeypress(Uint8Array.from(data)).action).toBe(action);
    expect(parseKeypress(Uint8Array.of(1, 2, 0x13))).toEqual({ action: 'transfer', toWindowNumber: 12 });
    for (const a of [{ action: 'call-next' }, { action: 'hold' }, { action: 'transfer', toWindowNumber: 7 }] as KeypadAction[]) {
      expect(parseKeypress(keypressData(a))).toEqual(a);
    }
  });

  it('fuzz: random bytes never throw and are reported; a good frame after garbage still parses', () => {
    const good = encodeKeypadFrame({ address: 6, func: KeypadFunc.key, data: Uint8Array.of(0x0c) });
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 6 }), (chunks) => {
        const reader = new KeypadFrameReader();
        const events = chunks.flatMap((c) => reader.push(c));
        for (const e of events) if (e.kind === 'bad') expect(e.bytes).toBeGreaterThan(0);
        // Flush whatever half frame is held, then a good one must come through.
        const tail = reader.push(new Uint8Array(80).fill(0x00));
        const after = reader.push(good);
        expect([...tail, ...after].filter((e) => e.kind === 'frame').some((e) => e.kind === 'frame' && e.frame.address === 6)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('fuzz: a frame with a flipped byte is reported, never taken as a different key', () => {
    const good = encodeKeypadFrame({ address: 6, func: KeypadFunc.key, data: Uint8Array.of(0x06, 0x0f) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = Uint8Array.from(good);
        bad[at] = (bad[at] as number) ^ flip;
        const reader = new KeypadFrameReader();
        const events = [...reader.push(bad), ...reader.push(new Uint8Array(20))];
        const frames = events.filter((e) => e.kind === 'frame');
        // A single flipped byte cannot pass both the length pair and the checksum as another key.
        for (const f of frames) if (f.kind === 'frame') expect(parseKeypress(f.frame.data)).toEqual({ action: 'no-show' });
        expect(frames.length === 0 ? events.some((e) => e.kind === 'bad') : true).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('caller keypad bus on a PTY pair', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('echoes every key, acts on it once even when the keypad repeats it, shows digits and beeps', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await KeypadSimulator.start({ serialPath: pty.devicePath, addresses: [6, 7], echoTimeoutMs: 300 });
    cleanup.push(() => sim.stop());
    const bus = new CallerKeypadBus(new SerialTransport({ path: pty.hostPath, baudRate: 9600 }), { beepGapMs: 20 });
    cleanup.push(() => bus.close());
    await bus.open();
    await bus.claim();
    await bus.enable();
    const keys: KeypadPress[] = [];
    bus.on('key', (k) => keys.push(k));

    expect(await sim.press(6, { action: 'call-next' })).toEqual({ acked: true, attempts: 1 });
    await waitFor(() => keys.length === 1, 3000, 'key');
    expect(keys[0]).toMatchObject({ address: 6, press: { action: 'call-next' } });

    sim.dropEchoes(1);
    expect(await sim.press(7, { action: 'no-show' })).toEqual({ acked: true, attempts: 2 });
    await waitFor(() => keys.length === 2, 3000, 'second key');
    expect(keys[1]).toMatchObject({ address: 7, press: { action: 'no-show' } });
    expect(bus.counts.repeats).toBe(1);

    await bus.display(6, 12, 'A013');
    await waitFor(() => sim.display(6) === ' 12013', 3000, 'digits');
    await bus.beep(7, 3);
    await waitFor(() => sim.keypads.get(7)?.beeps === 3, 3000, 'three beeps');

    await sim.write(Uint8Array.of(0x12, 0x34, 0x68, 0x05, 0x06));
    await sim.press(6, { action: 'recall' });
    await waitFor(() => keys.length === 3, 3000, 'recall after noise');
    expect(bus.counts.badFrames).toBeGreaterThan(0);
    expect((await bus.checkHealth('internal')).summary).toBe('bus open, 2 keypad(s) heard');
  });
});
