// Playwright `_electron` smoke test of the kiosk; reports clearly where Electron's binary is absent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeElectronSmoke } from '@hallkit/testkit';

describeElectronSmoke({
  app: 'kiosk',
  appDir: fileURLToPath(new URL('..', import.meta.url)),
  // A kiosk whose center is not running and with no devices: it still shows its home screen.
  env: () => ({
    HALLKIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'hallkit-kiosk-electron-')),
    HALLKIT_HALL_ID: 'yantai',
    HALLKIT_DEVICE_ID: 'kiosk-smoke',
    HALLKIT_MQTT_URL: 'mqtt://127.0.0.1:9',
    HALLKIT_CENTER_HTTP: 'http://127.0.0.1:9',
    HALLKIT_DEVICE_PASSWORD: 'x',
  }),
  home: '[data-screen="home"]',
});
