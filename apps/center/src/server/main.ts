// `npm start -w apps/center`: the center as a headless service. Settings: see CenterSettings.ts.
import { Center } from './Center.ts';
import { centerSettings } from './CenterSettings.ts';

const center = await Center.start(centerSettings());
console.log(`center: consoles at ${center.httpUrl}/admin and ${center.httpUrl}/console/<windowId>; MQTT ${center.mqttUrl}`);
const stop = () => void center.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
