import { existsSync } from 'node:fs';
import { qrcode } from 'receiptline';
import { DOTS_PER_CHAR, cellWidth, type PaperBlock, type PrintedReceipt } from '../../printer/escpos/PrintedPaper.ts';

const LINE_DOTS = 24;
const FONT_FAMILY = 'Noto Sans CJK SC';

const CJK_FONT_CANDIDATES = [
  process.env.HALLKIT_CJK_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

/** A CJK font file for PNG rendering, or undefined (then Chinese renders as boxes, nothing fails). */
export function findCjkFont(): string | undefined {
  return CJK_FONT_CANDIDATES.find((p): p is string => typeof p === 'string' && existsSync(p));
}

const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

function blockHeight(block: PaperBlock): number {
  if (block.kind === 'text') return LINE_DOTS * Math.max(1, ...block.runs.map((r) => r.heightScale)) + 6;
  if (block.kind === 'qr') return qrSize(block) + 12;
  if (block.kind === 'image') return block.height + 6;
  return 80;
}

function qrMatrix(block: Extract<PaperBlock, { kind: 'qr' }>): Uint8Array[] {
  try {
    return qrcode.generate({ data: block.payload, type: 'qrcode', cell: block.cell, level: block.level });
  } catch {
    return []; // a payload too long for a QR code prints nothing, as on a real printer
  }
}
function qrSize(block: Extract<PaperBlock, { kind: 'qr' }>): number {
  return qrMatrix(block).length * block.cell;
}

function alignX(align: 'left' | 'center' | 'right', width: number, paper: number): number {
  if (align === 'center') return Math.max((paper - width) / 2, 0);
  if (align === 'right') return Math.max(paper - width, 0);
  return 0;
}

/** SVG of the receipt at printer resolution (80 mm paper = 576 dots wide). */
export function receiptToSvg(receipt: PrintedReceipt, cpl: number): string {
  const width = cpl * DOTS_PER_CHAR;
  const parts: string[] = [];
  let y = 12;
  for (const block of receipt.blocks) {
    const h = blockHeight(block);
    if (block.kind === 'text') {
      const explicit = block.runs.some((r) => r.x > 0);
      const total = block.runs.reduce((w, r) => w + cellWidth(r.text) * DOTS_PER_CHAR * r.widthScale, 0);
      let x = explicit ? 0 : alignX(block.align, total, width);
      for (const run of block.runs) {
        if (explicit) x = run.x;
        const size = LINE_DOTS * run.heightScale;
        const sx = run.widthScale / run.heightScale;
        const runWidth = cellWidth(run.text) * DOTS_PER_CHAR * run.widthScale;
        if (run.inverted) parts.push(`<rect x="${x}" y="${y}" width="${runWidth}" height="${size}" fill="#000"/>`);
        parts.push(
          `<text transform="translate(${x} ${y + size * 0.85}) scale(${sx} 1)" font-family="${FONT_FAMILY}" font-size="${size}"` +
            `${run.bold ? ' font-weight="bold"' : ''} fill="${run.inverted ? '#fff' : '#000'}" xml:space="preserve">${xmlEscape(run.text)}</text>`,
        );
        x += runWidth;
      }
    } else if (block.kind === 'qr') {
      const m = qrMatrix(block);
      const size = m.length * block.cell;
      const x0 = alignX(block.align, size, width);
      m.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === 1) parts.push(`<rect x="${x0 + c * block.cell}" y="${y + 6 + r * block.cell}" width="${block.cell}" height="${block.cell}"/>`);
        }),
      );
    } else if (block.kind === 'image') {
      const x0 = alignX(block.align, block.width, width);
      const stride = Math.ceil(block.width / 8);
      for (let r = 0; r < block.height; r++) {
        for (let c = 0; c < block.width; c++) {
          const byte = block.bits[r * stride + (c >> 3)] ?? 0;
          if (byte & (0x80 >> (c & 7))) parts.push(`<rect x="${x0 + c}" y="${y + r}" width="1" height="1"/>`);
        }
      }
    } else {
      parts.push(`<text x="${width / 2}" y="${y + 40}" text-anchor="middle" font-family="monospace" font-size="20">|||| ${xmlEscape(block.data)} ||||</text>`);
    }
    y += h;
  }
  if (receipt.interruptedBy) {
    parts.push(`<text x="${width / 2}" y="${y + 20}" text-anchor="middle" font-size="20" fill="#c00">printing stopped: ${receipt.interruptedBy}</text>`);
    y += 30;
  } else if (receipt.cut) {
    parts.push(`<line x1="0" y1="${y + 8}" x2="${width}" y2="${y + 8}" stroke="#888" stroke-dasharray="8 6"/>`);
  }
  const height = y + 16;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`
  );
}

/** PNG via resvg with the CJK font found on this machine (loaded lazily: it is a native module). */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = findCjkFont();
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: font === undefined, ...(font ? { fontFiles: [font] } : {}), defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
