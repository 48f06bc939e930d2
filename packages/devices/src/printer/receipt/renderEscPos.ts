import { commands, transform, type BaseCommand, type QRCode } from 'receiptline';
import type { PrinterModel } from '../models.ts';

const byte = (...n: number[]): string => String.fromCharCode(...n);

/**
 * QR through `GS ( k` (model 2, module size, error level, store, print): the printer draws the code,
 * so the payload travels as text and a simulator or a log can read it back.
 */
function nativeQr(symbol: QRCode): string {
  const data = Buffer.from(symbol.data, 'utf8').toString('binary');
  const store = data.length + 3;
  const level = { l: 48, m: 49, q: 50, h: 51 }[symbol.level] ?? 49;
  return (
    byte(0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0) +
    byte(0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, Math.min(Math.max(symbol.cell, 1), 16)) +
    byte(0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, level) +
    byte(0x1d, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30) +
    data +
    byte(0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30) +
    '\n'
  );
}

/**
 * receiptline's ESC/POS command set, adjusted for Chinese printers:
 * - rules are plain '-' so they never leave Chinese mode for a single-byte code page (receiptline
 *   draws them with code page 1 box characters after `FS .`, which many Chinese firmwares print as
 *   garbage);
 * - QR codes go through `GS ( k` unless the model lacks it.
 */
function commandSet(model: PrinterModel): BaseCommand {
  const base = commands.escpos;
  const overrides: Partial<BaseCommand> = {
    hr: (width: number) => '-'.repeat(width),
    // The document cuts with '='; receiptline's close() would cut again and send `GS r 1`, whose
    // unsolicited reply byte would be confused with our DLE EOT status replies.
    close: () => '',
  };
  if (model.qr === 'native') overrides.qrcode = nativeQr;
  return Object.assign({}, base, overrides);
}

/** Renders a receiptline document to the bytes this printer model needs (Chinese mode + GB18030/GBK). */
export function renderEscPos(doc: string, model: PrinterModel): Uint8Array {
  const out = transform(doc, {
    cpl: model.cpl,
    encoding: model.encoding === 'gbk' ? 'cp936' : 'gb18030',
    command: commandSet(model),
    cutting: true,
  });
  return Buffer.from(out, 'binary');
}

/** The same document as an SVG preview (what the kiosk can show on screen before printing). */
export function renderPreviewSvg(doc: string, model: PrinterModel): string {
  return transform(doc, { cpl: model.cpl, encoding: model.encoding === 'gbk' ? 'cp936' : 'gb18030', command: 'svg' });
}
