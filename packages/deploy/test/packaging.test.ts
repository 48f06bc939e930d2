import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadElectronBuilderConfig } from '../src/index.ts';

/**
 * Electron's binary cannot be downloaded here, so packaging cannot run; instead every app's
 * packaging config is validated against electron-builder's own JSON schema and checked for what
 * the field needs (targets, fuses, native rebuild, the Linux service files it ships).
 */
const repo = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const apps = ['kiosk', 'caller-display', 'evaluator'];
const linux = join(repo, 'packages/deploy/linux');

describe.each(apps)('packaging config of %s', (app) => {
  const file = join(repo, 'apps', app, 'electron-builder.yml');
  const config = loadElectronBuilderConfig(file);

  it("is valid against electron-builder's schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('builds .deb and AppImage for x64 and arm64, and a Windows NSIS installer', () => {
    expect(config).toMatchObject({
      appId: `cn.hallkit.${app}`,
      linux: {
        target: [
          { target: 'deb', arch: ['x64', 'arm64'] },
          { target: 'AppImage', arch: ['x64', 'arm64'] },
        ],
      },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
    });
  });

  it('rebuilds native modules for Electron, ships asar only, and sets the lock-down fuses', () => {
    expect(config).toMatchObject({
      asar: true,
      npmRebuild: true,
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
      },
      extraMetadata: { main: 'dist/main/main.js' },
    });
  });

  it('ships the service unit, kiosk session, log rotation and udev rules, and the install scripts exist', () => {
    const extra = (config.extraFiles as { from: string; filter: string[] }[])[0];
    expect(extra?.filter).toEqual([
      'hallkit@.service',
      'hallkit-session',
      'hallkit.logrotate',
      '99-hallkit-devices.rules',
    ]);
    for (const f of extra?.filter ?? []) expect(existsSync(join(linux, f)), f).toBe(true);
    const deb = config.deb as { afterInstall: string; afterRemove: string; depends: string[] };
    for (const script of [deb.afterInstall, deb.afterRemove]) {
      const p = resolve(repo, 'apps', app, script);
      expect(statSync(p).mode & 0o111, `${script} is executable`).not.toBe(0);
    }
    expect(deb.depends).toContain('cage');
  });
});

describe('Linux service files', () => {
  const unit = readFileSync(join(linux, 'hallkit@.service'), 'utf8');

  it('restarts always, has a watchdog, runs as the unprivileged hallkit user', () => {
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^WatchdogSec=\d+$/m);
    expect(unit).toMatch(/^Type=notify$/m);
    expect(unit).toMatch(/^User=hallkit$/m);
    expect(unit).not.toMatch(/^User=root$/m);
    expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
  });

  it('passes systemd-analyze verify (apart from the app not being installed on this machine)', () => {
    const which = spawnSync('sh', ['-c', 'command -v systemd-analyze']);
    if (which.status !== 0) {
      console.warn('systemd-analyze is not installed: unit checked by the assertions above only');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-unit-'));
    copyFileSync(join(linux, 'hallkit@.service'), join(dir, 'hallkit@kiosk.service'));
    const r = spawnSync('systemd-analyze', ['verify', join(dir, 'hallkit@kiosk.service')], {
      encoding: 'utf8',
    });
    const problems = `${r.stdout}${r.stderr}`
      .split('\n')
      .filter((l) => l.trim() && !/hallkit-session is not executable/.test(l));
    expect(problems).toEqual([]);
  });

  it('the kiosk session script and install script are valid shell', () => {
    for (const f of ['hallkit-session', 'after-install.sh', 'after-remove.sh'])
      execFileSync('sh', ['-n', join(linux, f)]);
  });
});
