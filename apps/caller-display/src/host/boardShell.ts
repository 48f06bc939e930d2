// The board as a device (issue 9): DeviceShell around CallerDisplayHost — first-boot setup when
// there is no identity, remote care, the maintenance lock, revocation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceShell, networkCheck, technicianPinFromEnv, type DeviceIdentity, type LogSink } from '@hallkit/host';
import { callerDisplayContract, type CallerDisplayContract } from '../contract.ts';
import { CallerDisplayHost, type CallerDisplayHostOptions } from './CallerDisplayHost.ts';
import { DeviceIdentitySchema, readIdentity } from './identity.ts';

export interface BoardShellOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  host?: Partial<Omit<CallerDisplayHostOptions, 'identity' | 'dataDir'>>;
  exit?: (code: number) => void;
  logger?: LogSink;
}

export type BoardShell = DeviceShell<CallerDisplayContract> & { board(): CallerDisplayHost | undefined };

export function createBoardShell(o: BoardShellOptions): BoardShell {
  const env = o.env ?? process.env;
  // Read once: a production device without its own PIN refuses to start, not later at the gesture.
  const pin = technicianPinFromEnv(env);
  let host: CallerDisplayHost | undefined;
  const shell = new DeviceShell({
    contract: callerDisplayContract,
    dataDir: o.dataDir,
    roles: ['call-board', 'window-strip', 'caller-bridge'],
    ...(env.HALLKIT_LOG_DIR ? { logFile: join(env.HALLKIT_LOG_DIR, 'caller-display.log') } : {}),
    // A board takes no citizen input; the lock only covers its screen.
    citizenMethods: [],
    technicianPin: () => pin,
    ...(o.logger ? { logger: o.logger } : {}),
    ...(o.exit ? { exit: o.exit } : {}),
    loadIdentity: (): DeviceIdentity | undefined =>
      existsSync(join(o.dataDir, 'identity.json')) || env.HALLKIT_DEVICE_ID ? toShellIdentity(readIdentity(o.dataDir, env)) : undefined,
    // Screen and speakers are checked by the setup screen itself; the network check is the shell's.
    checks: () => [],
    startRole: (identity, ctx) => {
      const h = new CallerDisplayHost({ ...o.host, identity: DeviceIdentitySchema.parse(identity), dataDir: ctx.dataDir, logger: ctx.logger });
      h.start();
      host = h;
      return {
        bridge: h.bridge,
        link: h.link,
        care: {
          testPrint: async () => ({ printed: false, checks: [await networkCheck(identity.mqttUrl), { id: 'link', ok: h.link.status().connected, detail: `calls shown ${h.model.state().calls.length}` }] }),
          reloadConfig: () => h.reloadConfig(),
        },
        stop: async () => {
          if (host === h) host = undefined;
          await h.stop();
        },
      };
    },
  });
  return Object.assign(shell, { board: () => host });
}

function toShellIdentity(i: ReturnType<typeof readIdentity>): DeviceIdentity {
  return { ...i, username: i.username ?? i.deviceId, password: i.password ?? '' };
}
