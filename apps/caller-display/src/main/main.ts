// Electron main process, thin: the board (DeviceShell around CallerDisplayHost: setup, remote care,
// lock) in-process, its bridge over IPC, one full-screen window served from hallkit://app/ (so it
// can fetch its voice clips). Lock-down, supervision, systemd and nightly restart: startDeviceApp.
import electron from 'electron';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, startDeviceApp, type ElectronLike } from '@hallkit/host';
import { createBoardShell } from '../host/boardShell.ts';

// Type-checked against Electron's own types: the structural subset the host package uses.
const e: ElectronLike = electron;
registerAppScheme(e);

void startDeviceApp(e, {
  mainDir: fileURLToPath(new URL('.', import.meta.url)),
  createShell: (dataDir, exit) => createBoardShell({ dataDir, exit }),
  // The board speaks without anyone touching it, and keeps animating when not focused.
  window: { width: 1920, height: 1080, backgroundColor: '#07142b', webPreferences: { autoplayPolicy: 'no-user-gesture-required', backgroundThrottling: false } },
  ...(process.env.HALLKIT_BOARD_QUERY ? { query: `?${process.env.HALLKIT_BOARD_QUERY}` } : {}),
});
