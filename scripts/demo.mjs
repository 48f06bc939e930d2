// `npm run demo`: the whole hall on this machine. Starts the center (with its embedded MQTT broker)
// first, then every device app that has a `demo` script, each with simulated devices, and prints
// where to look. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const order = ['center', 'kiosk', 'caller-display', 'evaluator'];
const apps = readdirSync('apps')
  .filter((a) => existsSync(join('apps', a, 'package.json')))
  .filter((a) => JSON.parse(readFileSync(join('apps', a, 'package.json'), 'utf8')).scripts?.demo)
  .sort((a, b) => (order.indexOf(a) + 99) % 99 - (order.indexOf(b) + 99) % 99);

const children = [];
const ready = [];
// The hall: HALLKIT_HALL=qingdao|zhaoyuan runs another shipped hall, HALLKIT_HALL_FILE your own; the
// devices must name the same hall id as the center's definition.
const hallFile = process.env.HALLKIT_HALL_FILE ?? join('halls', `${process.env.HALLKIT_HALL ?? 'yantai'}.json`);
const hallId = JSON.parse(readFileSync(hallFile, 'utf8')).catalog.hall.id;
const env = {
  ...process.env,
  HALLKIT_HALL_ID: process.env.HALLKIT_HALL_ID ?? hallId,
  HALLKIT_CENTER_HTTP: process.env.HALLKIT_CENTER_HTTP ?? 'http://127.0.0.1:8080',
  HALLKIT_MQTT_URL: process.env.HALLKIT_MQTT_URL ?? 'mqtt://127.0.0.1:18830',
  // The center runs that broker itself (embedded) unless told the URL is an external one.
  HALLKIT_EMBEDDED_BROKER: process.env.HALLKIT_EMBEDDED_BROKER ?? (process.env.HALLKIT_MQTT_URL ? '0' : '1'),
  HALLKIT_DATA_DIR: process.env.HALLKIT_DATA_DIR ?? '.hallkit/demo',
};

// Each app runs in its own process group (npm → sh → node): stopping the group stops the app's
// node too, not only the npm in front of it.
function stopAll() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));

/** Start one app; resolves when it prints `READY <label> <url>` lines and then `READY-DONE`. */
function start(app) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'demo', '-w', `apps/${app}`], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    children.push(child);
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^READY (\S+) (.+)$/.exec(line);
        if (m) ready.push([m[1], m[2]]);
        else if (line === 'READY-DONE') resolve();
        else process.stdout.write(`[${app}] ${line}\n`);
      }
    });
    child.on('exit', (code) => reject(new Error(`${app} exited with ${code} before it was ready`)));
  });
}

if (apps.length === 0) {
  console.log('No app has a demo script yet.');
} else {
  for (const app of apps) await start(app);
  console.log('\nhallkit demo is running. Open:');
  for (const [label, url] of ready) console.log(`  ${label.padEnd(28)} ${url}`);
  console.log('\nCtrl-C stops the demo.');
}
