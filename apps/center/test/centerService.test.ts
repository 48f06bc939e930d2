// The center as a production service: the esbuild bundle installed by install-center.sh (user dirs,
// modes, secrets), run against a real Mosquitto with the installed configuration, answering /healthz
// and talking to systemd over NOTIFY_SOCKET (READY=1, WATCHDOG=1 pings, STOPPING=1) — and the units
// pass `systemd-analyze verify`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Mosquitto } from '@hallkit/testkit';
import { verifyMosquittoPassword } from '../src/server/broker/MosquittoPasswordFile.ts';
import { tempDir, waitUntil } from './support/centerHarness.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const units = join(repo, 'packages/deploy/center');
let bundle: string;
let root: string;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

beforeAll(() => {
  bundle = join(tempDir('hallkit-bundle-'), 'hallkit-center');
  execFileSync(process.execPath, [join(repo, 'scripts/bundle-center.mjs'), bundle], { stdio: 'pipe' });
  root = tempDir('hallkit-install-');
  execFileSync('sh', [join(bundle, 'deploy/install-center.sh')], { env: { ...process.env, HALLKIT_INSTALL_ROOT: root, HALLKIT_INSTALL_USER: process.env.USER ?? 'root' }, stdio: 'pipe' });
}, 120_000);

/** A stand-in for systemd's notify socket: a unix datagram socket (python3, as Node has none) printing each datagram. */
function notifySocket(path: string): { messages: string[]; proc: ChildProcess } {
  const proc = spawn('python3', ['-u', '-c', 'import socket,sys\ns=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\ns.bind(sys.argv[1])\nprint("bound",flush=True)\nwhile True:\n    print(s.recv(4096).decode(),flush=True)', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: string[] = [];
  proc.stdout?.on('data', (d: Buffer) => messages.push(...d.toString().split('\n').filter((l) => l !== '')));
  cleanups.push(() => void proc.kill());
  return { messages, proc };
}

describe('systemd units', () => {
  it('hallkit-center.service and hallkit-mosquitto.service pass systemd-analyze verify without a warning', () => {
    const r = (() => {
      try {
        return { code: 0, err: execFileSync('systemd-analyze', ['verify', join(units, 'hallkit-center.service'), join(units, 'hallkit-mosquitto.service')], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }) };
      } catch (e) {
        const x = e as { status: number; stderr: string };
        return { code: x.status, err: x.stderr };
      }
    })();
    expect(r).toEqual({ code: 0, err: '' });
    const center = readFileSync(join(units, 'hallkit-center.service'), 'utf8');
    expect(center).toMatch(/^Type=notify$/m);
    expect(center).toMatch(/^WatchdogSec=\d+$/m);
    expect(center).toMatch(/^ExecStart=\/usr\/bin\/node .*\/opt\/hallkit-center\/server\/center\.mjs$/m);
  });

  it('the shipped Mosquitto configuration is the one packages/deploy generates (client id = user name)', async () => {
    const { mosquittoConfig } = await import('../../../packages/deploy/src/mosquittoConfig.ts');
    const shipped = readFileSync(join(repo, 'packages/deploy/mosquitto/hallkit-mosquitto.conf'), 'utf8').replace(/^#.*\n/gm, '');
    expect(shipped).toBe(mosquittoConfig({ loopbackPort: 1883, passwordFile: '/var/lib/hallkit-center/mosquitto/passwd', aclFile: '/opt/hallkit-center/deploy/mosquitto/hallkit-acl.conf' }));
    expect(shipped).toMatch(/use_username_as_clientid true/);
  });
});

describe('install script', () => {
  it('creates the folders with their modes and the secrets (0600 in 0700), and gives Mosquitto the center password', () => {
    const mode = (p: string) => (statSync(join(root, p)).mode & 0o777).toString(8);
    expect(mode('etc/hallkit/secrets')).toBe('700');
    for (const f of ['id-hash-keys.json', 'door-code-key', 'mqtt-password', 'mqtt-share-group']) expect(mode(`etc/hallkit/secrets/${f}`)).toBe('600');
    expect(mode('var/lib/hallkit-center')).toBe('750');
    expect(mode('var/lib/hallkit-center/mosquitto/passwd')).toBe('600');
    expect(mode('etc/hallkit/center.env')).toBe('640');
    expect(existsSync(join(root, 'etc/systemd/system/hallkit-center.service'))).toBe(true);
    const password = readFileSync(join(root, 'etc/hallkit/secrets/mqtt-password'), 'utf8').trim();
    const line = readFileSync(join(root, 'var/lib/hallkit-center/mosquitto/passwd'), 'utf8').split('\n').find((l) => l.startsWith('center:'));
    expect(line && verifyMosquittoPassword(password, line.slice('center:'.length))).toBe(true);
    // Running it again keeps the secrets.
    execFileSync('sh', [join(root, 'opt/hallkit-center/deploy/install-center.sh')], { env: { ...process.env, HALLKIT_INSTALL_ROOT: root, HALLKIT_INSTALL_USER: process.env.USER ?? 'root' }, stdio: 'pipe' });
    expect(readFileSync(join(root, 'etc/hallkit/secrets/mqtt-password'), 'utf8').trim()).toBe(password);
  });
});

describe('the installed bundle under a (stand-in) systemd', () => {
  it('starts against the installed Mosquitto, answers /healthz, says READY=1, pings the watchdog and says STOPPING=1 on SIGTERM', async () => {
    const conf = readFileSync(join(root, 'etc/hallkit/mosquitto.conf'), 'utf8')
      .replace('/var/lib/hallkit-center/', `${root}/var/lib/hallkit-center/`)
      .replace('/opt/hallkit-center/', `${root}/opt/hallkit-center/`);
    // Mosquitto started as root would drop to its own user, who may not read the center's 0600 files.
    const broker = await Mosquitto.start({ config: (port) => `user root\n${conf.replace('listener 1883 ', `listener ${port} `)}` });
    cleanups.push(() => broker.stop());
    const sock = join(tempDir('hallkit-notify-'), 'notify.sock');
    const systemd = notifySocket(sock);
    await waitUntil('notify socket bound', () => systemd.messages.includes('bound'));
    const http = await freePort();
    const center = spawn(process.execPath, ['--enable-source-maps', join(root, 'opt/hallkit-center/server/center.mjs')], {
      env: {
        PATH: process.env.PATH,
        NOTIFY_SOCKET: sock,
        WATCHDOG_USEC: '1000000',
        HALLKIT_DATA_DIR: join(root, 'var/lib/hallkit-center'),
        HALLKIT_SECRETS_DIR: join(root, 'etc/hallkit/secrets'),
        HALLKIT_CENTER_HTTP: `http://127.0.0.1:${http}`,
        HALLKIT_MQTT_URL: broker.url,
        HALLKIT_MOSQUITTO_PASSWORD_FILE: join(root, 'var/lib/hallkit-center/mosquitto/passwd'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    center.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    center.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) => center.on('exit', (code) => resolve(code)));
    cleanups.push(() => void center.kill('SIGKILL'));
    await waitUntil('READY=1', () => systemd.messages.includes('READY=1'), 60_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${log}`);
    });
    const health = (await (await fetch(`http://127.0.0.1:${http}/healthz`)).json()) as { ok: boolean; mqtt: boolean };
    expect(health).toMatchObject({ ok: true, mqtt: true });
    expect(systemd.messages.some((m) => m.startsWith('STATUS=serving http://127.0.0.1:'))).toBe(true);
    // WatchdogSec=1 s: a ping every 500 ms.
    await waitUntil('three watchdog pings', () => systemd.messages.filter((m) => m === 'WATCHDOG=1').length >= 3, 10_000);
    // The consoles come from the bundle's web folder.
    expect((await fetch(`http://127.0.0.1:${http}/admin`)).status).toBe(200);
    center.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(systemd.messages).toContain('STOPPING=1');
    expect(log).not.toMatch(/tsx|TypeScript/);
  }, 90_000);
});
