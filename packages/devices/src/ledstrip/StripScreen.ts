// What a strip shows, independent of the controller: lines of coloured runs and, once, a sentence
// for the card to say. `stripAreas` lays it out into the card's dynamic areas.
import { z } from 'zod';
import { DisplayEffect, type DynamicArea, type DynamicAreaCommand } from './bx/dynamicArea.ts';
import { encodeSpeech, encodeStripText, FONT_DOTS, STRIP_COLOURS, type FontDots } from './bx/stripText.ts';

export const StripRunSchema = z.object({ text: z.string().max(200), colour: z.enum(STRIP_COLOURS).default('red') });
export const StripLineSchema = z.object({
  runs: z.array(StripRunSchema).max(8),
  /** Static unless the line is wider than the strip (then it scrolls left). */
  effect: z.enum(Object.keys(DisplayEffect) as [keyof typeof DisplayEffect, ...(keyof typeof DisplayEffect)[]]).optional(),
});
export const StripScreenSchema = z.object({
  v: z.literal(1).default(1),
  lines: z.array(StripLineSchema).min(1).max(4),
  /** Said once by a voice model when this screen is first sent (not when it is sent again after a reconnect). */
  speech: z.string().max(120).optional(),
});
export type StripScreen = z.input<typeof StripScreenSchema>;
export type ParsedStripScreen = z.output<typeof StripScreenSchema>;

export interface StripGeometry {
  width: number;
  height: number;
}

export interface SpeechVoice {
  person: number;
  volume: number;
  speed: number;
  repeat: number;
}

/** Pixel width of a line on a font card: ASCII is half the font's width, everything else full. */
export function textWidth(text: string, font: FontDots): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x80 ? font / 2 : font;
  return w;
}

/** The largest card font that fits a line of this height. */
export function fontFor(lineHeight: number): FontDots {
  return [...FONT_DOTS].reverse().find((f) => f <= lineHeight) ?? 16;
}

export interface LaidOut {
  command: DynamicAreaCommand;
  /** Characters the card cannot draw (shown as '?'). */
  missing: string[];
}

/** One dynamic area per line, stacked; a line too wide for the strip scrolls left. */
export function stripAreas(screen: ParsedStripScreen, g: StripGeometry, voice?: SpeechVoice): LaidOut {
  const n = screen.lines.length;
  const lineHeight = Math.floor(g.height / n);
  const font = fontFor(lineHeight);
  const missing: string[] = [];
  const areas: DynamicArea[] = screen.lines.map((line, i) => {
    const text = line.runs.map((r) => r.text).join('');
    const tooWide = textWidth(text, font) > g.width;
    const effect = line.effect ?? (tooWide ? 'scrollLeft' : 'static');
    const enc = encodeStripText([line.runs.map((r) => ({ text: r.text, colour: r.colour }))], font);
    missing.push(...enc.missing);
    return {
      id: i,
      x: 0,
      y: i * lineHeight,
      width: g.width,
      height: lineHeight,
      lineSpacing: 0,
      runMode: 0,
      timeoutSeconds: 0,
      alignment: 2 | (2 << 2), // centred both ways
      singleLine: true,
      autoWrap: false,
      effect,
      exitMode: 0,
      speed: effect === 'static' ? 0 : 4,
      stayHalfSeconds: effect === 'static' ? 0 : 2,
      text: enc.bytes,
      ...(i === 0 && voice && screen.speech ? { voice: { ...voice, text: encodeSpeech(screen.speech) } } : {}),
    };
  });
  return { command: { clearFirst: false, deleteAreas: 'all', areas }, missing };
}
