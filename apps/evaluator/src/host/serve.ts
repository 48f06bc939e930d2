// `npm run host -w apps/evaluator`: the pad's host for a plain Chromium (development, tests, a signage
// box without Electron). Identity from `<dataDir>/identity.json` or HALLKIT_* env. Prints
// `READY <label> <url>` and `READY-DONE`, then keeps running until SIGINT/SIGTERM.
import { createInterface } from 'node:readline';
import { launchPad } from './launch.ts';

const pad = await launchPad();
console.log(`READY ${pad.label} ${pad.server.url}`);
console.log('READY-DONE');
const stop = () => void pad.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Test hook, off unless HALLKIT_TEST_HOOKS=1: `window <json>` lines on stdin deliver the center's
// window message while the pad is cut off from the broker (the "offline for a day" test).
if (process.env.HALLKIT_TEST_HOOKS === '1') {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (!line.startsWith('window ')) return;
    try {
      const ok = pad.shell.pad()?.receiveWindowMessage(JSON.parse(line.slice(7))) ?? false;
      console.log(`HOOK window ${ok ? 'accepted' : 'refused'}`);
    } catch {
      console.log('HOOK window refused');
    }
  });
}
