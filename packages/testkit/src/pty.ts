import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pair of linked pseudo-terminals made by socat: the device side (where a simulator listens)
 * and the host side (what the app opens with the real serialport binding).
 * `close()` removes both ends, the closest thing here to pulling the USB cable.
 */
export class PtyPair {
  private proc: ChildProcess | undefined;
  private constructor(
    readonly hostPath: string,
    readonly devicePath: string,
  ) {}

  static async create(dir = mkdtempSync(join(tmpdir(), 'hallkit-pty-'))): Promise<PtyPair> {
    const pair = new PtyPair(join(dir, 'host'), join(dir, 'device'));
    await pair.open();
    return pair;
  }

  /** (Re)create both links at the same paths, as if the device were plugged back in. */
  async open(): Promise<void> {
    if (this.proc) return;
    this.proc = spawn(
      'socat',
      [`PTY,raw,echo=0,link=${this.hostPath}`, `PTY,raw,echo=0,link=${this.devicePath}`],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.hostPath) && existsSync(this.devicePath))) {
      if (Date.now() > deadline) throw new Error('socat did not create the PTY pair (is socat installed?)');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = undefined;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  }
}
