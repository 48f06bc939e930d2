// Midnight at the hall: the center closes the hall-day that ended (core Hall.closeDay), once, as an
// event in the log with its checkpoint — on a timer, and at start when the center was off at
// midnight (then the close covers every day since the last one). A hall that has no past yet (a
// first start today) has nothing to close. `closed` tells the day's archive to write its figures.
import { EventEmitter } from 'node:events';
import { hallDay, type EventOf } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import type { HallService } from '../hall/HallService.ts';

/** The day before a `YYYY-MM-DD` (calendar arithmetic, no time zone involved). */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export class DayCloser extends EventEmitter<{ closed: [EventOf<'HallDayClosed'>] }> {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hall: HallService,
    private readonly now: () => Date,
    private readonly logger: Logger,
    private readonly everyMs = 30_000,
  ) {
    super();
  }

  start(): void {
    this.closeEndedDay();
    this.timer = setInterval(() => this.closeEndedDay(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Closes yesterday if it is not closed yet and the hall has a past; returns the close event. */
  closeEndedDay(): EventOf<'HallDayClosed'> | undefined {
    const now = this.now();
    const s = this.hall.state;
    const yesterday = dayBefore(hallDay(now, s.config.catalog.hall.timeZone));
    if (s.closedThrough !== undefined ? s.closedThrough >= yesterday : !this.hall.hasActivityThrough(yesterday)) return undefined;
    try {
      const events = this.hall.run('center', (h) => h.closeDay(yesterday, now.toISOString()));
      const closed = events.at(-1);
      if (closed?.type !== 'HallDayClosed') return undefined;
      this.logger.info('hall-day closed', { day: closed.day, ended: closed.ended.length, endedAs: closed.endedAs, events: events.length });
      this.emit('closed', closed);
      return closed;
    } catch (e) {
      // Nothing changed (HallService rolls back); the next tick tries again.
      this.logger.error('closing the hall-day failed', { day: yesterday, error: (e as Error).message });
      return undefined;
    }
  }
}
