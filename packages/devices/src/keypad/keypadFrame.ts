// The wired caller keypad bus (RS-485, 9600 8N1), as the production system in
// reference/caller-keypad-rs485.md speaks it: FF 68 L L 68 ADDR FUNC DATA[L-2] CS 16, where
// L counts ADDR+FUNC+DATA and CS = (ADDR + FUNC + ΣDATA) mod 256. FF is a wake byte.

export const KeypadFunc = { key: 0x01, display: 0x02, beep: 0x03 } as const;
const WAKE = 0xff;
const START = 0x68;
const END = 0x16;
/** Longest L we accept; keypad frames are a few bytes. */
const MAX_L = 64;

export interface KeypadFrame {
  address: number;
  func: number;
  data: Uint8Array;
}

export function keypadChecksum(address: number, func: number, data: Uint8Array): number {
  let cs = address + func;
  for (const b of data) cs += b;
  return cs & 0xff;
}

export function encodeKeypadFrame(f: KeypadFrame): Uint8Array {
  const l = 2 + f.data.length;
  if (l > MAX_L) throw new RangeError(`keypad frame of L=${l} is longer than ${MAX_L}`);
  return Uint8Array.from([WAKE, START, l, l, START, f.address & 0xff, f.func & 0xff, ...f.data, keypadChecksum(f.address, f.func, f.data), END]);
}

/** Host → keypad: six display digits (0–9, null = blank). */
export function displayFrame(address: number, digits: ReadonlyArray<number | null>): Uint8Array {
  if (digits.length !== 6) throw new RangeError('a keypad shows exactly 6 digits');
  return encodeKeypadFrame({ address, func: KeypadFunc.display, data: Uint8Array.from(digits.map((d) => (d === null ? 0x0a : Math.max(0, Math.min(9, d))))) });
}

export function beepFrame(address: number): Uint8Array {
  return encodeKeypadFrame({ address, func: KeypadFunc.beep, data: new Uint8Array(0) });
}

export type KeypadFrameEvent =
  | { kind: 'frame'; frame: KeypadFrame; raw: Uint8Array }
  | { kind: 'bad'; reason: 'checksum' | 'length' | 'end' | 'noise'; bytes: number };

/**
 * Splits the bus's byte stream into frames. It syncs on `68 L L 68`; wake bytes (FF) are skipped;
 * a frame with a wrong checksum or end byte is reported (the reference's host never checked CS, so
 * a damaged key would have acted) and the search resumes one byte after its start.
 */
export class KeypadFrameReader {
  private buf: number[] = [];
  private noise = 0;

  reset(): void {
    this.buf = [];
    this.noise = 0;
  }

  push(chunk: Uint8Array): KeypadFrameEvent[] {
    const events: KeypadFrameEvent[] = [];
    for (const b of chunk) this.buf.push(b);
    for (;;) {
      // Drop anything before a start byte; count what is not a wake byte as noise.
      let i = 0;
      while (i < this.buf.length && this.buf[i] !== START) {
        if (this.buf[i] !== WAKE) this.noise++;
        i++;
      }
      if (i > 0) this.buf.splice(0, i);
      if (this.noise > 0 && this.buf.length > 0) {
        events.push({ kind: 'bad', reason: 'noise', bytes: this.noise });
        this.noise = 0;
      }
      if (this.buf.length < 4) break;
      const [, l1, l2, s2] = this.buf as [number, number, number, number];
      if (l1 !== l2 || s2 !== START || l1 < 2 || l1 > MAX_L) {
        events.push({ kind: 'bad', reason: 'length', bytes: 1 });
        this.buf.shift();
        continue;
      }
      const total = 4 + l1 + 2;
      if (this.buf.length < total) break;
      const frame = this.buf.slice(0, total);
      const address = frame[4] as number;
      const func = frame[5] as number;
      const data = Uint8Array.from(frame.slice(6, 4 + l1));
      if (frame[total - 1] !== END) {
        events.push({ kind: 'bad', reason: 'end', bytes: 1 });
        this.buf.shift();
        continue;
      }
      if (frame[total - 2] !== keypadChecksum(address, func, data)) {
        events.push({ kind: 'bad', reason: 'checksum', bytes: total });
        this.buf.splice(0, total);
        continue;
      }
      this.buf.splice(0, total);
      events.push({ kind: 'frame', frame: { address, func, data }, raw: Uint8Array.from([WAKE, ...frame]) });
    }
    if (this.noise > 0 && this.buf.length === 0 && chunk.length > 0) {
      // Pure noise with no frame after it yet: report it now, not when the next frame comes.
      events.push({ kind: 'bad', reason: 'noise', bytes: this.noise });
      this.noise = 0;
    }
    return events;
  }

  /** Bytes held for an unfinished frame. */
  get pending(): number {
    return this.buf.length;
  }
}
