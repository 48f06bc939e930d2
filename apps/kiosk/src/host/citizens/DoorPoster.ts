// The door code on the kiosk's idle screen (现场扫码取号): asked of the center when the link comes up
// and again when the code changes; a code past its change time is never shown (a phone would be
// told 'expired'), so a kiosk cut off from the center simply stops showing it.
import { DOOR_CODE_REQUEST, DoorCodeResponseSchema } from '@hallkit/core';
import type { DeviceLink } from '@hallkit/sync';

export interface DoorShown {
  url: string;
  changesAt: string;
}

export class DoorPoster {
  private current: DoorShown | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly link: DeviceLink,
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
    /** How soon to ask again after a failure (the hall may have scan-to-queue off). */
    private readonly retryMs = 60_000,
  ) {}

  /** The code to show now, or null. */
  shown(): DoorShown | null {
    return this.current && Date.parse(this.current.changesAt) > this.now() ? this.current : null;
  }

  async refresh(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const r = await this.link.request(DOOR_CODE_REQUEST, { v: 1 }, { timeoutMs: 4000, schema: DoorCodeResponseSchema });
    let next = this.retryMs;
    const before = JSON.stringify(this.shown());
    if (r.ok && r.body.ok) {
      this.current = { url: r.body.url, changesAt: r.body.changesAt };
      // Just after the change, so the center answers with the next period's code.
      next = Math.max(1000, Date.parse(r.body.changesAt) - this.now() + 500);
    } else if (r.ok) this.current = undefined;
    if (JSON.stringify(this.shown()) !== before) this.onChange();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.refresh(), next);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
