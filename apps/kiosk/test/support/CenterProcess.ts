// The real center (apps/center, its demo entry: demo staff at open windows, admin, kiosk-1 known) as
// a child process against the test's own Mosquitto. Stop and start it again to cut the kiosk off.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CENTER_DEMO = fileURLToPath(new URL('../../../center/src/server/demo.ts', import.meta.url));

export class CenterProcess {
  private child: ChildProcess | undefined;
  /** Everything the center printed (its log lines carry the demo login codes). */
  output = '';

  constructor(
    readonly mqttUrl: string,
    readonly httpPort: number,
    readonly dataDir: string,
  ) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', CENTER_DEMO], {
      env: {
        ...process.env,
        HALLKIT_EMBEDDED_BROKER: '0',
        HALLKIT_MQTT_URL: this.mqttUrl,
        HALLKIT_CENTER_HTTP: this.httpUrl,
        HALLKIT_DATA_DIR: this.dataDir,
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`center did not start in 90 s:\n${this.output.slice(-2000)}`)), 90_000); // the demo center archives 14 past days first: slow on a busy machine
      const onData = (d: Buffer) => {
        this.output += d.toString();
        if (this.output.includes('READY-DONE')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`center exited with ${code}:\n${this.output.slice(-2000)}`));
      });
    });
  }

  /** Freeze the center (SIGSTOP): it takes no message until resumed — a stalled center, not a gone one. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
