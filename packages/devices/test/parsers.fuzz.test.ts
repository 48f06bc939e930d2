import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCardText } from '../src/idcard/cardText.ts';
import { decodeReadReply, encodeReadReplyData } from '../src/idcard/readReply.ts';
import { encodeCardText } from '../src/idcard/cardText.ts';
import { encodeReply, SamFrameReader, SamResult } from '../src/idcard/samFrame.ts';
import { EscPosInterpreter } from '../src/printer/escpos/EscPosInterpreter.ts';
import { parseStatusReply } from '../src/printer/escpos/statusReply.ts';
import { parseHidPosReport } from '../src/scanner/hidPosReport.ts';
import { fakeWltPhoto } from '../src/simulators/idcard/IdCardSimulator.ts';
import { RESIDENT_CARD } from './fixtures.ts';

const goodReply = encodeReply(SamResult.ok, encodeReadReplyData(encodeCardText(RESIDENT_CARD), fakeWltPhoto()));
const bytes = (max: number) => fc.uint8Array({ maxLength: max });

describe('fuzz: ID-card frame and text parsers', () => {
  it('random bytes never throw and every byte is accounted for as a frame or a reported bad frame', () => {
    fc.assert(
      fc.property(fc.array(bytes(300), { maxLength: 8 }), (chunks) => {
        const reader = new SamFrameReader();
        for (const c of chunks) {
          for (const ev of reader.push(c)) {
            if (ev.kind === 'frame') expect(ev.body.length).toBeGreaterThanOrEqual(1);
            else expect(ev.bytes).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a truncated, corrupted or garbage-wrapped reply is reported bad and a following good frame still parses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: goodReply.length - 1 }),
        fc.integer({ min: 7, max: goodReply.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        bytes(40),
        (cut, flipAt, flip, junk) => {
          const reader = new SamFrameReader();
          const corrupted = Uint8Array.from(goodReply);
          corrupted[flipAt] = (corrupted[flipAt] ?? 0) ^ flip;
          const events = [
            ...reader.push(junk.filter((b) => b !== 0xaa)),
            ...reader.push(corrupted),
            ...reader.push(goodReply.subarray(0, cut)),
            ...reader.push(goodReply.subarray(cut)),
            ...reader.push(goodReply),
          ];
          expect(events.some((e) => e.kind === 'bad')).toBe(true);
          const last = events.filter((e) => e.kind === 'frame').at(-1);
          expect(last?.kind).toBe('frame');
          if (last?.kind === 'frame') {
            const decoded = decodeReadReply(last.body.subarray(3));
            expect(decoded.ok && decoded.card.idNumber).toBe(RESIDENT_CARD.idNumber);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random and truncated read-reply data and text blocks decode to a result, never an exception', () => {
    fc.assert(
      fc.property(bytes(1400), fc.integer({ min: 0, max: goodReply.length }), (random, cut) => {
        const r1 = decodeReadReply(random);
        const r2 = decodeReadReply(goodReply.subarray(10, cut));
        const r3 = decodeCardText(random, { format: 'wlt', bytes: new Uint8Array() });
        for (const r of [r1, r2, r3]) expect(typeof r.ok).toBe('boolean');
        if (cut < goodReply.length - 1) expect(r2.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: printer status and ESC/POS parsers', () => {
  it('DLE EOT replies: every byte and length is either a status or a reported error', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 6 }), bytes(3), (query, reply) => {
        const r = parseStatusReply(query, reply);
        const valid = query >= 1 && query <= 4 && reply.length === 1 && ((reply[0] as number) & 0x93) === 0x12;
        expect(r.ok).toBe(valid);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('the ESC/POS interpreter takes random byte streams in random chunks without throwing', () => {
    fc.assert(
      fc.property(fc.array(bytes(200), { maxLength: 10 }), (chunks) => {
        const interp = new EscPosInterpreter('gb18030', { statusRequest: () => undefined, canPrint: () => true });
        for (const c of chunks) interp.feed(c);
        expect(EscPosInterpreter.commandStarts(Buffer.concat(chunks)).length).toBeLessThanOrEqual(chunks.reduce((n, c) => n + c.length, 0));
      }),
      { numRuns: 500 },
    );
  });

  it('HID POS reports of any shape parse or report an error', () => {
    fc.assert(
      fc.property(bytes(80), (report) => {
        const r = parseHidPosReport(report);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        else expect(r.data.length).toBeLessThanOrEqual(56);
      }),
      { numRuns: 500 },
    );
  });
});
