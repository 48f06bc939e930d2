#!/usr/bin/env -S node --import tsx
// hallkit-devices: the field technician's tool. Run with `node --import tsx packages/devices/src/cli/main.ts`.
import { parseArgs } from 'node:util';
import { isDeviceError } from '../errors/DeviceError.ts';
import type { DeviceConfig } from '../registry/DeviceConfig.ts';
import { listCommand, listenCommand, printTestCommand, probeCommand, readCardCommand, statusCommand } from './deviceCommands.ts';
import { simulateCommand } from './simulateCommand.ts';
import { keypadTestCommand, simulateKeypad, simulateStrip, stripTestCommand } from './stripCommands.ts';
import { UsageError } from './target.ts';

const USAGE = `hallkit-devices <command> [options]

  list                               serial ports and HID devices (--json)
  probe   --kind printer|idcard|scanner|ledstrip|keypad <device>   open the device and check its health
  status  --kind printer|idcard|scanner|ledstrip|keypad <device>   print the device's status
  print-test <device> [--model M]    print a test queue ticket
  read-card  <device> [--unmasked] [--timeout MS]  read an ID card (number masked unless --unmasked)
  listen     <device> [--count N] [--timeout MS]   print scans as they arrive
  strip-test <device> [--model bx-6k1] [--address N] [--width 160 --height 32] [--text "A012 请到5号窗口" --colour red]
                                     every colour on an LED strip (or the given text)
  keypad-test <device> --address N [--timeout MS]   888888 + beep on one keypad, then print its keys
  simulate printer [--port 9100 | --pty | --path DEV] [--model M] [--out DIR]
  simulate ledstrip [--port 5005 | --pty | --path DEV] [--model M] [--width W --height H] [--out DIR]
  simulate keypad  [--pty | --path DEV] [--addresses 6,7]   then type "6 call" to press
  simulate idcard  [--pty | --path DEV] [--card resident|elder|hmt|foreign]
  simulate scanner [--pty | --path DEV] [--codes A012,B003] [--interval MS]

  <device>: --tcp HOST:PORT | --serial PATH|VID:PID [--baud N] | --hid PATH|VID:PID | --config FILE
  --json: one JSON object per result, for scripts
  exit code: 0 ok, 1 device problem, 2 usage error`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, kind: { type: 'string' },
      tcp: { type: 'string' }, serial: { type: 'string' }, hid: { type: 'string' }, baud: { type: 'string' },
      config: { type: 'string' }, model: { type: 'string' }, timeout: { type: 'string' }, count: { type: 'string' },
      unmasked: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, pty: { type: 'boolean' },
      path: { type: 'string' }, out: { type: 'string' }, card: { type: 'string' }, codes: { type: 'string' },
      interval: { type: 'string' }, external: { type: 'boolean' }, text: { type: 'string' }, colour: { type: 'string' },
      address: { type: 'string' }, addresses: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' }, speak: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  const kind = (values.kind ?? 'printer') as DeviceConfig['kind'];
  if (!['printer', 'idcard', 'scanner', 'ledstrip', 'keypad'].includes(kind)) throw new UsageError('--kind must be printer, idcard, scanner, ledstrip or keypad');
  switch (command) {
    case 'list':
      return listCommand(values);
    case 'probe':
      return probeCommand(kind, values, values.external ? 'external' : 'internal');
    case 'status':
      return statusCommand(kind, values);
    case 'print-test':
      return printTestCommand(values);
    case 'read-card':
      return readCardCommand(values);
    case 'listen':
      return listenCommand(values);
    case 'strip-test':
      return stripTestCommand(values);
    case 'keypad-test':
      return keypadTestCommand(values);
    case 'simulate':
      if (sub === 'ledstrip') return simulateStrip(values);
      if (sub === 'keypad') return simulateKeypad(values);
      return simulateCommand(sub, values);
    case undefined:
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const json = process.argv.includes('--json');
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const payload = { ok: false, error: (e as Error).message, ...(isDeviceError(e) ? { code: e.code, details: e.details } : {}) };
    if (json) process.stdout.write(`${JSON.stringify(payload)}\n`);
    else process.stderr.write(`error: ${(e as Error).message}${usage ? `\n\n${USAGE}` : ''}\n`);
    process.exit(usage ? 2 : 1);
  },
);
