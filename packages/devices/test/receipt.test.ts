import { describe, expect, it } from 'vitest';
import { EscPosInterpreter } from '../src/printer/escpos/EscPosInterpreter.ts';
import { receiptToText, type PrintedReceipt } from '../src/printer/escpos/PrintedPaper.ts';
import { printerModel } from '../src/printer/models.ts';
import { queueTicketDocument } from '../src/printer/receipt/receiptDocument.ts';
import { renderEscPos, renderPreviewSvg } from '../src/printer/receipt/renderEscPos.ts';
import { ZH_CN_LABELS } from '../src/printer/receipt/slips.ts';
import { maskIdNumber, redactIdNumbers } from '../src/privacy/maskIdNumber.ts';
import { DEMO_TICKET } from './fixtures.ts';

function printOut(bytes: Uint8Array, encoding: 'gb18030' | 'gbk'): PrintedReceipt[] {
  const out: PrintedReceipt[] = [];
  const interp = new EscPosInterpreter(encoding, { statusRequest: () => undefined, canPrint: () => true, cut: (r) => out.push(r) });
  // Byte by byte: the decoder must not depend on how the bytes are chunked.
  for (const b of bytes) interp.feed(Uint8Array.of(b));
  return out;
}

describe('receipt rendering', () => {
  it('prints receiptline special characters and 4-byte GB18030 characters literally', () => {
    const slip = { ...DEMO_TICKET, hallName: '烟台|政务{中心}_"^"', serviceName: '㛃𠮷 测试 - = ~' };
    const model = printerModel('generic-80-gb18030');
    const [receipt] = printOut(renderEscPos(queueTicketDocument(slip, ZH_CN_LABELS, 6, 'Asia/Shanghai'), model), 'gb18030');
    const text = receiptToText(receipt as PrintedReceipt, 48);
    expect(text).toContain('烟台|政务{中心}_"^"');
    expect(text).toContain('㛃𠮷 测试 - = ~');
  });

  it('says no window is open instead of promising a 0-minute wait', () => {
    const model = printerModel('generic-80-gb18030');
    const print = (estimatedWaitMinutes: number | null) =>
      receiptToText(printOut(renderEscPos(queueTicketDocument({ ...DEMO_TICKET, estimatedWaitMinutes }, ZH_CN_LABELS, 6, 'Asia/Shanghai'), model), 'gb18030')[0] as PrintedReceipt, 48);
    expect(print(null)).toContain('暂无窗口办理，请留意叫号');
    expect(print(null)).not.toContain('分钟');
    expect(print(12)).toContain('预计等候约 12 分钟');
  });

  it('sends the QR as a bitmap for models without GS ( k', () => {
    const model = printerModel('generic-58-raster-qr');
    const bytes = renderEscPos(queueTicketDocument(DEMO_TICKET, ZH_CN_LABELS, model.qrCell, 'Asia/Shanghai'), model);
    const [receipt] = printOut(bytes, 'gbk');
    const blocks = (receipt as PrintedReceipt).blocks;
    expect(blocks.some((b) => b.kind === 'qr')).toBe(false);
    expect(blocks.some((b) => b.kind === 'image' && b.width > 80)).toBe(true);
    expect(receiptToText(receipt as PrintedReceipt, 32)).toContain('城乡居民养老保险参保登记');
  });

  it('renders the same document to an SVG preview', () => {
    const model = printerModel(undefined);
    const svg = renderPreviewSvg(queueTicketDocument(DEMO_TICKET, ZH_CN_LABELS, 6, 'Asia/Shanghai'), model);
    expect(svg.startsWith('<svg')).toBe(true);
    // receiptline places each character in its own tspan
    for (const ch of '社保就业A012') expect(svg).toContain(`>${ch}</tspan>`);
  });

  it('masks ID numbers, also inside free text', () => {
    expect(maskIdNumber('370602198607151234')).toBe('3706**********1234');
    expect(redactIdNumbers('card 37060219480203002X read; ticket A012; phone 13800138000')).toBe(
      'card 3706**********002X read; ticket A012; phone 13800138000',
    );
    // Foreign permanent resident cards (2017: nationality + 12 digits; 2023: 18 digits from 9) and an
    // HMT residence permit (81…), next to things that only look alike (an order number, a receipt code).
    expect(redactIdNumbers('FRC DEU370680040901 / 933156198607151239 / 810000199001011234; order AB1234567890123; YT20260003')).toBe(
      'FRC DEU3*******0901 / 9331**********1239 / 8100**********1234; order AB1234567890123; YT20260003',
    );
  });
});
