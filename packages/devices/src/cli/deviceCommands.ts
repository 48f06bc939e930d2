import type { IdCard } from '../idcard/IdCard.ts';
import { cardText, cardView } from './cardReport.ts';
import { IdCardReader } from '../idcard/IdCardReader.ts';
import { ReceiptPrinter } from '../printer/ReceiptPrinter.ts';
import type { DeviceConfig } from '../registry/DeviceConfig.ts';
import { createDevice, type AnyDevice } from '../registry/DeviceRegistry.ts';
import { Scanner, type ScanEvent } from '../scanner/Scanner.ts';
import { listHidDevices, listSerialPorts } from '../transport/discovery.ts';
import { report } from './output.ts';
import { targetConfig, type TargetFlags } from './target.ts';

export interface CommonFlags extends TargetFlags {
  json?: boolean;
  timeout?: string;
  count?: string;
  unmasked?: boolean;
}

async function withDevice<T>(config: DeviceConfig, fn: (d: AnyDevice) => Promise<T>): Promise<T> {
  const device = await createDevice(config, { printer: { statusPollMs: 0 }, idcard: { pollMs: 200 } });
  try {
    await device.open();
    await device.claim();
    await device.enable();
    return await fn(device);
  } finally {
    await device.close();
  }
}

export async function listCommand(f: CommonFlags): Promise<number> {
  const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
  const lines = [
    'Serial ports:',
    ...(serial.ports.length ? serial.ports.map((p) => `  ${p.path}${p.vendorId ? `  usb ${p.vendorId}:${p.productId}` : ''}${p.manufacturer ? `  ${p.manufacturer}` : ''}`) : ['  (none)']),
    ...(serial.error ? [`  note: ${serial.error}`] : []),
    'HID devices:',
    ...(hid.devices.length
      ? hid.devices.map((d) => `  ${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}  ${d.product ?? ''}${d.usagePage === 0x8c ? '  [HID POS scanner]' : ''}  ${d.path ?? ''}`)
      : ['  (none)']),
    ...(hid.error ? [`  note: ${hid.error}`] : []),
  ];
  report(!!f.json, { serial, hid }, lines.join('\n'));
  return 0;
}

export async function probeCommand(kind: DeviceConfig['kind'], f: CommonFlags, level: 'internal' | 'external' = 'internal'): Promise<number> {
  const config = targetConfig(kind, f);
  const health = await withDevice(config, (d) => d.checkHealth(level));
  report(!!f.json, { kind, address: JSON.stringify(config.transport), ...health }, `${kind}: ${health.ok ? 'OK' : 'PROBLEM'} — ${health.summary}`);
  return health.ok ? 0 : 1;
}

export async function statusCommand(kind: DeviceConfig['kind'], f: CommonFlags): Promise<number> {
  const config = targetConfig(kind, f);
  return withDevice(config, async (d) => {
    if (d instanceof ReceiptPrinter) {
      const s = await d.readStatus();
      report(!!f.json, { kind, power: d.power, state: d.state, ...s }, `printer ${d.power}: cover ${s.cover}, paper ${s.paper}${s.error ? ', ERROR' : ''}`);
      return s.cover === 'closed' && s.paper !== 'empty' && !s.error ? 0 : 1;
    }
    const h = await d.checkHealth('internal');
    const extra = d instanceof IdCardReader ? { readerState: d.readerState } : {};
    report(!!f.json, { kind, power: d.power, state: d.state, ...extra, health: h }, `${kind} ${d.power}: ${h.summary}`);
    return h.ok ? 0 : 1;
  });
}

export async function printTestCommand(f: CommonFlags): Promise<number> {
  const config = targetConfig('printer', f);
  return withDevice(config, async (d) => {
    const printer = d as ReceiptPrinter;
    const job = await printer.printQueueTicket({
      hallName: '烟台市政务服务中心',
      ticketNumber: 'T001',
      categoryName: '测试',
      serviceName: '打印机测试票 社保就业',
      peopleAhead: 0,
      estimatedWaitMinutes: 0,
      issuedAt: new Date(),
      followUrl: 'https://hallkit.example.cn/test-ticket',
      notice: '技术人员测试，无需办理',
    });
    report(!!f.json, { ok: true, job, status: printer.status, model: printer.model.id }, `printed test ticket (${job.totalBytes} bytes, model ${printer.model.id})`);
    return 0;
  });
}


export async function readCardCommand(f: CommonFlags): Promise<number> {
  const config = targetConfig('idcard', f);
  const timeoutMs = Number(f.timeout ?? 15000);
  return withDevice(config, async (d) => {
    const reader = d as IdCardReader;
    if (!f.json) process.stderr.write('place the card on the reader…\n');
    const card = await new Promise<IdCard | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      reader.once('card', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (!card) {
      report(!!f.json, { ok: false, error: 'no card', readerState: reader.readerState }, `no card read within ${timeoutMs} ms (${reader.readerState})`);
      return 1;
    }
    report(!!f.json, { ok: true, card: cardView(card, !!f.unmasked) }, cardText(card, !!f.unmasked));
    return 0;
  });
}

export async function listenCommand(f: CommonFlags): Promise<number> {
  const config = targetConfig('scanner', f);
  const count = Number(f.count ?? Infinity);
  const timeoutMs = f.timeout ? Number(f.timeout) : undefined;
  return withDevice(config, async (d) => {
    const scanner = d as Scanner;
    process.stderr.write(`listening for scans (${scanner.mode})…\n`);
    let seen = 0;
    await new Promise<void>((resolve) => {
      const timer = timeoutMs ? setTimeout(resolve, timeoutMs) : undefined;
      const on = (s: ScanEvent): void => {
        seen += 1;
        report(!!f.json, s, `${s.at}  ${s.code}${s.symbology ? `  (${s.symbology})` : ''}`);
        if (seen >= count) {
          if (timer) clearTimeout(timer);
          scanner.off('scan', on);
          resolve();
        }
      };
      scanner.on('scan', on);
      process.once('SIGINT', () => resolve());
    });
    return seen > 0 ? 0 : 1;
  });
}
