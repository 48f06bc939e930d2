// The real center (apps/center's demo entry: demo staff and admin, pre-provisioned devices, two weeks
// of generated history) as a child process — never imported, spawned, as in a hall. One helper for
// every app's tests: on the test's own Mosquitto or with the center's embedded broker on a free port,
// on a data dir that outlives a stop so the test can kill -9 it and start it again on the same files.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CENTER = join(ROOT, 'apps/center');

export interface DemoCenterOptions {
  /** The test's own broker; without it the center runs its embedded broker on a free port. */
  mqttUrl?: string;
  httpPort?: number;
  /** Kept after the center stops; a temporary one is made (and removed by dispose) when absent. */
  dataDir?: string;
  env?: Record<string, string>;
  /** The demo center archives its past days first: slow on a busy machine. */
  readyTimeoutMs?: number;
}

export class DemoCenter {
  /** Everything the center printed (its log lines carry the demo login codes). */
  output = '';
  readonly dataDir: string;
  private child: ChildProcess | undefined;
  private httpPort: number;
  private embeddedMqttPort = 0;
  private readonly ownsDataDir: boolean;

  constructor(private readonly options: DemoCenterOptions = {}) {
    this.ownsDataDir = options.dataDir === undefined;
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hallkit-center-'));
    this.httpPort = options.httpPort ?? 0;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get mqttUrl(): string {
    return this.options.mqttUrl ?? `mqtt://127.0.0.1:${this.embeddedMqttPort}`;
  }

  /** Starts (or starts again, on the same ports and files) and resolves once the center said READY-DONE. */
  async start(readyTimeoutMs = this.options.readyTimeoutMs ?? 240_000): Promise<void> {
    if (!existsSync(join(CENTER, 'dist', 'index.html'))) {
      const r = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: CENTER, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('building the center consoles failed');
    }
    this.httpPort ||= await freePort();
    if (!this.options.mqttUrl) this.embeddedMqttPort ||= await freePort();
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', join(CENTER, 'src/server/demo.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        HALLKIT_DATA_DIR: this.dataDir,
        HALLKIT_CENTER_HTTP: this.httpUrl,
        HALLKIT_MQTT_URL: this.mqttUrl,
        HALLKIT_EMBEDDED_BROKER: this.options.mqttUrl ? '0' : '1',
        NODE_ENV: 'test',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + readyTimeoutMs;
    while (!this.output.includes('READY-DONE')) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`center exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`center not ready in ${readyTimeoutMs / 1000} s:\n${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Freezes the center (SIGSTOP): its sockets stay up but it answers nothing — a stalled center, not a gone one. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** kill -9: no shutdown code runs, as in a power cut. */
  async kill9(): Promise<void> {
    await this.end('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** Stops the center and removes the data dir if this helper made it. */
  async dispose(): Promise<void> {
    await this.end('SIGTERM');
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async end(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGCONT'); // a paused center cannot act on SIGTERM
      child.kill(signal);
    });
  }
}
