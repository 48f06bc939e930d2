/**
 * Keeps a device's screen alive unattended: a renderer that crashes or hangs is reloaded; one that
 * keeps failing makes the host exit so systemd restarts the whole app. Works over any handle —
 * an Electron webContents or a Chromium page driven over CDP — so it is tested here in Chromium.
 */
export interface RendererHandle {
  reload(): Promise<void>;
  /** 'gone' = the renderer process died; 'unresponsive'/'responsive' = hang detection. */
  on(event: 'gone' | 'unresponsive' | 'responsive', listener: () => void): void;
}

export interface SupervisorOptions {
  /** A hang longer than this is treated like a crash. */
  hangMs: number;
  /** More reloads than this within `windowMs` → give up and ask for an app restart. */
  maxReloads: number;
  windowMs: number;
  /** Called when reloading does not help; the host exits non-zero and systemd restarts it. */
  onGiveUp: (reason: string) => void;
  log: (line: string) => void;
  now?: () => number;
}

export class RendererSupervisor {
  private reloads: number[] = [];
  private hangTimer: ReturnType<typeof setTimeout> | undefined;
  private reloading = false;
  /** Reloads done, for the device's health report. */
  reloadCount = 0;

  constructor(
    private readonly handle: RendererHandle,
    private readonly opts: SupervisorOptions,
  ) {
    handle.on('gone', () => void this.recover('renderer process gone'));
    handle.on('unresponsive', () => {
      if (this.hangTimer) return;
      this.hangTimer = setTimeout(
        () => void this.recover(`renderer unresponsive for ${opts.hangMs} ms`),
        opts.hangMs,
      );
    });
    handle.on('responsive', () => {
      clearTimeout(this.hangTimer);
      this.hangTimer = undefined;
    });
  }

  private async recover(reason: string): Promise<void> {
    clearTimeout(this.hangTimer);
    this.hangTimer = undefined;
    if (this.reloading) return;
    const now = (this.opts.now ?? Date.now)();
    this.reloads = this.reloads.filter((t) => now - t < this.opts.windowMs);
    if (this.reloads.length >= this.opts.maxReloads) {
      this.opts.log(
        `${reason}; ${this.reloads.length} reloads in ${this.opts.windowMs / 1000} s did not help — restarting the app`,
      );
      this.opts.onGiveUp(reason);
      return;
    }
    this.reloads.push(now);
    this.reloading = true;
    this.opts.log(`${reason}; reloading the renderer`);
    try {
      await this.handle.reload();
      this.reloadCount++;
    } catch (e) {
      this.opts.log(`reload failed: ${String(e)}`);
      this.opts.onGiveUp(`reload failed after ${reason}`);
    } finally {
      this.reloading = false;
    }
  }

  dispose(): void {
    clearTimeout(this.hangTimer);
  }
}
