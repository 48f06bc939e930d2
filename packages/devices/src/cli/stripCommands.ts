// Technician commands for LED window strips and caller keypad buses.
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallerKeypadBus, type KeypadPress } from '../keypad/CallerKeypadBus.ts';
import { parseKeypress, keypressData, type KeypadAction } from '../keypad/keys.ts';
import { LedStrip } from '../ledstrip/LedStrip.ts';
import { STRIP_COLOURS, type StripColour } from '../ledstrip/bx/stripText.ts';
import { createDevice } from '../registry/DeviceRegistry.ts';
import { KeypadSimulator } from '../simulators/keypad/KeypadSimulator.ts';
import { LedStripSimulator } from '../simulators/ledstrip/LedStripSimulator.ts';
import { PtyLink } from '../simulators/PtyLink.ts';
import { report } from './output.ts';
import { targetConfig, UsageError, type TargetFlags } from './target.ts';

export interface StripFlags extends TargetFlags {
  json?: boolean;
  text?: string;
  colour?: string;
  address?: string;
  addresses?: string;
  width?: string;
  height?: string;
  timeout?: string;
  port?: string;
  host?: string;
  pty?: boolean;
  path?: string;
  out?: string;
  speak?: string;
}

const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

function stripConfig(f: StripFlags) {
  return {
    ...targetConfig('ledstrip', f),
    ...(f.address ? { screenAddress: Number(f.address) } : {}),
    ...(f.width ? { width: Number(f.width) } : {}),
    ...(f.height ? { height: Number(f.height) } : {}),
  };
}

async function withStrip<T>(f: StripFlags, fn: (s: LedStrip) => Promise<T>): Promise<T> {
  const strip = (await createDevice(stripConfig(f), { ledstrip: { keepAliveMs: 0, minRefreshMs: 0 } })) as LedStrip;
  try {
    await strip.open();
    await strip.claim();
    await strip.enable();
    return await fn(strip);
  } finally {
    await strip.close();
  }
}

/** `strip-test`: every colour, then back to what it showed; `--text` shows a line instead. */
export async function stripTestCommand(f: StripFlags): Promise<number> {
  return withStrip(f, async (strip) => {
    if (f.text) {
      const colour = (f.colour ?? 'red') as StripColour;
      if (!STRIP_COLOURS.includes(colour)) throw new UsageError(`--colour must be one of ${STRIP_COLOURS.join(', ')}`);
      await strip.show({ lines: f.text.split('\\n').map((t) => ({ runs: [{ text: t, colour }] })), ...(f.speak ? { speech: f.speak } : {}) });
      report(!!f.json, { ok: true, shown: f.text, model: strip.model.id }, `shown on ${strip.address}: ${f.text}`);
      return 0;
    }
    await strip.showTestPattern(3000);
    report(!!f.json, { ok: true, model: strip.model.id, ...strip.counts }, `test pattern shown on ${strip.address} (${strip.model.label}); check every colour and both lines`);
    return 0;
  });
}

