// `npm run demo` (root): the evaluator pad `pad-w5` of window 5, pre-provisioned by the center's demo
// (password `demo-pad-w5`). Started after the center; prints `READY 评价器(5号窗口) <url>`.
import { join } from 'node:path';
import { launchPad } from './launch.ts';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  HALLKIT_HALL_ID: process.env.HALLKIT_HALL_ID ?? 'yantai',
  HALLKIT_DEVICE_ID: process.env.HALLKIT_EVALUATOR_DEVICE_ID ?? 'pad-w5',
  HALLKIT_WINDOW_ID: process.env.HALLKIT_EVALUATOR_WINDOW_ID ?? 'w5',
  HALLKIT_MQTT_URL: process.env.HALLKIT_MQTT_URL ?? 'mqtt://127.0.0.1:18830',
  // Its own folder inside the demo's data dir (the other demo apps keep their identity.json there too).
  HALLKIT_DATA_DIR: join(process.env.HALLKIT_DATA_DIR ?? '.hallkit/demo', 'pad-w5'),
};
env.HALLKIT_DEVICE_PASSWORD = process.env.HALLKIT_EVALUATOR_PASSWORD ?? `demo-${env.HALLKIT_DEVICE_ID}`;

const pad = await launchPad(env);
console.log(`READY ${pad.label} ${pad.server.url}`);
console.log('READY-DONE');
const stop = () => void pad.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
