/**
 * What differs between receipt printer models for us: the Chinese encoding their firmware expects
 * once Chinese mode is on (`FS &`), the paper width in characters, and how QR codes are sent.
 * To add a model: add an entry here (see docs/devices.md, "Adding a printer model").
 */
export interface PrinterModel {
  id: string;
  label: string;
  /** GB18030 prints every character of a name (including 4-byte ones like 㛃); older firmware only knows GBK. */
  encoding: 'gb18030' | 'gbk';
  /** Characters per line in font A (80 mm paper: 48; 58 mm paper: 32). */
  cpl: number;
  /** `native`: GS ( k, the printer draws the QR code. `raster`: we send the QR as a bitmap (firmware without GS ( k). */
  qr: 'native' | 'raster';
  /** QR module size in dots (3–8). */
  qrCell: number;
}

export const PRINTER_MODELS: Readonly<Record<string, PrinterModel>> = {
  'generic-80-gb18030': { id: 'generic-80-gb18030', label: '80 mm thermal, GB18030 (default)', encoding: 'gb18030', cpl: 48, qr: 'native', qrCell: 6 },
  'generic-80-gbk': { id: 'generic-80-gbk', label: '80 mm thermal, GBK firmware', encoding: 'gbk', cpl: 48, qr: 'native', qrCell: 6 },
  'generic-58-gbk': { id: 'generic-58-gbk', label: '58 mm kiosk thermal, GBK firmware', encoding: 'gbk', cpl: 32, qr: 'native', qrCell: 4 },
  'generic-58-raster-qr': { id: 'generic-58-raster-qr', label: '58 mm thermal without GS ( k, GBK', encoding: 'gbk', cpl: 32, qr: 'raster', qrCell: 4 },
};

export const DEFAULT_PRINTER_MODEL = 'generic-80-gb18030';

export function printerModel(id: string | undefined): PrinterModel {
  const model = PRINTER_MODELS[id ?? DEFAULT_PRINTER_MODEL];
  if (!model) throw new Error(`unknown printer model "${id}"; known: ${Object.keys(PRINTER_MODELS).join(', ')}`);
  return model;
}
