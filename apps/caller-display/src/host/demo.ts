// `npm run demo` (through scripts/demo.mjs, after the center's demo): the demo board `board-1` of the
// Yantai hall, connected to the center's embedded broker with its demo credentials.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
const s = board.server;
console.log('call board layouts are query parameters: ?layout=hall | zone&zone=<zoneId> | window&window=<windowId> | led; 1920×1080 / 3840×2160 / 384×192');
console.log(`READY 叫号屏(大厅) ${boardUrl(s)}`);
console.log(`READY 叫号屏(综合政务区) ${boardUrl(s, { layout: 'zone', zone: 'zhzw' })}`);
console.log(`READY 窗口屏(5号窗口) ${boardUrl(s, { layout: 'window', window: 'w5' })}`);
console.log(`READY LED点阵屏(384×192) ${boardUrl(s, { layout: 'led' })}`);
console.log('READY-DONE');
const stop = () => void board.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
