// Browser mode: the kiosk host plus a LoopbackServer (127.0.0.1 only, per-launch token) serving the
// built renderer to a plain Chromium. Prints the address to open.
import { fileURLToPath } from 'node:url';
import { LoopbackServer, technicianPinFromEnv } from '@hallkit/host';
import { KioskHost } from './KioskHost.ts';
import { dataDir } from './identity.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export function deviceAddressesFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    ...(env.HALLKIT_PRINTER ? { printer: env.HALLKIT_PRINTER } : {}),
    ...(env.HALLKIT_PRINTER_MODEL ? { printerModel: env.HALLKIT_PRINTER_MODEL } : {}),
    ...(env.HALLKIT_IDCARD ? { idCard: env.HALLKIT_IDCARD } : {}),
    ...(env.HALLKIT_SCANNER ? { scanner: env.HALLKIT_SCANNER } : {}),
  };
}

export async function serveKiosk(host: KioskHost, port = 0): Promise<LoopbackServer<typeof host.bridge.contract>> {
  const server = new LoopbackServer(host.bridge, { port, staticDir: RENDERER_DIR });
  await server.start();
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // As a device: the kiosk inside DeviceShell (setup screen without an identity, remote care, lock).
  const { createKioskShell } = await import('./kioskShell.ts');
  const shell = createKioskShell({
    dataDir: dataDir(),
    devices: deviceAddressesFromEnv(),
    technicianPin: technicianPinFromEnv(process.env),
    exit: (code) => {
      console.log(`RESTART requested (exit ${code})`);
      void shell.stop().finally(() => process.exit(code));
    },
  });
  await shell.start();
  const server = new LoopbackServer(shell.bridge, { port: Number(process.env.HALLKIT_KIOSK_PORT ?? 0), staticDir: RENDERER_DIR });
  await server.start();
  console.log(`kiosk: open ${server.url}`);
  const stop = async () => {
    await server.stop();
    await shell.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
