/** What came out of the simulated printer, block by block, as a person would see it on paper. */
export type Align = 'left' | 'center' | 'right';

export interface TextRun {
  /** Start position in dots from the left margin (font A: 12 dots per half-width character). */
  x: number;
  text: string;
  bold: boolean;
  widthScale: number;
  heightScale: number;
  inverted: boolean;
}

export type PaperBlock =
  | { kind: 'text'; align: Align; runs: TextRun[] }
  | { kind: 'qr'; align: Align; payload: string; cell: number; level: 'l' | 'm' | 'q' | 'h' }
  | { kind: 'image'; align: Align; width: number; height: number; bits: Uint8Array }
  | { kind: 'barcode'; align: Align; data: string };

export interface PrintedReceipt {
  blocks: PaperBlock[];
  /** Ended by a cut; false while printing or when the paper ran out part way. */
  cut: boolean;
  /** Set when the printer stopped in the middle (paper out, cover open). */
  interruptedBy?: 'paper-empty' | 'cover-open' | 'offline';
}

export const DOTS_PER_CHAR = 12;

/** Visual width of a string in half-width cells (CJK and full-width forms count 2). */
export function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Plain-text rendering: one line per text block, QR codes as `[QR] payload`, cuts as a scissor line. */
export function receiptToText(receipt: PrintedReceipt, cpl: number): string {
  const out: string[] = [];
  for (const block of receipt.blocks) {
    if (block.kind === 'text') out.push(textLine(block, cpl));
    else if (block.kind === 'qr') out.push(alignText(`[QR] ${block.payload}`, block.align, cpl));
    else if (block.kind === 'barcode') out.push(alignText(`[BARCODE] ${block.data}`, block.align, cpl));
    else out.push(alignText(`[IMAGE ${block.width}x${block.height}]`, block.align, cpl));
  }
  if (receipt.interruptedBy) out.push(`~~~ printing stopped: ${receipt.interruptedBy} ~~~`);
  else if (receipt.cut) out.push('✂' + '-'.repeat(Math.max(cpl - 1, 0)));
  return out.join('\n');
}

function alignText(text: string, align: Align, cpl: number): string {
  const pad = Math.max(cpl - cellWidth(text), 0);
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text;
  if (align === 'right') return ' '.repeat(pad) + text;
  return text;
}

/**
 * Scaled text is written unstretched (a 3× "A012" reads as "A012") at the column where the printer
 * put it, so a test can look for the ticket number and a person can read the layout.
 */
function textLine(block: Extract<PaperBlock, { kind: 'text' }>, cpl: number): string {
  const explicit = block.runs.some((r) => r.x > 0);
  if (!explicit) return alignText(block.runs.map((r) => r.text).join(''), block.align, cpl).trimEnd();
  let line = '';
  let col = 0;
  for (const run of block.runs) {
    const start = Math.round(run.x / DOTS_PER_CHAR);
    if (start > col) {
      line += ' '.repeat(start - col);
      col = start;
    }
    line += run.text;
    col += cellWidth(run.text);
  }
  return line.trimEnd();
}
