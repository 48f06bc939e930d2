// Electron main process, thin: the kiosk (DeviceShell: the setup screen until provisioned, then the
// kiosk with remote care and lock) in-process, its bridge over IPC, one locked-down portrait
// full-screen window (contextIsolation, sandbox, no Node, CSP, navigation/new windows/permissions
// refused, no menu or devtools unless HALLKIT_DEV=1) — the same startDeviceApp as the other apps.
import electron from 'electron';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, startDeviceApp, technicianPinFromEnv, type ElectronLike } from '@hallkit/host';
import { createKioskShell } from '../host/kioskShell.ts';
import { deviceAddressesFromEnv } from '../host/serve.ts';

const e: ElectronLike = electron;
registerAppScheme(e);

void startDeviceApp(e, {
  mainDir: fileURLToPath(new URL('.', import.meta.url)),
  createShell: (dataDir, exit) => createKioskShell({ dataDir, devices: deviceAddressesFromEnv(), technicianPin: technicianPinFromEnv(process.env), exit }),
  window: { width: 1080, height: 1920, backgroundColor: '#c8102e' },
});
