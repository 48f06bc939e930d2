// The pad as a device (issue 9): DeviceShell around EvaluatorHost — first-boot setup when there is
// no identity, remote care, the maintenance lock over the citizen's touches, revocation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceShell, networkCheck, technicianPinFromEnv, type DeviceIdentity, type LogSink } from '@hallkit/host';
import type { DeviceLinkOptions } from '@hallkit/sync';
import { CITIZEN_METHODS, evaluatorContract, type EvaluatorContract } from '../contract.ts';
import { EvaluatorHost } from './EvaluatorHost.ts';
import { loadIdentity, PadIdentitySchema } from './identity.ts';

export interface PadShellOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  link?: Partial<Omit<DeviceLinkOptions, 'store' | 'url' | 'hallId' | 'deviceId'>>;
  exit?: (code: number) => void;
  logger?: LogSink;
}

export type PadShell = DeviceShell<EvaluatorContract> & { pad(): EvaluatorHost | undefined };

export function createPadShell(o: PadShellOptions): PadShell {
  const env = o.env ?? process.env;
  // Read once: a production device without its own PIN refuses to start, not later at the gesture.
  const pin = technicianPinFromEnv(env);
  let host: EvaluatorHost | undefined;
  const shell = new DeviceShell({
    contract: evaluatorContract,
    dataDir: o.dataDir,
    roles: ['evaluator'],
    ...(env.HALLKIT_LOG_DIR ? { logFile: join(env.HALLKIT_LOG_DIR, 'evaluator.log') } : {}),
    citizenMethods: CITIZEN_METHODS,
    // The pad's technician PIN: from the environment (set per hall in the unit's EnvironmentFile).
    technicianPin: () => pin,
    ...(o.logger ? { logger: o.logger } : {}),
    ...(o.exit ? { exit: o.exit } : {}),
    loadIdentity: (): DeviceIdentity | undefined =>
      existsSync(join(o.dataDir, 'identity.json')) || env.HALLKIT_DEVICE_ID ? loadIdentity(o.dataDir, env) : undefined,
    // A pad has no printer, reader or scanner; the screen is checked by the setup screen itself.
    checks: () => [],
    startRole: (identity, ctx) => {
      const h = new EvaluatorHost({ identity: PadIdentitySchema.parse(identity), dataDir: ctx.dataDir, logger: ctx.logger, ...(o.link ? { link: o.link } : {}) });
      h.start();
      host = h;
      return {
        bridge: h.bridge,
        link: h.link,
        care: {
          testPrint: async () => ({ printed: false, checks: [await networkCheck(identity.mqttUrl), { id: 'link', ok: h.link.status().connected, detail: `backlog ${h.link.status().backlog.events}` }] }),
          reloadConfig: () => h.reloadConfig(),
        },
        stop: async () => {
          if (host === h) host = undefined;
          await h.stop();
        },
      };
    },
  });
  return Object.assign(shell, { pad: () => host });
}
