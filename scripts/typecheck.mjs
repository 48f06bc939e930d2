// Type-checks every workspace with its own tsconfig (core has no DOM and no Node types, so an
// accidental I/O import in the domain fails here). Runs them one after another: 2 cores.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const roots = ['packages', 'apps'];
const extra = ['bench'];
let failed = 0;
for (const root of roots) {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'tsconfig.json'))) continue;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', dir, '--noEmit'], { stdio: 'inherit' });
    const ok = r.status === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${dir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
for (const dir of extra) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', dir, '--noEmit'], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${dir}`);
}
process.exit(failed ? 1 : 0);
