import { PtyPair } from '@hallkit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevice } from '../src/registry/DeviceRegistry.ts';
import { ReceiptPrinter } from '../src/printer/ReceiptPrinter.ts';
import { PrinterSimulator } from '../src/simulators/printer/PrinterSimulator.ts';
import { DEMO_TICKET, waitFor } from './fixtures.ts';

describe('serial receipt printer (GBK model) on a PTY pair', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('prints a GBK ticket built from a JSON config, survives an unplug and prints again', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    let sim = await PrinterSimulator.start({ serialPath: pty.devicePath, model: 'generic-58-gbk' });
    cleanup.push(() => sim.stop());
    const printer = (await createDevice(
      { kind: 'printer', model: 'generic-58-gbk', transport: { type: 'serial', path: pty.hostPath, baudRate: 115200 } },
      { printer: { statusTimeoutMs: 400, statusPollMs: 100 } },
    )) as ReceiptPrinter;
    cleanup.push(() => printer.close());
    await printer.open();
    await printer.claim();
    await printer.enable();

    await printer.printQueueTicket(DEMO_TICKET);
    await waitFor(() => sim.receipts.length === 1, 3000, 'receipt');
    const text = sim.receiptText();
    expect(text).toContain('A012');
    expect(text).toContain('城乡居民养老保险参保登记');
    expect(text).toContain(`[QR] ${DEMO_TICKET.followUrl}`);
    // 58 mm paper: rules are 32 characters wide.
    expect(text.split('\n')).toContain('-'.repeat(32));

    await sim.stop();
    await pty.close();
    await waitFor(() => printer.power === 'offline', 3000, 'offline');
    await pty.open();
    sim = await PrinterSimulator.start({ serialPath: pty.devicePath, model: 'generic-58-gbk' });
    await waitFor(() => printer.power === 'online', 5000, 'online again');
    await printer.printSlip({
      title: '办件进度查询',
      lines: [{ label: '办件编号', value: 'YT2026030200815' }, { label: '当前环节', value: '审批中' }],
      qr: { payload: 'https://ytzwfw.example.cn/case/YT2026030200815' },
    });
    await waitFor(() => sim.receipts.length === 1, 3000, 'slip');
    expect(sim.receiptText()).toContain('审批中');
  });
});
