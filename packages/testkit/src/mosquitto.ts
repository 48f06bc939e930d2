import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.ts';

export interface MosquittoOptions {
  /** Extra lines appended to the generated mosquitto.conf (ACLs, TLS listeners, …). */
  extraConfig?: string;
  port?: number;
  /** The whole mosquitto.conf instead of the generated one (ACL/TLS tests); gets the chosen port. */
  config?: (port: number) => string;
}

/** A real Mosquitto broker owned by one test: its own port, its own config, stopped and restarted at will. */
export class Mosquitto {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  private proc: ChildProcess | undefined;
  private readonly confPath: string;
  log = '';

  private constructor(port: number, extraConfig: string, config?: (port: number) => string) {
    this.port = port;
    this.url = `mqtt://127.0.0.1:${port}`;
    this.dir = mkdtempSync(join(tmpdir(), 'hallkit-mosq-'));
    this.confPath = join(this.dir, 'mosquitto.conf');
    writeFileSync(
      this.confPath,
      config
        ? config(port)
        : [
            `listener ${port} 127.0.0.1`,
            'allow_anonymous true',
            'persistence false',
            // The device outbox is the record, not the broker queue; still, keep the broker from
            // dropping in-flight QoS 1 messages during tests with big batches.
            'max_queued_messages 100000',
            'max_inflight_messages 0',
        // Small QoS 1 messages and acks otherwise wait for Nagle + delayed ACK (~40 ms a round trip).
        'set_tcp_nodelay true',
            extraConfig,
          ].join('\n') + '\n',
    );
  }

  /** The broker's process id while it runs (tests that SIGHUP it to reload password/ACL files). */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  static binary(): string {
    for (const p of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto']) {
      if (existsSync(p)) return p;
    }
    throw new Error('mosquitto is not installed (apt-get install mosquitto); .ci/run installs it');
  }

  static async start(opts: MosquittoOptions = {}): Promise<Mosquitto> {
    const m = new Mosquitto(opts.port ?? (await freePort()), opts.extraConfig ?? '', opts.config);
    await m.resume();
    return m;
  }

  /** Start (again) on the same port, e.g. after `stop()` to simulate a broker restart. */
  async resume(): Promise<void> {
    if (this.proc) return;
    const proc = spawn(Mosquitto.binary(), ['-c', this.confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    this.proc = proc;
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = undefined;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }
}
