// A command run on a real pseudo-terminal, as hall IT would type it at a console: Python's pty module
// (node-pty is not installed) forks the command on a PTY and relays bytes between it and this process.
// `isTTY` is true inside the command, raw mode and echo behave as on a real terminal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const RELAY = `
import os, pty, sys, select
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = sys.stdout.buffer
while True:
    r, _, _ = select.select([fd, 0], [], [])
    if fd in r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out.write(data); out.flush()
    if 0 in r:
        data = os.read(0, 4096)
        if data:
            os.write(fd, data)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

export class TerminalSession {
  /** Everything the terminal showed (what the user would have seen on screen). */
  screen = '';
  readonly exited: Promise<number>;
  private readonly proc: ChildProcessWithoutNullStreams;

  constructor(command: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.proc = spawn('python3', ['-c', RELAY, command, ...args], { cwd: opts.cwd, env: opts.env ?? process.env });
    this.proc.stdout.on('data', (d: Buffer) => (this.screen += d.toString('utf8')));
    this.proc.stderr.on('data', (d: Buffer) => (this.screen += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code ?? -1)));
  }

  /** Waits until the screen shows `text` (after `from` characters), or fails with what it shows. */
  async waitFor(text: string | RegExp, from = 0, timeoutMs = 20_000): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      const rest = this.screen.slice(from);
      const i = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
      if (i >= 0) return from + i;
      if (Date.now() - t0 > timeoutMs) throw new Error(`terminal never showed ${String(text)}; it shows:\n${this.screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types as a person would: the keys, then Enter (a carriage return, as a terminal sends it). */
  type(keys: string, enter = true): void {
    this.proc.stdin.write(keys + (enter ? '\r' : ''));
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }
}
