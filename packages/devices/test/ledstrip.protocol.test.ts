import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ackData, BxCmd, decodeSetTime, dynamicAreaData, nackData, parseReply, requestData, setTimePayload } from '../src/ledstrip/bx/bxCommands.ts';
import { BxFrameReader, escapeBx, frameBx, unescapeBx } from '../src/ledstrip/bx/bxFrame.ts';
import { ADDR_BROADCAST_REPLY, ADDR_HOST, decodePacket, encodePacket } from '../src/ledstrip/bx/bxPacket.ts';
import { crc16Arc } from '../src/ledstrip/bx/crc16.ts';
import { decodeDynamicAreas, encodeDynamicAreas } from '../src/ledstrip/bx/dynamicArea.ts';
import { decodeStripText, encodeStripText, stripPlainText } from '../src/ledstrip/bx/stripText.ts';
import { StripScreenSchema, stripAreas } from '../src/ledstrip/StripScreen.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.trim().split(/\s+/).map((h) => Number.parseInt(h, 16)));
const A5x8 = 'A5 A5 A5 A5 A5 A5 A5 A5';

// The protocol document's own test vectors (onbon-docs potocol.md, via reference/led-strip-onbon-bx.md).
const PING = hex(`${A5x8} 01 00 00 80 00 00 00 00 00 00 FE 02 05 00 A2 00 01 00 00 68 F8 5A`);
const WELCOME = hex(
  `${A5x8} FE FF 00 80 00 00 00 00 00 00 FE 02 2C 00 A3 06 01 00 00 00 01 23 00 00 00 80 00 00 80 80 20 00 00 00 00 0A 00 00 00 00 02 01 01 00 02 0A 08 00 00 00 BB B6 D3 AD B9 E2 C1 D9 3C 49 5A`,
);
const ACK = hex(`A5 ${A5x8} 00 80 FE FF 00 00 00 00 00 00 FE 02 05 00 A0 00 00 00 00 14 AC 5A`);

