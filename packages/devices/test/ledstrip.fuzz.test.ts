import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BxCmd, dynamicAreaData, parseReply } from '../src/ledstrip/bx/bxCommands.ts';
import { BxFrameReader, frameBx } from '../src/ledstrip/bx/bxFrame.ts';
import { ADDR_HOST, decodePacket, encodePacket } from '../src/ledstrip/bx/bxPacket.ts';
import { decodeDynamicAreas, encodeDynamicAreas } from '../src/ledstrip/bx/dynamicArea.ts';
import { decodeStripText } from '../src/ledstrip/bx/stripText.ts';
import { StripScreenSchema, stripAreas } from '../src/ledstrip/StripScreen.ts';
import { LedStripSimulator } from '../src/simulators/ledstrip/LedStripSimulator.ts';

const screen = StripScreenSchema.parse({ lines: [{ runs: [{ text: 'A012 请到5号窗口', colour: 'red' }] }, { runs: [{ text: '王晓燕', colour: 'green' }] }] });
const goodFrame = frameBx(encodePacket({ dst: 1, src: ADDR_HOST, data: dynamicAreaData(encodeDynamicAreas(stripAreas(screen, { width: 160, height: 32 }).command)) }));

function replies(out: Uint8Array[]): Array<'ack' | 'nack'> {
  const reader = new BxFrameReader();
  return out.flatMap((b) => reader.push(b)).flatMap((ev) => {
    if (ev.kind !== 'packet') return [];
    const d = decodePacket(ev.packet);
    const r = d.ok ? parseReply(d.packet.data) : undefined;
    return r?.kind === 'ack' ? ['ack' as const] : r?.kind === 'nack' ? ['nack' as const] : [];
  });
}

describe('fuzz: the LED controller simulator and the BX decoders', () => {
  let sim: LedStripSimulator;
  beforeAll(async () => {
    sim = await LedStripSimulator.start({ tcp: { port: 0 }, minRefreshMs: 0 });
  });
  afterAll(() => sim.stop());

  it('random bytes never throw; anything not a good frame is reported, never silently applied', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), (chunks) => {
        const reader = new BxFrameReader();
        const before = sim.counts.problems;
        const out: Uint8Array[] = [];
        for (const c of chunks) sim.receive(reader, c, (b) => out.push(b));
        const total = chunks.reduce((n, c) => n + c.length, 0);
        // Every byte is a reply, a reported problem, or part of a frame still open.
        if (total > 0) expect(sim.counts.problems > before || out.length > 0 || reader.open).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a good frame with one byte flipped is refused (NACK or reported), and the next good frame is drawn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: goodFrame.length - 2 }), fc.integer({ min: 1, max: 255 }), fc.uint8Array({ maxLength: 30 }), (at, flip, junk) => {
        const reader = new BxFrameReader();
        sim.strip.clear();
        const bad = Uint8Array.from(goodFrame);
        bad[at] = (bad[at] as number) ^ flip;
        const problems = sim.counts.problems;
        const out: Uint8Array[] = [];
        sim.receive(reader, junk, (b) => out.push(b));
        sim.receive(reader, bad, (b) => out.push(b));
        const afterBad = replies(out);
        // A flip can leave a valid frame only if it hits the text and the CRC still matches: never with CRC-16.
        expect(afterBad.includes('ack') && sim.text() !== '').toBe(false);
        expect(sim.counts.problems > problems || afterBad.includes('nack')).toBe(true);
        const out2: Uint8Array[] = [];
        sim.receive(reader, goodFrame, (b) => out2.push(b));
        expect(replies(out2)).toEqual(['ack']);
        expect(sim.text()).toBe('A012 请到5号窗口\n王晓燕');
      }),
      { numRuns: 300 },
    );
  });

  it('random dynamic-area payloads and texts decode to a result or an error, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const d = decodeDynamicAreas(bytes);
        expect(typeof d.ok).toBe('boolean');
        expect(Array.isArray(decodeStripText(bytes).lines)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the simulator answers unknown commands with NACK 1/2 and keeps going', () => {
    const reader = new BxFrameReader();
    const out: Uint8Array[] = [];
    sim.receive(reader, frameBx(encodePacket({ dst: 1, src: ADDR_HOST, data: Uint8Array.of(0xb7, 0x00, 0x01, 0, 0) })), (b) => out.push(b));
    sim.receive(reader, frameBx(encodePacket({ dst: 1, src: ADDR_HOST, data: Uint8Array.of(0xa2, 0x7f, 0x01, 0, 0) })), (b) => out.push(b));
    sim.receive(reader, frameBx(encodePacket({ dst: 1, src: ADDR_HOST, data: Uint8Array.of(...BxCmd.ping, 0x01, 0, 0) })), (b) => out.push(b));
    expect(replies(out)).toEqual(['nack', 'nack', 'ack']);
  });
});
