// Lint, and the layer rules: dependencies point inward. core depends on nothing of ours and does no
// I/O; device-side packages depend on core only; renderers never touch Node; apps never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'net', 'child_process', 'os', 'http', 'https', 'crypto'];
const apps = ['@hallkit/center', '@hallkit/kiosk', '@hallkit/caller-display', '@hallkit/evaluator'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', 'artifacts/**', 'docs/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly',
        window: 'readonly', document: 'readonly', performance: 'readonly', queueMicrotask: 'readonly',
        structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, '@hallkit/*', 'better-sqlite3', 'mqtt', 'serialport', 'node-hid', 'react*', 'electron'],
      'packages/core is the pure domain: no I/O and no dependency on other hallkit packages.',
    ),
  },
  {
    files: ['packages/sync/src/**/*.ts', 'packages/devices/src/**/*.ts'],
    rules: restrict(
      ['@hallkit/ui', '@hallkit/host', '@hallkit/sync*', '@hallkit/devices*', ...apps, 'react*', 'electron'],
      'device-side packages depend on @hallkit/core only (and their own files).',
    ),
  },
  {
    files: ['packages/ui/src/**/*.ts', 'packages/ui/src/**/*.tsx', 'apps/*/src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, '@hallkit/sync', '@hallkit/devices', 'better-sqlite3', 'mqtt', 'serialport', 'node-hid', 'electron', ...apps],
      'a renderer runs in a browser sandbox: it talks to its host through the typed bridge only.',
    ),
  },
);
