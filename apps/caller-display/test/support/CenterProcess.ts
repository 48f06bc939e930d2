// The real center (apps/center's demo: demo staff and pre-provisioned devices) as a child process,
// on a test's own Mosquitto and data directory. Apps never import each other: we only spawn it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hallkit/testkit';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CENTER = join(ROOT, 'apps/center');

export class CenterProcess {
  private constructor(
    private readonly proc: ChildProcess,
    readonly httpUrl: string,
    private readonly dir: string,
  ) {}

  static async start(mqttUrl: string, extraEnv: Record<string, string> = {}): Promise<CenterProcess> {
    if (!existsSync(join(CENTER, 'dist', 'index.html'))) {
      const r = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: CENTER, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('building the center consoles failed');
    }
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-center-'));
    const httpUrl = `http://127.0.0.1:${await freePort()}`;
    const proc = spawn(process.execPath, ['--import', 'tsx', join(CENTER, 'src/server/demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, HALLKIT_CENTER_HTTP: httpUrl, HALLKIT_MQTT_URL: mqttUrl, HALLKIT_EMBEDDED_BROKER: '0', HALLKIT_DATA_DIR: dir, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`center not ready in 60 s:\n${out}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('READY-DONE')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`center exited (${code}) before it was ready:\n${out}`));
      });
    });
    proc.removeAllListeners('exit');
    return new CenterProcess(proc, httpUrl, dir);
  }

  /** The center stops answering (SIGSTOP) while its sockets stay up: an unreachable center. */
  async pause(): Promise<void> {
    this.proc.kill('SIGSTOP');
  }
  async resume(): Promise<void> {
    this.proc.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.proc.once('exit', () => resolve());
        this.proc.kill('SIGTERM');
        setTimeout(() => this.proc.kill('SIGKILL'), 5000).unref();
      });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
