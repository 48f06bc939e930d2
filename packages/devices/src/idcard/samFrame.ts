/**
 * GA/T 467 SAM frames: `AA AA AA 96 69 | len (2, BE) | body | xor`. `len` counts body + checksum;
 * the checksum is the XOR of the length bytes and the body.
 */
export const SAM_PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Longest frame we accept (text + photo + fingerprint replies stay well under this). */
export const SAM_MAX_LEN = 0x1000;

export const SamCommand = {
  reset: [0x10, 0xff],
  status: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

/** SW3 result codes in replies. */
export const SamResult = {
  ok: 0x90,
  cardFound: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
} as const;

function frame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(5 + 2 + len);
  out.set(SAM_PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, 7);
  let x = out[5] ^ out[6];
  for (const b of body) x ^= b;
  out[out.length - 1] = x;
  return out;
}

export function encodeCommand(cmd: readonly [number, number], data: Uint8Array = new Uint8Array(0)): Uint8Array {
  return frame(Uint8Array.from([...cmd, ...data]));
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return frame(body);
}

export type FrameEvent =
  | { kind: 'frame'; body: Uint8Array }
  | { kind: 'bad'; reason: 'checksum' | 'length' | 'garbage'; bytes: number };

/**
 * Splits a byte stream into frames. Garbage before a preamble, impossible lengths and checksum
 * mismatches come out as `bad` events (so the caller can report them) and the reader resyncs on
 * the next preamble; nothing it is fed can make it throw.
 */
export class SamFrameReader {
  private buf = Buffer.alloc(0);

  push(chunk: Uint8Array): FrameEvent[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : Buffer.from(chunk);
    const events: FrameEvent[] = [];
    for (;;) {
      const start = this.buf.indexOf(SAM_PREAMBLE);
      if (start < 0) {
        // Keep a possible partial preamble at the end; report the rest as garbage.
        const keep = Math.min(this.buf.length, SAM_PREAMBLE.length - 1);
        const drop = this.buf.length - keep;
        if (drop > 0) events.push({ kind: 'bad', reason: 'garbage', bytes: drop });
        this.buf = this.buf.subarray(drop);
        return events;
      }
      if (start > 0) {
        events.push({ kind: 'bad', reason: 'garbage', bytes: start });
        this.buf = this.buf.subarray(start);
      }
      if (this.buf.length < 7) return events;
      const len = ((this.buf[5] as number) << 8) | (this.buf[6] as number);
      if (len < 2 || len > SAM_MAX_LEN) {
        events.push({ kind: 'bad', reason: 'length', bytes: 7 });
        this.buf = this.buf.subarray(1); // resync past this preamble
        continue;
      }
      if (this.buf.length < 7 + len) return events;
      const body = this.buf.subarray(7, 7 + len - 1);
      let x = (this.buf[5] as number) ^ (this.buf[6] as number);
      for (const b of body) x ^= b;
      if (x !== this.buf[7 + len - 1]) {
        events.push({ kind: 'bad', reason: 'checksum', bytes: 7 + len });
      } else {
        events.push({ kind: 'frame', body: Uint8Array.from(body) });
      }
      this.buf = this.buf.subarray(7 + len);
    }
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }
}
