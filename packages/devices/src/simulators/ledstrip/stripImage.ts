// Draws a virtual strip as an LED matrix: each area's text is set in the CJK font at the card's
// dot size, rasterised at the strip's real resolution (one pixel per LED), thresholded, and every
// lit LED drawn as a round dot. So the picture shows what fits and what does not, as on the wall.
import { findCjkFont } from '../printer/paperImage.ts';
import type { StripColour } from '../../ledstrip/bx/stripText.ts';
import type { VirtualStrip } from './VirtualStrip.ts';

const LED: Record<StripColour, string> = {
  red: '#ff2a1a', green: '#2aff3a', yellow: '#ffd21a', blue: '#3a6bff', cyan: '#2affff', magenta: '#ff3aff', white: '#ffffff',
};
const FONT = 'Noto Sans CJK SC';

const xml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** The strip at one pixel per LED, text in place (alignment as the card does it). */
export function stripSourceSvg(strip: VirtualStrip): string {
  const parts: string[] = [];
  for (const { area, text } of strip.areas.values()) {
    const font = text.font;
    const lines = text.lines.length ? text.lines : [];
    const h = area.alignment & 0x3;
    const v = (area.alignment >> 2) & 0x3;
    const blockH = lines.length * font;
    const top = area.y + (v === 2 ? Math.max(0, (area.height - blockH) / 2) : v === 1 ? area.height - blockH : 0);
    parts.push(`<svg x="${area.x}" y="${area.y}" width="${area.width}" height="${area.height}" overflow="hidden"><g transform="translate(${-area.x} ${-area.y})">`);
    lines.forEach((line, i) => {
      const anchor = area.effect !== 'static' ? 'start' : h === 2 ? 'middle' : h === 1 ? 'end' : 'start';
      const x = anchor === 'middle' ? area.x + area.width / 2 : anchor === 'end' ? area.x + area.width : area.x;
      const spans = line.map((r) => `<tspan fill="${LED[r.colour]}">${xml(r.text)}</tspan>`).join('');
      parts.push(`<text x="${x}" y="${top + i * font + font * 0.88}" font-family="${FONT}" font-size="${font}" font-weight="bold" text-anchor="${anchor}" xml:space="preserve">${spans}</text>`);
    });
    parts.push('</g></svg>');
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${strip.width}" height="${strip.height}" viewBox="0 0 ${strip.width} ${strip.height}"><rect width="100%" height="100%" fill="#000"/>${parts.join('')}</svg>`;
}

async function render(svg: string, background: string): Promise<{ pixels: Uint8Array; width: number; height: number; png: () => Buffer }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = findCjkFont();
  const r = new Resvg(svg, { font: { loadSystemFonts: font === undefined, ...(font ? { fontFiles: [font] } : {}), defaultFontFamily: FONT }, background, shapeRendering: 1, textRendering: 1 });
  const img = r.render();
  return { pixels: img.pixels, width: img.width, height: img.height, png: () => img.asPng() };
}

const PALETTE = Object.values(LED).map((hex) => ({ hex, rgb: [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number] }));

/** An antialiased edge pixel belongs to the LED colour it is closest to (a real LED has one colour). */
function nearestLed(r: number, g: number, b: number): string {
  let best = PALETTE[0] as (typeof PALETTE)[number];
  let bestD = Infinity;
  for (const p of PALETTE) {
    const d = (p.rgb[0] - r) ** 2 + (p.rgb[1] - g) ** 2 + (p.rgb[2] - b) ** 2;
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best.hex;
}

/** Lit LEDs: the colour of each pixel whose brightness passes half, else null. */
export async function ledMatrix(strip: VirtualStrip): Promise<(string | null)[][]> {
  const img = await render(stripSourceSvg(strip), '#000000');
  const rows: (string | null)[][] = [];
  for (let y = 0; y < img.height; y++) {
    const row: (string | null)[] = [];
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.pixels[i] as number, img.pixels[i + 1] as number, img.pixels[i + 2] as number];
      const max = Math.max(r, g, b);
      row.push(max >= 110 ? nearestLed(r / max, g / max, b / max) : null);
    }
    rows.push(row);
  }
  return rows;
}

/** The strip as round LEDs on a dark board, `dot` screen pixels per LED, dimmed by the card's brightness. */
export async function stripSvg(strip: VirtualStrip, dot = 6): Promise<string> {
  const m = await ledMatrix(strip);
  const w = strip.width * dot;
  const h = strip.height * dot;
  const r = (dot * 0.42).toFixed(2);
  const opacity = (0.35 + (0.65 * strip.brightness) / 15).toFixed(2);
  const lit: string[] = [];
  const off: string[] = [];
  m.forEach((row, y) =>
    row.forEach((c, x) => {
      const cx = x * dot + dot / 2;
      const cy = y * dot + dot / 2;
      if (c) lit.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${c}"/>`);
      else off.push(`M${cx - 0.5} ${cy}h1`);
    }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="#111"/><path d="${off.join('')}" stroke="#2a2a2a" stroke-width="${(dot * 0.6).toFixed(1)}" stroke-linecap="round"/><g opacity="${opacity}">${lit.join('')}</g></svg>`;
}

export async function stripPng(strip: VirtualStrip, dot = 6): Promise<Buffer> {
  const img = await render(await stripSvg(strip, dot), '#111111');
  return img.png();
}
