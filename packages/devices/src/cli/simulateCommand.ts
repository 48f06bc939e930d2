import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CARDS } from '../simulators/idcard/demoCards.ts';
import { IdCardSimulator } from '../simulators/idcard/IdCardSimulator.ts';
import { PrinterSimulator } from '../simulators/printer/PrinterSimulator.ts';
import { PtyLink } from '../simulators/PtyLink.ts';
import { ScannerSimulator } from '../simulators/scanner/ScannerSimulator.ts';
import { report } from './output.ts';
import { UsageError } from './target.ts';

export interface SimulateFlags {
  json?: boolean;
  port?: string;
  host?: string;
  pty?: boolean;
  path?: string;
  model?: string;
  out?: string;
  card?: string;
  codes?: string;
  interval?: string;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function serialEnd(f: SimulateFlags): Promise<{ devicePath: string; hostPath?: string; link?: PtyLink }> {
  if (f.path) return { devicePath: f.path };
  const link = await PtyLink.create();
  return { devicePath: link.devicePath, hostPath: link.hostPath, link };
}

/** `simulate printer|idcard|scanner`: runs until Ctrl-C, printing where the host should connect. */
export async function simulateCommand(what: string | undefined, f: SimulateFlags): Promise<number> {
  const json = !!f.json;
  if (what === 'printer') {
    const serial = f.pty || f.path ? await serialEnd(f) : undefined;
    const sim = await PrinterSimulator.start({
      tcp: serial ? false : { port: Number(f.port ?? 9100), host: f.host ?? '127.0.0.1' },
      ...(serial ? { serialPath: serial.devicePath } : {}),
      ...(f.model ? { model: f.model } : {}),
    });
    report(json, { simulator: 'printer', tcpPort: sim.tcpPort ?? null, hostPath: serial?.hostPath ?? null, model: sim.model.id },
      serial ? `printer simulator on serial; connect the host to ${serial.hostPath ?? serial.devicePath}` : `printer simulator listening on tcp ${f.host ?? '127.0.0.1'}:${sim.tcpPort}`);
    if (f.out) mkdirSync(f.out, { recursive: true });
    sim.on('receipt', (r) => {
      const n = sim.receipts.length;
      const text = sim.receiptText();
      if (f.out) {
        writeFileSync(join(f.out, `receipt-${n}.txt`), text);
        writeFileSync(join(f.out, `receipt-${n}.svg`), sim.receiptSvg());
        void sim.receiptPng().then((png) => writeFileSync(join(f.out as string, `receipt-${n}.png`), png)).catch(() => undefined);
      }
      report(json, { event: 'receipt', index: n, cut: r.cut, interruptedBy: r.interruptedBy ?? null, text }, `--- receipt ${n} ---\n${text}`);
    });
    await untilSignal();
    await sim.stop();
    serial?.link?.close();
    return 0;
  }
  if (what === 'idcard') {
    const serial = await serialEnd(f);
    const card = DEMO_CARDS[(f.card ?? 'resident') as keyof typeof DEMO_CARDS];
    if (!card) throw new UsageError(`--card must be one of ${Object.keys(DEMO_CARDS).join(', ')}`);
    const sim = await IdCardSimulator.start({ serialPath: serial.devicePath, card });
    report(json, { simulator: 'idcard', hostPath: serial.hostPath ?? null, card: f.card ?? 'resident' }, `ID-card simulator with the ${f.card ?? 'resident'} card; connect the host to ${serial.hostPath ?? serial.devicePath}`);
    await untilSignal();
    await sim.stop();
    serial.link?.close();
    return 0;
  }
  if (what === 'scanner') {
    const serial = await serialEnd(f);
    const sim = await ScannerSimulator.start({ serialPath: serial.devicePath });
    const codes = (f.codes ?? 'A012').split(',');
    report(json, { simulator: 'scanner', hostPath: serial.hostPath ?? null, codes }, `scanner simulator; connect the host to ${serial.hostPath ?? serial.devicePath}; sending ${codes.length} code(s) every ${f.interval ?? 1000} ms`);
    const stop = untilSignal();
    let stopped = false;
    void stop.then(() => (stopped = true));
    for (let i = 0; !stopped; i = (i + 1) % codes.length) {
      await new Promise((r) => setTimeout(r, Number(f.interval ?? 1000)));
      if (!stopped) await sim.scan(codes[i] as string).catch(() => undefined);
    }
    await sim.stop();
    serial.link?.close();
    return 0;
  }
  throw new UsageError('simulate what? printer | idcard | scanner | ledstrip | keypad');
}
