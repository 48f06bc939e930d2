// 超时未评 at the center: a service whose window pad never answered (off, broken, unplugged) is
// recorded as not rated once the window's rating time plus the hall's grace has passed (core
// `centerLapseDueAt`, `evaluation.centerLapseMinutes`). A pad that was merely offline still delivers
// what the citizen did in time later: its rating replaces the lapse (core validateEvent). The sweep
// is a hall command with the center's clock, logged like any other, so a replay needs no clock.
import type { Logger } from '@hallkit/sync';
import type { HallService } from './HallService.ts';

export class RatingSweep {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hall: HallService,
    private readonly now: () => Date,
    private readonly logger: Logger,
    private readonly everyMs = 60_000,
  ) {}

  /** Sweeps at once (catching up after the center was down), then on the timer. */
  start(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Returns how many services it recorded as not rated. */
  sweep(): number {
    try {
      const events = this.hall.run('center', (h) => h.lapseAbandonedRatings(this.now().toISOString()));
      if (events.length > 0) {
        this.logger.info('ratings recorded as not rated by the center (no answer from the window pad)', {
          count: events.length,
          serviceIds: events.slice(0, 20).map((e) => e.serviceId),
        });
      }
      return events.length;
    } catch (e) {
      // A failed sweep changes nothing (HallService rolls back); the next tick tries again.
      this.logger.error('rating sweep failed', { error: (e as Error).message });
      return 0;
    }
  }
}
