/** The inactivity rule, without React or timers: how long is left since the last touch. */
export class IdleClock {
  private last: number;

  constructor(
    readonly seconds: number,
    now: number,
  ) {
    if (!(seconds > 0)) throw new RangeError(`idle timeout must be > 0 s, got ${seconds}`);
    this.last = now;
  }

  touch(now: number): void {
    this.last = now;
  }

  /** Whole seconds left, never below 0. */
  remaining(now: number): number {
    return Math.max(0, Math.ceil(this.seconds - (now - this.last) / 1000));
  }

  expired(now: number): boolean {
    return now - this.last >= this.seconds * 1000;
  }
}
