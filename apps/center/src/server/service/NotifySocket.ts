// sd_notify for the center's unit (Type=notify, WatchdogSec): READY=1, STATUS=…, WATCHDOG=1 and
// STOPPING=1 as datagrams on systemd's unix socket (NOTIFY_SOCKET). Node has no unix datagram sockets
// (dgram refuses "unix_dgram") and the product takes no native module for it, so one small helper
// process, started once and alive as long as the center, owns the socket and sends each line it is
// given. Being long-lived matters: systemd attributes a datagram to the unit by its sender's cgroup,
// which a one-shot `systemd-notify` has often left before systemd looks (lost pings, needless restarts).
// The unit sets NotifyAccess=all so the helper may speak for the center.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const SENDER = [
  'import socket, sys',
  'path = sys.argv[1]',
  "addr = '\\0' + path[1:] if path.startswith('@') else path",
  's = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)',
  'for line in sys.stdin:',
  '    try:',
  "        s.sendto(line.rstrip('\\n').encode(), addr)",
  '    except OSError as e:',
  "        print('notify: %s' % e, file=sys.stderr, flush=True)",
].join('\n');

export interface NotifyLog {
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export class NotifySocket {
  private helper: ChildProcessWithoutNullStreams | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    readonly path: string,
    private readonly log: NotifyLog,
    private readonly watchdogUsec: number | undefined,
    python: string,
  ) {
    const helper = spawn(python, ['-u', '-c', SENDER, path], { stdio: ['pipe', 'ignore', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
    helper.stderr?.on('data', (d: Buffer) => this.log.warn(d.toString().trim()));
    helper.on('error', (e) => this.log.warn('systemd notify helper failed', { error: e.message }));
    helper.on('exit', (code) => {
      if (this.helper === helper) this.log.warn('systemd notify helper exited', { code });
      this.helper = undefined;
    });
    this.helper = helper;
  }

  /** Undefined outside systemd (no NOTIFY_SOCKET): every call site stays a no-op. */
  static fromEnv(env: NodeJS.ProcessEnv, log: NotifyLog): NotifySocket | undefined {
    const path = env.NOTIFY_SOCKET;
    if (!path) return undefined;
    const usec = Number(env.WATCHDOG_USEC);
    // The watchdog is for this process only (WATCHDOG_PID, when set, names it).
    const mine = env.WATCHDOG_PID === undefined || Number(env.WATCHDOG_PID) === process.pid;
    return new NotifySocket(path, log, Number.isFinite(usec) && usec > 0 && mine ? usec : undefined, env.HALLKIT_PYTHON ?? 'python3');
  }

  /** One datagram per line: a field never contains a newline (STATUS text is flattened). */
  send(field: string): void {
    this.helper?.stdin.write(`${field.replace(/\n/g, ' ')}\n`);
  }

  ready(status: string): void {
    this.send('READY=1');
    this.status(status);
  }

  status(text: string): void {
    this.send(`STATUS=${text}`);
  }

  /** Half of WatchdogSec, as systemd recommends; undefined when the unit sets no watchdog. */
  get pingIntervalMs(): number | undefined {
    return this.watchdogUsec === undefined ? undefined : Math.max(500, Math.floor(this.watchdogUsec / 2000));
  }

  /** Pings while `healthy()` holds; a stuck event loop or a dead database stops the pings and systemd restarts the center. */
  startWatchdog(healthy: () => boolean): void {
    const every = this.pingIntervalMs;
    if (every === undefined) return;
    this.timer = setInterval(() => {
      if (healthy()) this.send('WATCHDOG=1');
      else this.log.warn('center unhealthy: withholding the watchdog ping');
    }, every);
    this.timer.unref();
  }

  async stopping(): Promise<void> {
    clearInterval(this.timer);
    this.send('STOPPING=1');
    const helper = this.helper;
    if (!helper) return;
    await new Promise<void>((resolve) => {
      helper.once('exit', () => resolve());
      helper.stdin.end();
      setTimeout(() => resolve(), 1000).unref();
    });
  }
}
