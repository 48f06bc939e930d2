import { defineConfig } from 'vitest/config';

// One run for the whole monorepo. Integration tests start their own Mosquitto, PTYs and Chromium,
// so they run in forked processes (native modules, signals) and two at a time (2 cores).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // The JSON report lets `npm test` print one plain closing line of counts (scripts/test-all.mjs).
    reporters: ['default', ['json', { outputFile: 'artifacts/vitest-report.json' }]],
  },
});
