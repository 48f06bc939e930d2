import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDeviceError } from '../src/errors/DeviceError.ts';
import type { StatusEvent } from '../src/lifecycle/DeviceStatus.ts';
import type { PrintJob } from '../src/printer/PrintJob.ts';
import { ReceiptPrinter } from '../src/printer/ReceiptPrinter.ts';
import { PrinterSimulator } from '../src/simulators/printer/PrinterSimulator.ts';
import { TcpTransport } from '../src/transport/TcpTransport.ts';
import { DEMO_TICKET, waitFor } from './fixtures.ts';

describe('receipt printer over real TCP against the ESC/POS simulator', () => {
  let sim: PrinterSimulator;
  let printer: ReceiptPrinter;
  let events: StatusEvent[];

  beforeEach(async () => {
    sim = await PrinterSimulator.start({ tcp: { port: 0 } });
    printer = new ReceiptPrinter(new TcpTransport({ host: '127.0.0.1', port: sim.tcpPort as number }), {
      statusTimeoutMs: 400,
      statusPollMs: 100,
      chunkBytes: 128,
      reconnectMinMs: 50,
      reconnectMaxMs: 200,
    });
    events = [];
    printer.on('status', (e) => events.push(e));
    await printer.open();
    await printer.claim();
    await printer.enable();
  });

  afterEach(async () => {
    await printer.close();
    await sim.stop();
  });

  it('prints a queue ticket whose rendered text shows the number, the Chinese service and the QR payload', async () => {
    const job = await printer.printQueueTicket(DEMO_TICKET);
    expect(job.state).toBe('printed');
    await waitFor(() => sim.receipts.length === 1, 3000, 'receipt');
    const text = sim.receiptText();
    expect(text).toContain('烟台市政务服务中心');
    expect(text).toContain('A012');
    expect(text).toContain('城乡居民养老保险参保登记');
    expect(text).toContain('社保就业');
    expect(text).toContain('前面还有 5 人');
    expect(text).toContain('预计等候约 15 分钟');
    expect(text).toContain('取号时间 2026-03-02 09:30');
    expect(text).toContain(`[QR] ${DEMO_TICKET.followUrl}`);
    expect(sim.receipts[0]?.cut).toBe(true);
    // Chinese mode was switched on and the text went as GB18030, not UTF-8.
    const raw = sim.received;
    expect(raw.includes(Buffer.from([0x1c, 0x26]))).toBe(true);
    expect(raw.includes(Buffer.from('城乡居民', 'utf8'))).toBe(false);
    expect(sim.unknownCommands).toEqual([]);
    const svg = sim.receiptSvg();
    expect(svg).toContain('城乡居民养老保险参保登记');
    const png = await sim.receiptPng();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('reports paper running out mid-job as a status event, fails the job with where it stopped, and retries', async () => {
    sim.failAfter(300, 'paper-empty');
    const failed = await printer.printQueueTicket(DEMO_TICKET).then(
      () => undefined,
      (e: unknown) => (isDeviceError(e, 'job-failed') ? (e.details.job as PrintJob) : undefined),
    );
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toMatchObject({ stage: 'during', reason: 'paper-empty' });
    expect(failed?.bytesSent).toBeGreaterThan(0);
    expect(failed?.bytesSent).toBeLessThan(failed?.totalBytes ?? 0);
    expect(events).toContainEqual({ type: 'paper', value: 'empty' });
    expect(sim.receipts.at(-1)?.interruptedBy).toBe('paper-empty');
    expect(printer.failedJobs.map((j) => j.id)).toEqual([failed?.id]);

    sim.setPaper('ok');
    await waitFor(() => events.some((e) => e.type === 'paper' && e.value === 'ok'), 2000, 'paper ok event');
    const again = await printer.retry(failed?.id as string);
    expect(again).toMatchObject({ id: failed?.id, state: 'printed', attempts: 2 });
    expect(sim.receiptText()).toContain('A012');
    expect(printer.failedJobs).toEqual([]);
  });

  it('reports the cover opened mid-job', async () => {
    sim.failAfter(200, 'cover-open');
    const err = await printer.printQueueTicket(DEMO_TICKET).catch((e: unknown) => e);
    expect(isDeviceError(err, 'job-failed')).toBe(true);
    expect(((err as { details: { job: PrintJob } }).details.job.failure)).toMatchObject({ stage: 'during', reason: 'cover-open' });
    expect(events).toContainEqual({ type: 'cover', value: 'open' });
    sim.setCover('closed');
    await waitFor(() => events.some((e) => e.type === 'cover' && e.value === 'closed'), 2000, 'cover closed event');
  });

  it('refuses to start a job when paper is already out, and warns on paper near end', async () => {
    sim.setPaper('near-end');
    await printer.printQueueTicket(DEMO_TICKET);
    expect(events).toContainEqual({ type: 'paper', value: 'near-end' });
    sim.setPaper('empty');
    const err = await printer.printQueueTicket(DEMO_TICKET).catch((e: unknown) => e);
    expect((err as { details: { job: PrintJob } }).details.job).toMatchObject({ bytesSent: 0, failure: { stage: 'before', reason: 'paper-empty' } });
  });

  it('goes offline when the printer stops answering and comes back by itself', async () => {
    const states: string[] = [];
    printer.on('state', (s) => states.push(s));
    sim.setSilent(true);
    await waitFor(() => printer.power === 'offline', 3000, 'offline');
    expect(events).toContainEqual(expect.objectContaining({ type: 'power', value: 'offline' }));
    await expect(printer.printQueueTicket(DEMO_TICKET)).rejects.toMatchObject({ code: 'job-failed' });
    sim.setSilent(false);
    await waitFor(() => printer.power === 'online', 5000, 'online again');
    expect(states).toContain('error');
    expect(printer.state).toBe('idle');
    expect((await printer.printQueueTicket(DEMO_TICKET)).state).toBe('printed');
  });

  it('checks health internally and with an external test print', async () => {
    expect(await printer.checkHealth('internal')).toMatchObject({ ok: true, summary: 'online' });
    const ext = await printer.checkHealth('external');
    expect(ext.ok).toBe(true);
    expect(sim.receiptText()).toContain('中文测试：政务服务 一次办好');
  });

  it('throws typed errors for use outside the lifecycle', async () => {
    const p = new ReceiptPrinter(new TcpTransport({ host: '127.0.0.1', port: sim.tcpPort as number }));
    await expect(p.printQueueTicket(DEMO_TICKET)).rejects.toMatchObject({ code: 'closed' });
    await p.open();
    await expect(p.printQueueTicket(DEMO_TICKET)).rejects.toMatchObject({ code: 'not-claimed' });
    await p.claim();
    await expect(p.printQueueTicket(DEMO_TICKET)).rejects.toMatchObject({ code: 'not-enabled' });
    await p.enable();
    const first = p.printQueueTicket(DEMO_TICKET);
    await expect(p.printQueueTicket(DEMO_TICKET)).rejects.toMatchObject({ code: 'busy' });
    await first;
    await p.close();
    const dead = new ReceiptPrinter(new TcpTransport({ host: '127.0.0.1', port: 1 }));
    await dead.open();
    await expect(dead.claim()).rejects.toMatchObject({ code: 'offline' });
  });
});
