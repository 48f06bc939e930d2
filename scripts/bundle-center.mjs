#!/usr/bin/env node
// The center as a production bundle: one JavaScript file per entry (no TypeScript transpiled at
// start-up), the built consoles, the shipped halls, the one native module (better-sqlite3) and the
// service files — a folder to copy to /opt/hallkit-center (packages/deploy/center/install-center.sh).
//   node scripts/bundle-center.mjs [OUT_DIR]     (default out/hallkit-center; needs `npm run build:web -w apps/center`)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'out', 'hallkit-center'));
const web = join(root, 'apps/center/dist');
if (!existsSync(join(web, 'index.html'))) {
  console.error('bundle-center: the consoles are not built — run `npm run build:web -w apps/center` first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'server'), { recursive: true });

// ESM output that still lets bundled CommonJS call require(), and tells the center where the folder's
// consoles and halls are (the source paths it would compute from import.meta.url do not exist here).
const banner = [
  "import { createRequire as __hkRequire } from 'node:module';",
  "import { fileURLToPath as __hkPath } from 'node:url';",
  "import { dirname as __hkDir, join as __hkJoin } from 'node:path';",
  'const require = __hkRequire(import.meta.url);',
  'const __hkRoot = __hkJoin(__hkDir(__hkPath(import.meta.url)), "..");',
  'process.env.HALLKIT_WEB_DIR ??= __hkJoin(__hkRoot, "web");',
  'process.env.HALLKIT_HALLS_DIR ??= __hkJoin(__hkRoot, "halls");',
].join('\n');

const result = await build({
  entryPoints: { center: join(root, 'apps/center/src/server/main.ts'), 'hallkit-center': join(root, 'apps/center/src/cli/main.ts') },
  outdir: join(out, 'server'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The native module stays a file on disk, loaded from the bundle's node_modules.
  external: ['better-sqlite3'],
  banner: { js: banner },
  legalComments: 'none',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

cpSync(web, join(out, 'web'), { recursive: true });
cpSync(join(root, 'halls'), join(out, 'halls'), { recursive: true, filter: (f) => !f.endsWith('.md') });
for (const pkg of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
  const from = join(root, 'node_modules', pkg);
  cpSync(from, join(out, 'node_modules', pkg), {
    recursive: true,
    // Only what runs: no sources, no build intermediates.
    filter: (f) => !/[/\\](deps|src|docs|test|obj\.target|\.deps)([/\\]|$)/.test(f.slice(from.length)),
  });
}
cpSync(join(root, 'packages/deploy/center'), join(out, 'deploy'), { recursive: true });
cpSync(join(root, 'packages/deploy/mosquitto'), join(out, 'deploy/mosquitto'), { recursive: true });
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ name: 'hallkit-center', private: true, type: 'module' }, null, 2)}\n`);
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.mjs')).map(([, o]) => o).reduce((n, o) => n + o.bytes, 0);
console.log(`bundle-center: ${out} (server ${(bytes / 1e6).toFixed(1)} MB)`);
