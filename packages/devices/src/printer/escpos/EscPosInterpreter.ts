import iconv from 'iconv-lite';
import type { Align, PaperBlock, PrintedReceipt, TextRun } from './PrintedPaper.ts';

export interface InterpreterHooks {
  /** `DLE EOT n` arrived (a real-time command: answered at once, even while the printer is stopped). */
  statusRequest(n: number): void;
  /** False while the printer cannot print (paper out, cover open): printable data is dropped. */
  canPrint(): boolean;
  /** A command it does not know; the simulator logs these so a technician sees what the driver sent. */
  unknown?(description: string): void;
  cut?(receipt: PrintedReceipt): void;
}

interface TextStyle {
  bold: boolean;
  widthScale: number;
  heightScale: number;
  inverted: boolean;
}

const NEED_MORE = -1;

/**
 * A streaming ESC/POS decoder: takes bytes in any chunking and turns them into printed blocks.
 * Knows init, Chinese mode (FS & / FS .), GB18030/GBK text, sizes, bold, alignment, positions,
 * QR (GS ( k), raster images (GS v 0, GS 8 L), barcodes, cuts and DLE EOT. Unknown commands are
 * reported and skipped; nothing it receives can make it throw.
 */
export class EscPosInterpreter {
  private buf: Buffer = Buffer.alloc(0);
  private chinese = false;
  private style: TextStyle = { bold: false, widthScale: 1, heightScale: 1, inverted: false };
  private align: Align = 'left';
  private x = 0;
  private runs: TextRun[] = [];
  private pendingText: number[] = [];
  private qr = { payload: '', cell: 3, level: 'm' as 'l' | 'm' | 'q' | 'h' };
  current: PrintedReceipt = { blocks: [], cut: false };

  constructor(
    private readonly encoding: 'gb18030' | 'gbk',
    private readonly hooks: InterpreterHooks,
  ) {}

  /**
   * Offsets where a command or character starts. A driver cuts a job only there, so a status
   * request it slips in between two chunks never lands inside another command's parameters.
   */
  static commandStarts(bytes: Uint8Array): number[] {
    const probe = new EscPosInterpreter('gb18030', { statusRequest: () => undefined, canPrint: () => false });
    probe.buf = Buffer.from(bytes);
    const starts: number[] = [];
    let i = 0;
    while (i < probe.buf.length) {
      starts.push(i);
      const used = probe.step(i);
      if (used === NEED_MORE) break;
      i += used;
    }
    return starts;
  }

  feed(chunk: Uint8Array): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : Buffer.from(chunk);
    let i = 0;
    while (i < this.buf.length) {
      const used = this.step(i);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.buf = this.buf.subarray(i);
    // A lone trailing lead byte of a GB18030 character waits for the rest.
  }

  /** Handles one command or character at `i`; returns bytes consumed or NEED_MORE. */
  private step(i: number): number {
    const b = this.buf;
    const c = b[i] as number;
    const avail = b.length - i;
    const at = (k: number): number => b[i + k] as number;
    switch (c) {
      case 0x0a:
        this.flushText();
        this.newLine();
        return 1;
      case 0x0d:
      case 0x00:
        return 1;
      case 0x09:
        this.flushText();
        this.x += 8 * 12;
        return 1;
      case 0x0c:
        this.flushText();
        this.newLine();
        return 1;
      case 0x10: // DLE
        if (avail < 3) return NEED_MORE;
        if (at(1) === 0x04) {
          this.hooks.statusRequest(at(2));
          return 3;
        }
        if (at(1) === 0x14) return avail < 5 ? NEED_MORE : 5;
        if (at(1) === 0x05) return 3;
        this.hooks.unknown?.(`DLE 0x${at(1).toString(16)}`);
        return 2;
      case 0x1b:
        return this.esc(i, avail, at);
      case 0x1c:
        return this.fs(avail, at);
      case 0x1d:
        return this.gs(i, avail, at);
      default:
        return this.character(avail, at);
    }
  }

  private character(avail: number, at: (k: number) => number): number {
    const c = at(0);
    if (c < 0x20) return 1;
    if (c < 0x80 || !this.chinese) {
      this.pendingText.push(c);
      return 1;
    }
    // GB18030: 0x81–0xFE lead; second byte 0x30–0x39 means a 4-byte sequence.
    if (avail < 2) return NEED_MORE;
    const n = this.encoding === 'gb18030' && at(1) >= 0x30 && at(1) <= 0x39 ? 4 : 2;
    if (avail < n) return NEED_MORE;
    for (let k = 0; k < n; k++) this.pendingText.push(at(k));
    return n;
  }

