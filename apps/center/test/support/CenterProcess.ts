// The real center (its demo entry: demo accounts, two weeks of generated history) as a child
// process with its embedded broker on a free port, a data dir that outlives it, and extra settings in
// its environment — so a test can kill -9 it and start it again on the same files, as a power cut would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '@hallkit/testkit';

const ROOT = new URL('../../../../', import.meta.url).pathname;

export class CenterProcess {
  output = '';
  private proc: ChildProcess | undefined;
  private httpPort = 0;
  private mqttPort = 0;

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async start(timeoutMs = 240_000): Promise<void> {
    this.httpPort ||= await freePort();
    this.mqttPort ||= await freePort();
    this.output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/center/src/server/demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, HALLKIT_DATA_DIR: this.dataDir, HALLKIT_CENTER_HTTP: this.httpUrl, HALLKIT_MQTT_URL: `mqtt://127.0.0.1:${this.mqttPort}`, HALLKIT_EMBEDDED_BROKER: '1', NODE_ENV: 'test', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('READY-DONE')) {
      if (proc.exitCode !== null) throw new Error(`center exited: ${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`center not ready: ${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** kill -9: no shutdown code runs. */
  async kill9(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
      setTimeout(() => p.kill('SIGKILL'), 5000).unref();
    });
  }

  /** A read-only look into the center's SQLite file (it may be running). */
  query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(join(this.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
}
