// Electron main process, thin: the pad (DeviceShell around EvaluatorHost: setup, remote care, lock)
// in-process, its bridge over IPC, one locked-down full-screen window served from hallkit://app/.
// Everything else (display sleep, supervision, systemd, nightly restart) is startDeviceApp.
import electron from 'electron';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, startDeviceApp, type ElectronLike } from '@hallkit/host';
import { createPadShell } from '../host/padShell.ts';

// Type-checked against Electron's own types: the structural subset the host package uses.
const e: ElectronLike = electron;
registerAppScheme(e);

void startDeviceApp(e, {
  mainDir: fileURLToPath(new URL('.', import.meta.url)),
  createShell: (dataDir, exit) => createPadShell({ dataDir, exit }),
  window: { width: 1280, height: 800, backgroundColor: '#f4f6fa' },
});
