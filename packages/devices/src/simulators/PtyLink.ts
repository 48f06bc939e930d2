import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A socat PTY pair for running a serial simulator by hand: the simulator opens `devicePath`, the
 * app or CLI under test opens `hostPath`. (Tests use @hallkit/testkit's PtyPair.)
 */
export class PtyLink {
  private constructor(
    private readonly proc: ChildProcess,
    readonly hostPath: string,
    readonly devicePath: string,
  ) {}

  /** In a fresh temporary directory, or in `dir` (made if missing; old links there are replaced). */
  static async create(dir?: string): Promise<PtyLink> {
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const f of ['host', 'device']) rmSync(join(dir, f), { force: true });
    } else dir = mkdtempSync(join(tmpdir(), 'hallkit-sim-'));
    const hostPath = join(dir, 'host');
    const devicePath = join(dir, 'device');
    const proc = spawn('socat', [`PTY,raw,echo=0,link=${hostPath}`, `PTY,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
    const failed = new Promise<never>((_, reject) => proc.once('error', (e) => reject(new Error(`socat: ${e.message} (apt-get install socat)`))));
    const deadline = Date.now() + 5000;
    while (!(existsSync(hostPath) && existsSync(devicePath))) {
      if (Date.now() > deadline) throw new Error('socat did not create the PTY pair');
      await Promise.race([new Promise((r) => setTimeout(r, 20)), failed]);
    }
    return new PtyLink(proc, hostPath, devicePath);
  }

  close(): void {
    if (this.proc.exitCode === null) this.proc.kill('SIGTERM');
  }
}
