// `npm run demo -w apps/kiosk` (started by the root `npm run demo` after the center): the kiosk host
// with a simulated receipt printer (TCP), ID-card reader and scanner (on socat PTYs), its renderer
// on 127.0.0.1, and a simulator panel to swipe a card, scan a code or take the paper out.
import { mkdirSync } from 'node:fs';
import { IdCardSimulator, PrinterSimulator, ScannerSimulator } from '@hallkit/devices';
import { PtyLink } from '@hallkit/devices/simulators/PtyLink';
import { KioskHost } from './KioskHost.ts';
import { dataDir, loadIdentity } from './identity.ts';
import { serveKiosk } from './serve.ts';
import { SimulatorPanel } from './demo/SimulatorPanel.ts';

const DEMO_PIN = process.env.HALLKIT_TECH_PIN ?? '246810';
const env = { ...process.env };
env.HALLKIT_DEVICE_ID ??= 'kiosk-1';
env.HALLKIT_DEVICE_PASSWORD ??= `demo-${env.HALLKIT_DEVICE_ID}`;
env.HALLKIT_HALL_ID ??= 'yantai';
env.HALLKIT_MQTT_URL ??= 'mqtt://127.0.0.1:18830';
env.HALLKIT_CENTER_HTTP ??= 'http://127.0.0.1:8080';
// The root demo gives every app the same HALLKIT_DATA_DIR; the kiosk keeps its file in a subfolder.
const dir = `${dataDir(env)}/kiosk`;
mkdirSync(dir, { recursive: true });

const printer = await PrinterSimulator.start({ tcp: { port: Number(env.HALLKIT_KIOSK_PRINTER_PORT ?? 0) } });
const cardPty = await PtyLink.create();
const scanPty = await PtyLink.create();
const idCard = await IdCardSimulator.start({ serialPath: cardPty.devicePath });
const scanner = await ScannerSimulator.start({ serialPath: scanPty.devicePath });

const stopSimulators = async () => {
  await Promise.all([printer.stop(), idCard.stop(), scanner.stop()].map((p) => p.catch(() => undefined)));
  cardPty.close();
  scanPty.close();
};

let host: KioskHost;
try {
  host = new KioskHost({
    identity: loadIdentity(dir, env),
    dataDir: dir,
    devices: { printer: `tcp:127.0.0.1:${printer.tcpPort}`, idCard: cardPty.hostPath, scanner: scanPty.hostPath },
    technicianPin: DEMO_PIN,
  });
  await host.start();
} catch (e) {
  // A store that will not open (a refused or damaged file, issue 15) must not leave the simulators'
  // socat processes and ports behind: stop them, say why, exit non-zero.
  console.error(`kiosk: cannot start: ${(e as Error).message}`);
  await stopSimulators();
  process.exit(1);
}
const server = await serveKiosk(host, Number(env.HALLKIT_KIOSK_PORT ?? 0));
const panel = new SimulatorPanel({ printer, idCard, scanner });
await panel.start();

console.log(`kiosk: technician mode = five taps on the top-left corner within 3 s, PIN ${DEMO_PIN}`);
console.log(`kiosk: printer simulator on tcp:127.0.0.1:${printer.tcpPort}; ID-card reader ${cardPty.hostPath}; scanner ${scanPty.hostPath}`);
console.log(`READY 取号机(kiosk-1) ${server.url}`);
console.log(`READY 取号机模拟设备面板 ${panel.url}`);
console.log('READY-DONE');

const stop = async () => {
  await server.stop().catch(() => undefined);
  await host.stop().catch(() => undefined);
  await panel.stop();
  await stopSimulators();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
