#!/usr/bin/env node
// `npm run build:electron -w apps/<app>`: bundle the Electron main process (with the host and its
// workspace packages) to dist/main/main.js and the preload to dist/preload/preload.cjs, for
// electron-builder. Native modules and Electron stay external (rebuilt for Electron's ABI by
// electron-builder's npmRebuild). Run from the app's folder; the renderer comes from build:web.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const app = process.cwd();
const NATIVE = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'usb', 'bufferutil', 'utf-8-validate', 'playwright-core'];

for (const entry of ['src/main/main.ts', 'src/preload/preload.ts']) {
  if (!existsSync(join(app, entry))) throw new Error(`${app}: ${entry} missing`);
}

await build({
  entryPoints: [join(app, 'src/main/main.ts')],
  outfile: join(app, 'dist/main/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: NATIVE,
  sourcemap: false,
  logLevel: 'warning',
  // Bundled CommonJS dependencies (mqtt, ws…) may call require(); give ESM output one.
  banner: { js: "import { createRequire as __hallkitRequire } from 'node:module'; const require = __hallkitRequire(import.meta.url);" },
});
// Sandboxed preloads must be CommonJS and may require only 'electron'.
await build({
  entryPoints: [join(app, 'src/preload/preload.ts')],
  outfile: join(app, 'dist/preload/preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
console.log(`built ${join(app, 'dist/main/main.js')} and ${join(app, 'dist/preload/preload.cjs')}`);