  private esc(i: number, avail: number, at: (k: number) => number): number {
    if (avail < 2) return NEED_MORE;
    const cmd = at(1);
    const param = (): number => at(2);
    const need = (n: number): boolean => avail >= n;
    switch (cmd) {
      case 0x40: // ESC @
        this.flushText();
        this.chinese = false;
        this.style = { bold: false, widthScale: 1, heightScale: 1, inverted: false };
        this.align = 'left';
        return 2;
      case 0x21: // ESC ! n
        if (!need(3)) return NEED_MORE;
        this.flushText();
        this.style.bold = (param() & 0x08) !== 0;
        this.style.heightScale = param() & 0x10 ? 2 : 1;
        this.style.widthScale = param() & 0x20 ? 2 : 1;
        return 3;
      case 0x45: // ESC E n
        if (!need(3)) return NEED_MORE;
        this.flushText();
        this.style.bold = (param() & 1) === 1;
        return 3;
      case 0x61: // ESC a n
        if (!need(3)) return NEED_MORE;
        this.flushText();
        this.align = (['left', 'center', 'right'] as const)[param() % 48] ?? 'left';
        return 3;
      case 0x24: // ESC $ nL nH
        if (!need(4)) return NEED_MORE;
        this.flushText();
        this.x = at(2) + at(3) * 256;
        return 4;
      case 0x5c: // ESC \ nL nH
        if (!need(4)) return NEED_MORE;
        this.flushText();
        this.x += (at(2) + at(3) * 256) << 16 >> 16;
        return 4;
      case 0x32: // ESC 2
      case 0x69: // ESC i (partial cut, old)
      case 0x6d:
        if (cmd !== 0x32) this.cut();
        return 2;
      case 0x2d: case 0x74: case 0x4d: case 0x20: case 0x33: case 0x7b: case 0x52: case 0x64: case 0x4a:
      case 0x47: case 0x56: case 0x55: case 0x63: case 0x3d: case 0x25: case 0x72:
        return need(3) ? 3 : NEED_MORE;
      case 0x70: // ESC p m t1 t2 (drawer)
        return need(5) ? 5 : NEED_MORE;
      case 0x44: { // ESC D n1 … NUL
        const end = this.buf.indexOf(0, i + 2);
        return end < 0 ? NEED_MORE : end - i + 1;
      }
      case 0x2a: { // ESC * m nL nH d…
        if (!need(5)) return NEED_MORE;
        const cols = at(3) + at(4) * 256;
        const len = 5 + (at(2) >= 32 ? 3 : 1) * cols;
        return need(len) ? len : NEED_MORE;
      }
      default:
        this.hooks.unknown?.(`ESC 0x${cmd.toString(16)}`);
        return 2;
    }
  }

  private fs(avail: number, at: (k: number) => number): number {
    if (avail < 2) return NEED_MORE;
    const cmd = at(1);
    switch (cmd) {
      case 0x26: // FS & Chinese mode on
        this.flushText();
        this.chinese = true;
        return 2;
      case 0x2e: // FS . Chinese mode off
        this.flushText();
        this.chinese = false;
        return 2;
      case 0x21: case 0x2d: case 0x43: case 0x57:
        return avail >= 3 ? 3 : NEED_MORE;
      case 0x53: case 0x54: case 0x70:
        return avail >= 4 ? 4 : NEED_MORE;
      case 0x28: {
        if (avail < 5) return NEED_MORE;
        const len = 5 + at(3) + at(4) * 256;
        return avail >= len ? len : NEED_MORE;
      }
      default:
        this.hooks.unknown?.(`FS 0x${cmd.toString(16)}`);
        return 2;
    }
  }

