// Electron for smoke tests: the binary that `require('electron')` points at, if it is installed
// (here it is not: ELECTRON_SKIP_BINARY_DOWNLOAD=1), and a launcher through Playwright's _electron.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The Electron executable, or why there is none. */
export function electronBinary(): { path: string } | { absent: string } {
  try {
    const p = require('electron') as unknown;
    if (typeof p === 'string' && existsSync(p)) return { path: p };
    return { absent: `require('electron') gave ${String(p)}, which does not exist` };
  } catch (e) {
    return { absent: (e as Error).message };
  }
}

/** Bundle the app's main + preload (scripts/build-electron.mjs) so Electron can run them. */
export function buildElectronApp(appDir: string): string {
  execFileSync(process.execPath, [join(appDir, '../../scripts/build-electron.mjs')], { cwd: appDir, stdio: 'pipe' });
  return join(appDir, 'dist/main/main.js');
}

export async function launchElectronApp(executablePath: string, mainJs: string, env: NodeJS.ProcessEnv): Promise<ElectronApplication> {
  return _electron.launch({ executablePath, args: [mainJs, '--no-sandbox'], env: { ...process.env, ...env } as Record<string, string>, timeout: 30_000 });
}
