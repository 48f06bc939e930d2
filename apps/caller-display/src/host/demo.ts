// `npm run demo` (through scripts/demo.mjs, after the center's demo): the demo board `board-1` of the
// Yantai hall, connected to the center's embedded broker with its demo credentials.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeypadSimulator, LedStripSimulator, PtyLink } from '@hallkit/devices';
import { HardwarePanel } from './HardwarePanel.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CallerDisplayHost } from './CallerDisplayHost.ts';
import { RENDERER_DIR, boardUrl, serveBoard } from './serve.ts';

if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
  // First run on a fresh checkout: build the renderer once.
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('building the call board renderer failed');
}

// The demo hall's LED strips (windows 5–7) and window 6's keypad bus, where the center's demo hall
// definition says they are (apps/center/src/server/demo.ts reads the same variables).
const stripPorts = (process.env.HALLKIT_DEMO_STRIP_PORTS ?? '15005,15006,15007').split(',').map(Number);
// A port that is taken (another demo) costs that strip, not the board: it shows offline in the fleet.
const startStrip = (port: number | undefined, model: string): Promise<LedStripSimulator | undefined> =>
  LedStripSimulator.start({ tcp: { port: port ?? 0 }, model }).catch((e: Error) => {
    console.warn(`LED controller simulator on port ${port} not started: ${e.message}`);
    return undefined;
  });
const strips: Record<string, LedStripSimulator> = {};
for (const [w, i, model] of [['w5', 0, 'bx-6k1'], ['w6', 1, 'bx-6k1-yy'], ['w7', 2, 'bx-5mk2']] as const) {
  const sim = await startStrip(stripPorts[i], model);
  if (sim) strips[w] = sim;
}
const keypadBus = await PtyLink.create(join(tmpdir(), `hallkit-demo-keypads-${stripPorts[0]}`)).catch((e: Error) => {
  console.warn(`keypad bus PTY not created (${e.message}); the demo runs without the keypad`);
  return undefined;
});
const keypads = keypadBus ? await KeypadSimulator.start({ serialPath: keypadBus.devicePath, addresses: [6] }) : undefined;

const deviceId = 'board-1';
const dataDir = join(process.env.HALLKIT_DATA_DIR ?? '.hallkit/demo', deviceId);
const host = new CallerDisplayHost({
  identity: {
    v: 1,
    hallId: process.env.HALLKIT_HALL_ID ?? 'yantai',
    deviceId,
    role: 'call-board',
    mqttUrl: process.env.HALLKIT_MQTT_URL ?? 'mqtt://127.0.0.1:18830',
    username: deviceId,
    password: `demo-${deviceId}`,
  },
  dataDir,
  localConfig: { layout: 'hall', notice: null },
});
const board = await serveBoard(host, { port: Number(process.env.HALLKIT_BOARD_PORT ?? 0) });
const panel = new HardwarePanel({ strips, ...(keypads ? { keypads } : {}), keypadWindows: keypads ? { 6: 'w6' } : {}, bridge: host.keypads, port: Number(process.env.HALLKIT_HARDWARE_PANEL_PORT ?? 0) });
await panel.start();
const s = board.server;
console.log('call board layouts are query parameters: ?layout=hall | zone&zone=<zoneId> | window&window=<windowId> | led; 1920×1080 / 3840×2160 / 384×192');
console.log(`READY 叫号屏(大厅) ${boardUrl(s)}`);
console.log(`READY 叫号屏(综合政务区) ${boardUrl(s, { layout: 'zone', zone: 'zhzw' })}`);
console.log(`READY 窗口屏(5号窗口) ${boardUrl(s, { layout: 'window', window: 'w5' })}`);
console.log(`READY LED点阵屏(384×192) ${boardUrl(s, { layout: 'led' })}`);
console.log(`READY 条屏与呼叫器模拟(5–7号窗口) ${panel.url}`);
console.log('READY-DONE');
const stop = () =>
  void board
    .stop()
    .then(() => panel.stop())
    .then(() => Promise.all([...Object.values(strips).map((s) => s.stop()), keypads?.stop()]))
    .then(() => keypadBus?.close())
    .then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
