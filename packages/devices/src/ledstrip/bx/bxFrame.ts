// PHY0 of the Onbon BX font-card protocol: eight A5 wake-up bytes, the escaped packet, 5A.
// Escaping keeps A5 and 5A unique as frame marks: A5→A6 02, A6→A6 01, 5A→5B 02, 5B→5B 01.
// CRC and lengths are over the unescaped packet.

export const FRAME_START = 0xa5;
export const FRAME_END = 0x5a;
const PREAMBLE = 8;

export function escapeBx(packet: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const b of packet) {
    if (b === 0xa5) out.push(0xa6, 0x02);
    else if (b === 0xa6) out.push(0xa6, 0x01);
    else if (b === 0x5a) out.push(0x5b, 0x02);
    else if (b === 0x5b) out.push(0x5b, 0x01);
    else out.push(b);
  }
  return Uint8Array.from(out);
}

/** The unescaped bytes, or the offset of the first escape that is not one of the four. */
export function unescapeBx(body: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; at: number } {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i] as number;
    if (b === 0xa6 || b === 0x5b) {
      const next = body[i + 1];
      if (next === 0x01) out[n++] = b;
      else if (next === 0x02) out[n++] = b === 0xa6 ? 0xa5 : 0x5a;
      else return { ok: false, at: i };
      i++;
    } else out[n++] = b;
  }
  return { ok: true, bytes: out.subarray(0, n) };
}

/** A whole frame on the wire for one unescaped packet. */
export function frameBx(packet: Uint8Array): Uint8Array {
  const body = escapeBx(packet);
  const out = new Uint8Array(PREAMBLE + body.length + 1);
  out.fill(FRAME_START, 0, PREAMBLE);
  out.set(body, PREAMBLE);
  out[out.length - 1] = FRAME_END;
  return out;
}

export type BxFrameEvent =
  | { kind: 'packet'; packet: Uint8Array }
  | { kind: 'bad'; reason: 'escape' | 'too-long' | 'truncated' | 'empty'; bytes: number };

/**
 * Splits a byte stream into unescaped packets. Any A5 starts a frame (further A5s are skipped);
 * bytes up to 5A are the packet. A frame cut short by a new A5, one with a bad escape, an empty
 * one, or one longer than `maxBytes` is reported, never thrown; bytes outside a frame are counted.
 */
export class BxFrameReader {
  private buf: number[] = [];
  private inFrame = false;
  private stray = 0;

  constructor(private readonly maxBytes = 4096) {}

  /** Bytes seen outside any frame since the last call (line noise, a half frame after a restart). */
  takeStray(): number {
    const n = this.stray;
    this.stray = 0;
    return n;
  }

  /** A frame has started and not ended yet (its bytes are reported when it ends or is cut). */
  get open(): boolean {
    return this.inFrame;
  }

  reset(): void {
    this.buf = [];
    this.inFrame = false;
    this.stray = 0;
  }

  push(chunk: Uint8Array): BxFrameEvent[] {
    const events: BxFrameEvent[] = [];
    for (const b of chunk) {
      if (b === FRAME_START) {
        if (this.inFrame && this.buf.length > 0) events.push({ kind: 'bad', reason: 'truncated', bytes: this.buf.length });
        this.inFrame = true;
        this.buf = [];
        continue;
      }
      if (!this.inFrame) {
        this.stray++;
        continue;
      }
      if (b === FRAME_END) {
        this.inFrame = false;
        const body = Uint8Array.from(this.buf);
        this.buf = [];
        if (body.length === 0) {
          events.push({ kind: 'bad', reason: 'empty', bytes: 1 });
          continue;
        }
        const un = unescapeBx(body);
        events.push(un.ok ? { kind: 'packet', packet: un.bytes } : { kind: 'bad', reason: 'escape', bytes: body.length });
        continue;
      }
      this.buf.push(b);
      if (this.buf.length > this.maxBytes) {
        events.push({ kind: 'bad', reason: 'too-long', bytes: this.buf.length });
        this.buf = [];
        this.inFrame = false;
      }
    }
    return events;
  }
}