  private gs(i: number, avail: number, at: (k: number) => number): number {
    if (avail < 2) return NEED_MORE;
    const cmd = at(1);
    switch (cmd) {
      case 0x21: // GS ! n
        if (avail < 3) return NEED_MORE;
        this.flushText();
        this.style.widthScale = ((at(2) >> 4) & 7) + 1;
        this.style.heightScale = (at(2) & 7) + 1;
        return 3;
      case 0x42: // GS B n
        if (avail < 3) return NEED_MORE;
        this.flushText();
        this.style.inverted = (at(2) & 1) === 1;
        return 3;
      case 0x56: // GS V m [n]
        if (avail < 3) return NEED_MORE;
        if (at(2) >= 65) {
          if (avail < 4) return NEED_MORE;
          this.cut();
          return 4;
        }
        this.cut();
        return 3;
      case 0x4c: case 0x57: case 0x50: case 0x24:
        return avail >= 4 ? 4 : NEED_MORE;
      case 0x61: case 0x72: case 0x48: case 0x68: case 0x77: case 0x66: case 0x62: case 0x49:
        return avail >= 3 ? 3 : NEED_MORE;
      case 0x76: { // GS v 0 m xL xH yL yH d…
        if (avail < 8) return NEED_MORE;
        const wBytes = at(4) + at(5) * 256;
        const h = at(6) + at(7) * 256;
        const len = 8 + wBytes * h;
        if (avail < len) return NEED_MORE;
        this.image(wBytes * 8, h, this.buf.subarray(i + 8, i + len));
        return len;
      }
      case 0x38: { // GS 8 L p1 p2 p3 p4 m fn …
        if (avail < 7) return NEED_MORE;
        const p = at(3) + at(4) * 256 + at(5) * 65536 + at(6) * 16777216;
        const len = 7 + p;
        if (avail < len) return NEED_MORE;
        if (at(8) === 112 && p >= 10) {
          const w = at(13) + at(14) * 256;
          const h = at(15) + at(16) * 256;
          this.image(w, h, this.buf.subarray(i + 17, i + len));
        }
        return len;
      }
      case 0x28: { // GS ( x pL pH …
        if (avail < 5) return NEED_MORE;
        const len = 5 + at(3) + at(4) * 256;
        if (avail < len) return NEED_MORE;
        if (at(2) === 0x6b) this.qrCommand(this.buf.subarray(i + 5, i + len));
        return len;
      }
      case 0x6b: { // GS k m …
        if (avail < 3) return NEED_MORE;
        if (at(2) <= 6) {
          const end = this.buf.indexOf(0, i + 3);
          if (end < 0) return NEED_MORE;
          this.barcode(this.buf.subarray(i + 3, end));
          return end - i + 1;
        }
        if (avail < 4) return NEED_MORE;
        const len = 4 + at(3);
        if (avail < len) return NEED_MORE;
        this.barcode(this.buf.subarray(i + 4, len + i));
        return len;
      }
      default:
        this.hooks.unknown?.(`GS 0x${cmd.toString(16)}`);
        return 2;
    }
  }

  /** GS ( k with cn = 49 (QR): fn 67 size, 69 level, 80 store, 81 print. */
  private qrCommand(body: Buffer): void {
    if (body.length < 2 || body[0] !== 0x31) return;
    const fn = body[1];
    if (fn === 0x43 && body.length >= 3) this.qr.cell = body[2] as number;
    else if (fn === 0x45 && body.length >= 3) this.qr.level = (['l', 'm', 'q', 'h'] as const)[((body[2] as number) - 48) & 3] ?? 'm';
    else if (fn === 0x50) this.qr.payload = body.subarray(3).toString('utf8');
    else if (fn === 0x51) {
      this.flushText();
      this.push({ kind: 'qr', align: this.align, payload: this.qr.payload, cell: this.qr.cell, level: this.qr.level });
    }
  }

  private barcode(data: Buffer): void {
    this.flushText();
    this.push({ kind: 'barcode', align: this.align, data: data.toString('latin1').replace(/^\{[A-C]/, '') });
  }

  private image(width: number, height: number, bits: Uint8Array): void {
    this.flushText();
    this.push({ kind: 'image', align: this.align, width, height, bits: Uint8Array.from(bits) });
  }

  private flushText(): void {
    if (this.pendingText.length === 0) return;
    const bytes = Buffer.from(this.pendingText);
    this.pendingText = [];
    const text = this.chinese ? iconv.decode(bytes, this.encoding) : iconv.decode(bytes, 'cp437');
    this.runs.push({ x: this.x, text, ...this.style });
    this.x += [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 24 : 12), 0) * this.style.widthScale;
  }

  private newLine(): void {
    const runs = this.runs.filter((r) => r.text.length > 0);
    this.runs = [];
    this.x = 0;
    if (runs.length === 0 || runs.every((r) => r.text.trim() === '')) {
      if (runs.length > 0 || this.current.blocks.length > 0) this.push({ kind: 'text', align: this.align, runs: [] });
      return;
    }
    this.push({ kind: 'text', align: this.align, runs });
  }

  private push(block: PaperBlock): void {
    if (!this.hooks.canPrint()) return;
    this.current.blocks.push(block);
  }

  private cut(): void {
    this.flushText();
    if (this.runs.length) this.newLine();
    if (!this.hooks.canPrint()) return;
    if (this.current.blocks.length === 0) return; // a second cut right after the first feeds nothing
    this.current.cut = true;
    const done = this.current;
    this.current = { blocks: [], cut: false };
    this.hooks.cut?.(done);
  }
}