describe('Onbon BX encoder against the document’s vectors', () => {
  it('CRC-16/ARC: the standard check value and the three documented CRCs', () => {
    expect(crc16Arc(new TextEncoder().encode('123456789'))).toBe(0xbb3d);
    expect(crc16Arc(PING.subarray(8, 8 + 19))).toBe(0xf868);
    expect(crc16Arc(WELCOME.subarray(8, 8 + 58))).toBe(0x493c);
    expect(crc16Arc(ACK.subarray(9, 9 + 19))).toBe(0xac14);
  });

  it('PING to screen 1, byte for byte', () => {
    const packet = encodePacket({ dst: 1, src: ADDR_HOST, data: requestData(BxCmd.ping) });
    expect([...frameBx(packet)]).toEqual([...PING]);
  });

  it('the 「欢迎光临」 dynamic area, 128×32 static, byte for byte', () => {
    const text = Uint8Array.from(Buffer.from('BBB6D3ADB9E2C1D9', 'hex'));
    const payload = encodeDynamicAreas({
      clearFirst: false,
      deleteAreas: [],
      areas: [
        { id: 0, x: 0, y: 0, width: 128, height: 32, lineSpacing: 0, runMode: 0, timeoutSeconds: 10, alignment: 0, singleLine: false, autoWrap: false, effect: 'static', exitMode: 0, speed: 2, stayHalfSeconds: 10, text },
      ],
    });
    const packet = encodePacket({ dst: ADDR_BROADCAST_REPLY, src: ADDR_HOST, data: dynamicAreaData(payload) });
    expect([...frameBx(packet)]).toEqual([...WELCOME]);
    expect(stripPlainText(decodeStripText(text))).toBe('欢迎光临');
  });

  it('the controller ACK, byte for byte (the reader skips the ninth A5)', () => {
    const packet = encodePacket({ dst: ADDR_HOST, src: ADDR_BROADCAST_REPLY, data: ackData() });
    expect([...frameBx(packet)]).toEqual([...ACK.subarray(1)]);
    const events = new BxFrameReader().push(ACK);
    expect(events).toHaveLength(1);
    const ev = events[0];
    if (ev?.kind !== 'packet') throw new Error('no packet');
    const d = decodePacket(ev.packet);
    expect(d.ok && parseReply(d.packet.data)?.kind).toBe('ack');
  });

  it('decodes the document’s dynamic area back into its fields', () => {
    const ev = new BxFrameReader().push(WELCOME)[0];
    if (ev?.kind !== 'packet') throw new Error('no packet');
    const d = decodePacket(ev.packet);
    if (!d.ok) throw new Error(d.message);
    expect([...d.packet.data.subarray(0, 3)]).toEqual([0xa3, 0x06, 0x01]);
    const areas = decodeDynamicAreas(d.packet.data.subarray(3));
    if (!areas.ok) throw new Error(areas.error);
    expect(areas.command.areas[0]).toMatchObject({ id: 0, x: 0, y: 0, width: 128, height: 32, effect: 'static', timeoutSeconds: 10, speed: 2, stayHalfSeconds: 10 });
  });

  it('NACK codes are read back, CRC damage is caught', () => {
    expect(parseReply(nackData(3))).toEqual({ kind: 'nack', error: 3 });
    const packet = encodePacket({ dst: 1, src: ADDR_HOST, data: requestData(BxCmd.ping) });
    const bad = Uint8Array.from(packet);
    bad[15] = (bad[15] as number) ^ 0x01;
    expect(decodePacket(bad)).toMatchObject({ ok: false, reason: 'check' });
    expect(decodePacket(packet.subarray(0, packet.length - 1))).toMatchObject({ ok: false, reason: 'length' });
  });

  it('escaping round-trips every byte sequence and leaves no A5/5A inside a frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const esc = escapeBx(bytes);
        expect(esc.includes(0xa5) || esc.includes(0x5a)).toBe(false);
        const back = unescapeBx(esc);
        expect(back.ok && [...back.bytes]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes A5/A6/5A/5B in header and data as the document says', () => {
    expect([...escapeBx(Uint8Array.of(0xa5, 0xa6, 0x5a, 0x5b, 0x00))]).toEqual([0xa6, 0x02, 0xa6, 0x01, 0x5b, 0x02, 0x5b, 0x01, 0x00]);
  });

  it('set-time is BCD', () => {
    const p = setTimePayload({ year: 2026, month: 3, day: 2, hour: 9, minute: 5, second: 59, weekday: 1 });
    expect([...p]).toEqual([0x20, 0x26, 0x03, 0x02, 0x09, 0x05, 0x59, 0x01]);
    expect(decodeSetTime(p)).toEqual({ year: 2026, month: 3, day: 2, hour: 9, minute: 5, second: 59, weekday: 1 });
  });
});

describe('strip text: GB2312 with colour and font escapes', () => {
  it('encodes colours, the font and lines, and decodes them back', () => {
    const enc = encodeStripText([[{ text: 'A012 ', colour: 'red' }, { text: '请到5号窗口', colour: 'green' }], [{ text: '王晓燕', colour: 'yellow' }]], 16);
    const raw = Buffer.from(enc.bytes).toString('latin1');
    expect(raw.startsWith('\\FO000\\FE000\\C1A012 \\C2')).toBe(true);
    const d = decodeStripText(enc.bytes);
    expect(d.font).toBe(16);
    expect(stripPlainText(d)).toBe('A012 请到5号窗口\n王晓燕');
    expect(d.lines[0]?.map((r) => r.colour)).toEqual(['red', 'green']);
    expect(d.problems).toEqual([]);
  });

  it('a character outside GB2312 becomes ? and is reported; a backslash cannot start an escape', () => {
    const enc = encodeStripText([[{ text: '张㛃\\C2', colour: 'red' }]], 16);
    expect(enc.missing).toEqual(['㛃']);
    expect(stripPlainText(decodeStripText(enc.bytes))).toBe('张?/C2');
  });

  it('a long line scrolls, a short one stands; lines split the height', () => {
    const screen = StripScreenSchema.parse({ lines: [{ runs: [{ text: 'A012 请到5号窗口办理业务', colour: 'red' }] }, { runs: [{ text: '5号窗口', colour: 'green' }] }] });
    const laid = stripAreas(screen, { width: 160, height: 32 });
    expect(laid.command.areas.map((a) => [a.y, a.height, a.effect])).toEqual([
      [0, 16, 'scrollLeft'],
      [16, 16, 'static'],
    ]);
  });
});
