// The e2e tests open the built consoles; build them once if `npm run build:web` has not.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function ensureWebBuilt(): void {
  if (existsSync(join(APP_DIR, 'dist', 'index.html'))) return;
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: APP_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web consoles failed');
}

export const SCREENSHOTS = fileURLToPath(new URL('../../../../artifacts/screenshots/', import.meta.url));
