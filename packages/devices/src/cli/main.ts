#!/usr/bin/env -S node --import tsx
// hallkit-devices: the field technician's tool. Run with `node --import tsx packages/devices/src/cli/main.ts`.
import { parseArgs } from 'node:util';
import { isDeviceError } from '../errors/DeviceError.ts';
import type { DeviceConfig } from '../registry/DeviceConfig.ts';
import { listCommand, listenCommand, printTestCommand, probeCommand, readCardCommand, statusCommand } from './deviceCommands.ts';
import { simulateCommand } from './simulateCommand.ts';
import { UsageError } from './target.ts';

const USAGE = `hallkit-devices <command> [options]

  list                               serial ports and HID devices (--json)
  probe   --kind printer|idcard|scanner <device>   open the device and check its health
  status  --kind printer|idcard|scanner <device>   print the device's status
  print-test <device> [--model M]    print a test queue ticket
  read-card  <device> [--unmasked] [--timeout MS]  read an ID card (number masked unless --unmasked)
  listen     <device> [--count N] [--timeout MS]   print scans as they arrive
  simulate printer [--port 9100 | --pty | --path DEV] [--model M] [--out DIR]
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
      interval: { type: 'string' }, external: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  const kind = (values.kind ?? 'printer') as DeviceConfig['kind'];
  if (!['printer', 'idcard', 'scanner'].includes(kind)) throw new UsageError('--kind must be printer, idcard or scanner');
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
    case 'simulate':
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
