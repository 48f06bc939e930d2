import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where an e2e test saves its screenshots: `artifacts/screenshots/` on every run (kept by CI as test
 * artifacts), or the README's `docs/screenshots/` when refreshing them with HALLKIT_SCREENSHOTS=1 —
 * so a test run never rewrites committed files by accident.
 */
export function screenshotDir(): string {
  const rel = process.env.HALLKIT_SCREENSHOTS === '1' ? '../../../docs/screenshots/' : '../../../artifacts/screenshots/';
  const dir = fileURLToPath(new URL(rel, import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}
