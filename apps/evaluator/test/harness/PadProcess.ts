// The pad's host (src/host/serve.ts) as a real child process: killed with SIGKILL and restarted on
// the same data dir by the durability tests.
import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../../../../', import.meta.url).pathname;

export interface PadEnv {
  dataDir: string;
  mqttUrl: string;
  hallId?: string;
  deviceId?: string;
  windowId?: string;
}

export class PadProcess {
  log = '';
  url = '';
  private constructor(private readonly proc: ChildProcess) {}

  static async start(e: PadEnv): Promise<PadProcess> {
    const deviceId = e.deviceId ?? 'pad-w5';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/evaluator/src/host/serve.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HALLKIT_DATA_DIR: e.dataDir,
        HALLKIT_MQTT_URL: e.mqttUrl,
        HALLKIT_HALL_ID: e.hallId ?? 'yantai',
        HALLKIT_DEVICE_ID: deviceId,
        HALLKIT_DEVICE_PASSWORD: `demo-${deviceId}`,
        HALLKIT_WINDOW_ID: e.windowId ?? 'w5',
        HALLKIT_TEST_FAST_LINK: '1',
        HALLKIT_TEST_HOOKS: '1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const p = new PadProcess(proc);
    proc.stdout?.on('data', (d: Buffer) => (p.log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (p.log += d.toString()));
    const deadline = Date.now() + 60_000; // tsx compiles the host first: slow on a busy machine
    for (;;) {
      const m = /^READY \S+ (\S+)$/m.exec(p.log);
      if (m?.[1]) {
        p.url = m[1];
        return p;
      }
      if (proc.exitCode !== null) throw new Error(`pad exited: ${p.log}`);
      if (Date.now() > deadline) throw new Error(`pad not ready: ${p.log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Deliver a window message through the test hook (the pad is cut off from the broker). */
  async deliverWindowMessage(body: unknown): Promise<void> {
    const before = (this.log.match(/HOOK window/g) ?? []).length;
    this.proc.stdin?.write(`window ${JSON.stringify(body)}\n`);
    const deadline = Date.now() + 5000;
    while ((this.log.match(/HOOK window/g) ?? []).length === before) {
      if (Date.now() > deadline) throw new Error('hook did not answer');
      await new Promise((r) => setTimeout(r, 20));
    }
    if (!this.log.trimEnd().endsWith('HOOK window accepted') && !/HOOK window accepted\s*$/.test(this.log.slice(-200))) {
      if (/HOOK window refused\s*$/.test(this.log)) throw new Error('window message refused');
    }
  }

  kill9(): Promise<void> {
    return this.kill('SIGKILL');
  }

  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }

  private kill(signal: NodeJS.Signals): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill(signal);
    });
  }
}
