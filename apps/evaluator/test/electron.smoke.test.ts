// Playwright `_electron` smoke test of the pad; reports clearly where Electron's binary is absent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeElectronSmoke } from '@hallkit/testkit';

describeElectronSmoke({
  app: 'evaluator',
  appDir: fileURLToPath(new URL('..', import.meta.url)),
  // A provisioned pad whose center is not running: it still shows its idle (home) screen.
  env: () => ({
    HALLKIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'hallkit-ev-electron-')),
    HALLKIT_HALL_ID: 'yantai',
    HALLKIT_DEVICE_ID: 'pad-smoke',
    HALLKIT_WINDOW_ID: 'w5',
    HALLKIT_MQTT_URL: 'mqtt://127.0.0.1:9',
    HALLKIT_DEVICE_PASSWORD: 'x',
  }),
  home: '[data-screen="idle"]',
});
