// `npm start -w apps/center`, or the bundle (scripts/bundle-center.mjs) under systemd: the center as a
// headless service. Settings: see CenterSettings.ts. Under systemd it reports READY=1 once serving,
// pings the watchdog while healthy and STOPPING=1 on SIGTERM (service/NotifySocket.ts).
import { consoleLogger } from '@hallkit/sync';
import { Center } from './Center.ts';
import { centerSettings } from './CenterSettings.ts';
import { NotifySocket } from './service/NotifySocket.ts';

const notify = NotifySocket.fromEnv(process.env, consoleLogger('[systemd]'));
const center = await Center.start(centerSettings());
console.log(`center: consoles at ${center.httpUrl}/admin and ${center.httpUrl}/console/<windowId>; MQTT ${center.mqttUrl}`);
notify?.ready(`serving ${center.httpUrl}, MQTT ${center.mqttUrl}`);
notify?.startWatchdog(() => center.healthy());
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await notify?.stopping();
    await center.stop();
    process.exit(0);
  })();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
