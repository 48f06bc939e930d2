// Text for a BX font card: GB2312/ASCII bytes drawn with the card's built-in fonts, with in-band
// escapes (§11 of the protocol document): \FO000/001/002 Chinese 16/24/32-dot font, \FE000… the
// English font, \C1…\C7 colour, \n new line, \DY… date/time fields. One area has one font height.
import iconv from 'iconv-lite';

export const STRIP_COLOURS = ['red', 'green', 'yellow', 'blue', 'cyan', 'magenta', 'white'] as const;
export type StripColour = (typeof STRIP_COLOURS)[number];
export type FontDots = 16 | 24 | 32;
export const FONT_DOTS: readonly FontDots[] = [16, 24, 32];

export interface StripRun {
  text: string;
  colour: StripColour;
}

const fontCode = (dots: FontDots): string => String(FONT_DOTS.indexOf(dots)).padStart(3, '0');
const colourCode = (c: StripColour): string => `\\C${STRIP_COLOURS.indexOf(c) + 1}`;

/** A character the card's GB2312 font has: ASCII, or a double byte in the GB2312 rows (A1–F7, A1–FE). */
function gb2312Bytes(ch: string): Uint8Array | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return cp >= 0x20 || cp === 0x0a ? Uint8Array.of(cp) : undefined;
  const b = iconv.encode(ch, 'gb2312');
  if (b.length !== 2) return undefined;
  const [hi, lo] = [b[0] as number, b[1] as number];
  return hi >= 0xa1 && hi <= 0xf7 && lo >= 0xa1 && lo <= 0xfe ? Uint8Array.from(b) : undefined;
}

export interface EncodedStripText {
  bytes: Uint8Array;
  /** Characters the card has no glyph for, shown as '?' (a rare character in a staff name). */
  missing: string[];
}

/**
 * Lines of coloured runs → the card's bytes. A backslash in the text would start an escape, so it
 * is shown as '/'; characters outside GB2312 become '?' and are listed in `missing`.
 */
export function encodeStripText(lines: StripRun[][], font: FontDots): EncodedStripText {
  const parts: Uint8Array[] = [Buffer.from(`\\FO${fontCode(font)}\\FE${fontCode(font)}`, 'latin1')];
  const missing: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) parts.push(Buffer.from('\\n', 'latin1'));
    for (const run of line) {
      parts.push(Buffer.from(colourCode(run.colour), 'latin1'));
      for (const ch of run.text.replace(/\\/g, '/').replace(/[\r\n]/g, ' ')) {
        const b = gb2312Bytes(ch);
        if (b) parts.push(b);
        else {
          missing.push(ch);
          parts.push(Uint8Array.of(0x3f));
        }
      }
    }
  });
  return { bytes: Uint8Array.from(Buffer.concat(parts)), missing };
}

/** GB2312 bytes for the card's speech (SoundMode 2); no escapes apart from TTS tags like [n1]. */
export function encodeSpeech(text: string): Uint8Array {
  return Uint8Array.from(iconv.encode(text, 'gb2312'));
}
export function decodeSpeech(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb2312');
}

export interface DecodedStripText {
  font: FontDots;
  lines: StripRun[][];
  /** Escapes the decoder does not know, and bytes that are not GB2312 (reported by the simulator). */
  problems: string[];
}

/** The card's view of its text bytes: what the simulator draws. Never throws. */
export function decodeStripText(bytes: Uint8Array, now: Date = new Date()): DecodedStripText {
  let font: FontDots = 16;
  let colour: StripColour = 'red';
  const lines: StripRun[][] = [[]];
  const problems: string[] = [];
  const put = (s: string): void => {
    const line = lines[lines.length - 1] as StripRun[];
    const last = line[line.length - 1];
    if (last && last.colour === colour) last.text += s;
    else line.push({ text: s, colour });
  };
  const ascii = (from: number, n: number): string => Buffer.from(bytes.subarray(from, from + n)).toString('latin1');
  const pad2 = (n: number): string => String(n).padStart(2, '0');
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b === 0x5c) {
      const two = ascii(i + 1, 2);
      if ((two === 'FO' || two === 'FE') && /^\d{3}$/.test(ascii(i + 3, 3))) {
        const n = Number(ascii(i + 3, 3));
        if (two === 'FO') {
          const dots = FONT_DOTS[n];
          if (dots) font = dots;
          else problems.push(`unknown font \\FO${ascii(i + 3, 3)}`);
        }
        i += 6;
        continue;
      }
      if (two[0] === 'C' && /^[1-7]$/.test(two[1] ?? '')) {
        colour = STRIP_COLOURS[Number(two[1]) - 1] as StripColour;
        i += 3;
        continue;
      }
      if (two[0] === 'n') {
        lines.push([]);
        i += 2;
        continue;
      }
      if (two[0] === 'D' && 'YLDHMSW'.includes(two[1] ?? '?')) {
        const f = two[1];
        const v = f === 'Y' ? String(now.getFullYear()) : f === 'L' ? pad2(now.getMonth() + 1) : f === 'D' ? pad2(now.getDate()) : f === 'H' ? pad2(now.getHours()) : f === 'M' ? pad2(now.getMinutes()) : f === 'S' ? pad2(now.getSeconds()) : '日一二三四五六'[now.getDay()] ?? '';
        put(v);
        i += 3;
        continue;
      }
      if (ascii(i + 1, 4) === 'WC01') {
        put('--℃');
        i += 5;
        continue;
      }
      problems.push(`unknown escape \\${two}`);
      put('\\');
      i += 1;
      continue;
    }
    if (b === 0x0a) {
      lines.push([]);
      i += 1;
      continue;
    }
    if (b < 0x80) {
      if (b >= 0x20) put(String.fromCharCode(b));
      else problems.push(`control byte 0x${b.toString(16).padStart(2, '0')}`);
      i += 1;
      continue;
    }
    const lo = bytes[i + 1];
    if (lo === undefined || b < 0xa1 || b > 0xf7 || lo < 0xa1 || lo > 0xfe) {
      problems.push(`byte 0x${b.toString(16)} is not GB2312`);
      put('?');
      i += 1;
      continue;
    }
    put(iconv.decode(Buffer.from([b, lo]), 'gb2312'));
    i += 2;
  }
  return { font, lines: lines.map((l) => l.filter((r) => r.text.length > 0)), problems };
}

/** The text a person reads on the strip, lines joined by '\n' (tests, logs, the CLI). */
export function stripPlainText(d: Pick<DecodedStripText, 'lines'>): string {
  return d.lines.map((l) => l.map((r) => r.text).join('')).join('\n');
}
