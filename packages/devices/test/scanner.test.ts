import { PtyPair } from '@hallkit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusEvent } from '../src/lifecycle/DeviceStatus.ts';
import { DeviceRegistry } from '../src/registry/DeviceRegistry.ts';
import { Scanner, type ScanEvent } from '../src/scanner/Scanner.ts';
import { RecordedHidDevice, ScannerSimulator } from '../src/simulators/scanner/ScannerSimulator.ts';
import { HidTransport } from '../src/transport/HidTransport.ts';
import { waitFor } from './fixtures.ts';

/**
 * HID POS scanned-data reports for an appointment QR longer than one report (56 data bytes): the
 * first report carries the "more" flag, the second the rest, as a scanner in HID POS mode sends
 * them. Written out byte by byte rather than built with our own encoder.
 */
const url = 'https://ytzwfw.example.cn/appt/Y20260302-0815?hall=370600&n=张';
function recordedReports(): Buffer[] {
  const bytes = Buffer.from(url, 'utf8');
  if (bytes.length <= 56 || bytes.length > 112) throw new Error('fixture must span exactly two reports');
  const r1 = Buffer.alloc(64);
  r1[0] = 0x02; r1[1] = 56; r1[2] = 0x5d; r1[3] = 0x51; r1[4] = 0x31; bytes.copy(r1, 5, 0, 56); r1[63] = 0x01;
  const r2 = Buffer.alloc(64);
  r2[0] = 0x02; r2[1] = bytes.length - 56; r2[2] = 0x5d; r2[3] = 0x51; r2[4] = 0x31; bytes.copy(r2, 5, 56); r2[63] = 0x00;
  return [r1, r2];
}

describe('scanner', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('reads codes in USB-CDC serial mode over a PTY, including Chinese text', async () => {
    const pty = await PtyPair.create();
    cleanup.push(() => pty.close());
    const sim = await ScannerSimulator.start({ serialPath: pty.devicePath });
    cleanup.push(() => sim.stop());
    const registry = new DeviceRegistry();
    cleanup.push(() => registry.closeAll());
    await registry.start([{ id: 'scanner', kind: 'scanner', transport: { type: 'serial', path: pty.hostPath } }]);
    const scanner = registry.first(Scanner) as Scanner;
    expect(scanner.mode).toBe('serial');
    const scans: ScanEvent[] = [];
    scanner.on('scan', (s) => scans.push(s));
    await sim.scan('370602198607151234');
    await sim.scan('预约号Y0815', '\r');
    await waitFor(() => scans.length === 2, 3000, 'scans');
    expect(scans.map((s) => s.code)).toEqual(['370602198607151234', '预约号Y0815']);
    expect(scans[0]?.source).toBe('serial');
  });

  it('reads HID POS reports through the node-hid interface, joins continued reports, survives an unplug', async () => {
    let device = new RecordedHidDevice();
    let opens = 0;
    const scanner = new Scanner(
      new HidTransport({ vendorId: 0x0c2e, productId: 0x0b61 }, async () => {
        opens += 1;
        return device;
      }),
      { reconnectMinMs: 30 },
    );
    cleanup.push(() => scanner.close());
    const scans: ScanEvent[] = [];
    const status: StatusEvent[] = [];
    const faults: string[] = [];
    scanner.on('scan', (s) => scans.push(s));
    scanner.on('status', (s) => status.push(s));
    scanner.on('fault', (f) => faults.push(f.message));
    await scanner.open();
    await scanner.claim();
    await scanner.enable();
    expect(scanner.mode).toBe('hid-pos');
    await device.play(recordedReports());
    await waitFor(() => scans.length === 1, 2000, 'hid scan');
    expect(scans[0]).toMatchObject({ code: url, symbology: ']Q1', source: 'hid-pos' });

    await device.play([Buffer.from([0x01, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00])]); // a keyboard-style report: not for us
    expect(faults.some((f) => f.includes('not a scanned-data report'))).toBe(true);

    device.unplug();
    expect(scanner.power).toBe('offline');
    device = new RecordedHidDevice();
    await waitFor(() => scanner.power === 'online', 2000, 'hid back');
    await device.scan('A012');
    await waitFor(() => scans.length === 2, 2000, 'scan after replug');
    expect(scans[1]?.code).toBe('A012');
    expect(opens).toBe(2);
    expect(status.map((s) => s.value)).toEqual(['online', 'offline', 'online']);
  });
});
