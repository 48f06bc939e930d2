// The per-app Electron smoke test (issue 9): launch the packaged-style main process, see the home
// screen, `window.hallkit` present, no Node in the page, navigation to another origin refused.
// Where Electron's binary is absent (this machine) it says so in a passing test of its own.
import { describe, expect, it } from 'vitest';
import { buildElectronApp, electronBinary, launchElectronApp } from './electron.ts';

export interface ElectronSmokeOptions {
  app: string;
  /** The app's folder (apps/<app>). */
  appDir: string;
  /** Environment for the app (data dir, identity). */
  env: () => NodeJS.ProcessEnv;
  /** A selector present on the home screen. */
  home: string;
}

export function describeElectronSmoke(o: ElectronSmokeOptions): void {
  const bin = electronBinary();
  describe(`${o.app} in Electron`, () => {
    if ('absent' in bin) {
      it("reports that Electron's binary is absent", () => {
        console.log(`[electron-smoke] ${o.app}: Electron's binary is absent (${bin.absent}); install it (unset ELECTRON_SKIP_BINARY_DOWNLOAD, npm install) to run this smoke test`);
        expect(bin.absent.length).toBeGreaterThan(0);
      });
      return;
    }
    it('launches, shows its home screen, exposes only window.hallkit and refuses navigation', async () => {
      const main = buildElectronApp(o.appDir);
      const app = await launchElectronApp(bin.path, main, o.env());
      try {
        const page = await app.firstWindow();
        await page.locator(o.home).waitFor({ timeout: 30_000 });
        expect(page.url()).toMatch(/^hallkit:\/\/app\//);
        // Runs in the page; testkit has no DOM lib, so the page's global object is reached structurally.
        const globals = await page.evaluate(() => {
          const w = globalThis as { hallkit?: unknown; require?: unknown; process?: unknown };
          return { hallkit: typeof w.hallkit, require: typeof w.require, process: typeof w.process };
        });
        expect(globals).toEqual({ hallkit: 'object', require: 'undefined', process: 'undefined' });
        const before = page.url();
        await page.evaluate(() => void ((globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'));
        await new Promise((r) => setTimeout(r, 1000));
        expect(page.url()).toBe(before);
        expect(app.windows()).toHaveLength(1);
      } finally {
        await app.close();
      }
    }, 90_000);
  });
}
