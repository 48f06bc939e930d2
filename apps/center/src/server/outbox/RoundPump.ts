// The delivery loop every outbox of the center shares (SMS, the provincial 好差评 feed): a round on a
// timer, a kick when something new is queued, never two rounds at once — a kick during a round asks
// for one more right after it, so nothing queued waits a whole poll interval.
import type { Logger } from '@hallkit/sync';

export interface RoundPumpOptions {
  pollMs: number;
  /** One delivery round; resolves with how many records went out. */
  round: () => Promise<number>;
  /** Whether a round asked for during this one may follow at once (e.g. not while paused). */
  mayRepeat?: () => boolean;
  logger: Logger;
  /** The log line for a round that threw, e.g. 'SMS outbox round failed'. */
  failure: string;
}

export class RoundPump {
  private running: Promise<number> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: RoundPumpOptions) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.timer = setTimeout(() => void this.pump().finally(() => this.timer && tick()), this.o.pollMs);
      this.timer.unref();
    };
    tick();
    this.kick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deliver soon: the round runs now, or again right after the current one. */
  kick(): void {
    if (this.running) this.again = true;
    else void this.pump();
  }

  /** Runs rounds until nothing more was asked for; one at a time. */
  pump(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let delivered = 0;
      try {
        do {
          this.again = false;
          delivered += await this.o.round();
        } while (this.again && (this.o.mayRepeat?.() ?? true));
      } catch (e) {
        this.o.logger.error(this.o.failure, { error: (e as Error).message });
      } finally {
        this.running = undefined;
      }
      return delivered;
    })();
    return this.running;
  }
}