/** `keypad-test`: 888888 and a beep on one keypad, then prints the keys it sends until the timeout. */
export async function keypadTestCommand(f: StripFlags): Promise<number> {
  const bus = (await createDevice(targetConfig('keypad', f))) as CallerKeypadBus;
  const address = Number(f.address ?? 1);
  const timeoutMs = Number(f.timeout ?? 20000);
  try {
    await bus.open();
    await bus.claim();
    await bus.enable();
    await bus.displayDigits(address, [8, 8, 8, 8, 8, 8]);
    await bus.beep(address, 1);
    if (!f.json) process.stderr.write(`keypad ${address} should show 888888 and beep; press keys on it (${timeoutMs / 1000} s)…\n`);
    const seen: KeypadPress[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      bus.on('key', (k) => {
        seen.push(k);
        report(!!f.json, k, `${k.at}  keypad ${k.address}: ${k.press.action}${'toWindowNumber' in k.press ? ` → window ${k.press.toWindowNumber}` : ''}  (${k.raw})`);
        if (k.address === address) void bus.display(address, null, null).catch(() => undefined);
      });
      process.once('SIGINT', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return seen.some((k) => k.address === address) ? 0 : 1;
  } finally {
    await bus.close();
  }
}

const ACTIONS: Record<string, KeypadAction> = {
  call: { action: 'call-next' }, recall: { action: 'recall' }, finish: { action: 'finish' }, evaluate: { action: 'finish' },
  pause: { action: 'pause' }, 'no-show': { action: 'no-show' }, hold: { action: 'hold' }, 'call-back': { action: 'call-back' },
};

/** `simulate ledstrip`: a BX controller on TCP 5005 or a PTY; writes strip-N.txt/.png to --out on every change. */
export async function simulateStrip(f: StripFlags): Promise<number> {
  const link = f.pty ? await PtyLink.create() : undefined;
  const serialPath = f.path ?? link?.devicePath;
  const sim = await LedStripSimulator.start({
    tcp: serialPath ? false : { port: Number(f.port ?? 5005), host: f.host ?? '127.0.0.1' },
    ...(serialPath ? { serialPath } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(f.address ? { address: Number(f.address) } : {}),
    ...(f.width ? { width: Number(f.width) } : {}),
    ...(f.height ? { height: Number(f.height) } : {}),
  });
  report(!!f.json, { simulator: 'ledstrip', tcpPort: sim.tcpPort ?? null, hostPath: link?.hostPath ?? null, model: sim.model.id },
    serialPath ? `LED controller simulator (${sim.model.label}) on serial; connect the host to ${link?.hostPath ?? serialPath}` : `LED controller simulator (${sim.model.label}) listening on tcp ${f.host ?? '127.0.0.1'}:${sim.tcpPort}`);
  if (f.out) mkdirSync(f.out, { recursive: true });
  let n = 0;
  sim.on('shown', (text) => {
    n++;
    report(!!f.json, { event: 'shown', index: n, text }, `--- strip ${n} ---\n${text || '(blank)'}`);
    if (f.out) {
      writeFileSync(join(f.out, `strip-${n}.txt`), text);
      void sim.png().then((png) => writeFileSync(join(f.out as string, `strip-${n}.png`), png)).catch(() => undefined);
    }
  });
  sim.on('spoke', (text) => report(!!f.json, { event: 'spoke', text }, `(says) ${text}`));
  sim.on('problem', (p) => report(!!f.json, { event: 'problem', ...p }, `problem: ${p.kind}: ${p.message}`));
  await untilSignal();
  await sim.stop();
  link?.close();
  return 0;
}

/** `simulate keypad`: keypads on a PTY bus; type "6 call", "6 no-show", "7 transfer 12" to press keys. */
export async function simulateKeypad(f: StripFlags): Promise<number> {
  const link = f.path ? undefined : await PtyLink.create();
  const addresses = (f.addresses ?? '1').split(',').map(Number);
  const sim = await KeypadSimulator.start({ serialPath: f.path ?? (link as PtyLink).devicePath, addresses });
  report(!!f.json, { simulator: 'keypad', hostPath: link?.hostPath ?? null, addresses },
    `keypad bus simulator with keypads ${addresses.join(', ')}; connect the host to ${link?.hostPath ?? f.path}\ntype "<address> call|recall|finish|pause|no-show|hold|call-back|transfer <window>"`);
  sim.on('display', (a) => report(!!f.json, { event: 'display', address: a, digits: sim.display(a) }, `keypad ${a} shows [${sim.display(a)}]`));
  sim.on('beep', (a) => report(!!f.json, { event: 'beep', address: a }, `keypad ${a} beeps`));
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const [addr, name, arg] = line.trim().split(/\s+/);
    const action = name === 'transfer' ? { action: 'transfer' as const, toWindowNumber: Number(arg) } : ACTIONS[name ?? ''];
    if (!action || !addr) {
      process.stderr.write('usage: <address> call|recall|finish|pause|no-show|hold|call-back|transfer <window>\n');
      return;
    }
    void sim.press(Number(addr), action).then((r) => report(!!f.json, { event: 'pressed', address: Number(addr), ...r, action: parseKeypress(keypressData(action)) }, `keypad ${addr}: ${name} ${r.acked ? `acknowledged (${r.attempts} send(s))` : 'NOT acknowledged by the host'}`));
  });
  await untilSignal();
  rl.close();
  await sim.stop();
  link?.close();
  return 0;
}
