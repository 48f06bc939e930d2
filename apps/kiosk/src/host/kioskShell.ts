// The kiosk as a device (issue 9): DeviceShell around KioskHost — setup with device checks (test
// print, card reader, scanner through the device layer's checkHealth) when there is no identity,
// remote care (test-print on the real printer), the maintenance lock over citizen actions, revocation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeviceShell, type DeviceIdentity, type LogSink } from '@hallkit/host';
import type { DeviceCheck } from '@hallkit/core/wire/careCommands';
import { KIOSK_CITIZEN_METHODS, kioskDeviceContract, type KioskDeviceContract } from '../kioskDeviceContract.ts';
import { KioskHost, type KioskHostOptions } from './KioskHost.ts';
import { KioskDevices, type KioskDeviceAddresses } from './devices/KioskDevices.ts';
import { loadIdentity } from './identity.ts';

export interface KioskShellOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  devices: KioskDeviceAddresses;
  technicianPin: string;
  host?: Partial<Omit<KioskHostOptions, 'identity' | 'dataDir' | 'devices' | 'technicianPin'>>;
  exit?: (code: number) => void;
  logger?: LogSink;
}

export type KioskShell = DeviceShell<KioskDeviceContract> & { kiosk(): KioskHost | undefined };

const TEST_SLIP = (deviceId: string) => ({ title: '打印机自检 Test print', lines: [{ label: '设备', value: deviceId }, { label: '时间', value: new Date().toISOString() }, '中文测试：政务服务 一次办好'], qr: { payload: 'hallkit:test-print' } });

/** Printer test slip + reader and scanner health, from the device layer. */
async function deviceChecks(devices: KioskDevices, deviceId: string): Promise<{ printed: boolean; checks: DeviceCheck[] }> {
  const checks: DeviceCheck[] = [];
  let printed = false;
  if (devices.printer) {
    const r = await devices.printSlip(TEST_SLIP(deviceId));
    printed = r.ok;
    checks.push({ id: 'printer', ok: r.ok, detail: r.ok ? `test slip printed (${devices.addresses.printer ?? ''})` : `not printed: ${r.reason}` });
  } else checks.push({ id: 'printer', ok: false, detail: 'no printer configured (HALLKIT_PRINTER)' });
  for (const [id, d] of [['reader', devices.reader], ['scanner', devices.scanner]] as const) {
    if (!d) {
      checks.push({ id, ok: false, detail: 'not configured' });
      continue;
    }
    const h = await d.checkHealth('internal').catch((e: unknown) => ({ ok: false, summary: (e as Error).message }));
    checks.push({ id, ok: h.ok, detail: h.summary.slice(0, 300) });
  }
  return { printed, checks };
}

export function createKioskShell(o: KioskShellOptions): KioskShell {
  const env = o.env ?? process.env;
  let host: KioskHost | undefined;
  let deviceId = 'kiosk';
  const shell: DeviceShell<KioskDeviceContract> = new DeviceShell({
    contract: kioskDeviceContract,
    dataDir: o.dataDir,
    roles: ['kiosk'],
    ...(env.HALLKIT_LOG_DIR ? { logFile: join(env.HALLKIT_LOG_DIR, 'kiosk.log') } : {}),
    citizenMethods: KIOSK_CITIZEN_METHODS,
    technicianPin: () => host?.settings().technicianPin ?? o.technicianPin,
    ...(o.logger ? { logger: o.logger } : {}),
    ...(o.exit ? { exit: o.exit } : {}),
    loadIdentity: (): DeviceIdentity | undefined => {
      if (!existsSync(join(o.dataDir, 'identity.json')) && !env.HALLKIT_DEVICE_ID) return undefined;
      const i = loadIdentity(o.dataDir, env);
      const { windowId, ...rest } = i;
      return { ...rest, username: i.username ?? i.deviceId, password: i.password ?? '', ...(windowId ? { windowId } : {}) };
    },
    // Before the role runs the devices are not open: open them for the checks, then let go.
    checks: async (): Promise<DeviceCheck[]> => {
      if (host) return (await deviceChecks(host.devices, deviceId)).checks;
      const d = new KioskDevices(o.devices);
      try {
        await d.start();
        return (await deviceChecks(d, 'setup')).checks;
      } finally {
        await d.stop();
      }
    },
    startRole: async (identity, ctx) => {
      // The kiosk asks the center over HTTP too (phone pages' requests): enrolment always gives the address.
      const h = new KioskHost({ ...o.host, identity: { ...identity, role: 'kiosk', centerHttp: identity.centerHttp ?? env.HALLKIT_CENTER_HTTP ?? '' }, dataDir: ctx.dataDir, devices: o.devices, technicianPin: o.technicianPin });
      deviceId = identity.deviceId;
      await h.start();
      host = h;
      return {
        bridge: h.bridge,
        link: h.link,
        care: { testPrint: () => deviceChecks(h.devices, identity.deviceId), reloadConfig: () => h.reloadConfig() },
        stop: async () => {
          if (host === h) host = undefined;
          await h.stop();
        },
      };
    },
  });
  return Object.assign(shell, { kiosk: () => host });
}
