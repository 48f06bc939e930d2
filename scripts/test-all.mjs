// The README's test command: typecheck, lint, then every test (unit, integration against real
// Mosquitto / SQLite / PTYs, end-to-end in Chromium). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const REPORT = 'artifacts/vitest-report.json';
rmSync(REPORT, { force: true });

const stages = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  // e2e tests load the built renderers (apps/*/dist).
  ['build web', ['run', 'build:web']],
  ['tests', ['run', 'test:unit']],
];

/** One plain line with the counts, from vitest's JSON report (printed whether the tests passed or not). */
function printCounts() {
  if (!existsSync(REPORT)) return;
  const r = JSON.parse(readFileSync(REPORT, 'utf8'));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
}

for (const [name, args] of stages) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync('npm', args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s ===`);
  if (name === 'tests') printCounts();
  if (r.status !== 0) process.exit(r.status ?? 1);
}
