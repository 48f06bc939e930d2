import { execFile } from 'node:child_process';

/**
 * sd_notify for the hallkit@.service unit (Type=notify, WatchdogSec): READY=1 once the app is up,
 * WATCHDOG=1 while it is healthy. Pings only when `healthy()` says so, so a host whose event loop
 * or renderer is stuck stops pinging and systemd restarts it. A no-op outside systemd.
 */
export class SystemdNotifier {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly log: (line: string) => void = (l) => console.error(`[systemd] ${l}`),
  ) {}

  get active(): boolean {
    return Boolean(this.env.NOTIFY_SOCKET);
  }

  /** Half the unit's WatchdogSec, as systemd recommends; undefined when no watchdog is set. */
  get pingIntervalMs(): number | undefined {
    const usec = Number(this.env.WATCHDOG_USEC);
    return Number.isFinite(usec) && usec > 0 ? Math.max(1000, Math.floor(usec / 2000)) : undefined;
  }

  private notify(state: string): void {
    if (!this.active) return;
    // NotifyAccess=all in the unit lets this helper process speak for the app.
    execFile('systemd-notify', [state], { env: this.env }, (err) => {
      if (err) this.log(`systemd-notify ${state} failed: ${err.message}`);
    });
  }

  ready(status = 'running'): void {
    this.notify('--ready');
    this.notify(`--status=${status}`);
  }

  startWatchdog(healthy: () => boolean): void {
    const every = this.pingIntervalMs;
    if (!this.active || every === undefined) return;
    this.timer = setInterval(() => {
      if (healthy()) this.notify('WATCHDOG=1');
      else this.log('unhealthy: withholding the watchdog ping');
    }, every);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
