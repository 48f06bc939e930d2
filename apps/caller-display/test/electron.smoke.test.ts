// Playwright `_electron` smoke test of the call board; reports clearly where Electron's binary is absent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeElectronSmoke } from '@hallkit/testkit';

describeElectronSmoke({
  app: 'caller-display',
  appDir: fileURLToPath(new URL('..', import.meta.url)),
  // A provisioned board whose center is not running: it still shows its board (marked not live).
  env: () => ({
    HALLKIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'hallkit-board-electron-')),
    HALLKIT_HALL_ID: 'yantai',
    HALLKIT_DEVICE_ID: 'board-smoke',
    HALLKIT_MQTT_URL: 'mqtt://127.0.0.1:9',
  }),
  home: '[data-testid="board"]',
});
