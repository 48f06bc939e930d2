import { DeviceError } from '../../errors/DeviceError.ts';
import type { Transport } from '../../transport/Transport.ts';
import { parseStatusReply, statusRequest, type StatusQuery, type StatusReply } from './statusReply.ts';

/**
 * Sends `DLE EOT n` one at a time and pairs each reply byte with its request. Bytes that arrive
 * with no request waiting (ASB leftovers, line noise) are reported through `stray`, never thrown.
 */
export class StatusChannel {
  private waiting: { resolve: (b: number) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly transport: Transport,
    private readonly stray: (bytes: Buffer) => void,
  ) {}

  /** Feed every byte the printer sends. */
  onData(chunk: Buffer): void {
    let i = 0;
    if (this.waiting && chunk.length > 0) {
      const w = this.waiting;
      this.waiting = undefined;
      clearTimeout(w.timer);
      w.resolve(chunk[0] as number);
      i = 1;
    }
    if (i < chunk.length) this.stray(chunk.subarray(i));
  }

  /** Queries one status byte; times out with a `timeout` DeviceError if the printer stays silent. */
  query(n: StatusQuery, timeoutMs: number): Promise<StatusReply> {
    const run = async (): Promise<StatusReply> => {
      const byte = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiting = undefined;
          reject(new DeviceError('timeout', `no answer to DLE EOT ${n} within ${timeoutMs} ms`));
        }, timeoutMs);
        this.waiting = { resolve, reject, timer };
      });
      try {
        await this.transport.write(statusRequest(n));
      } catch (e) {
        if (this.waiting) clearTimeout(this.waiting.timer);
        this.waiting = undefined;
        byte.catch(() => undefined);
        throw e;
      }
      return parseStatusReply(n, Uint8Array.of(await byte));
    };
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Fails a pending query at once (the link went away). */
  abort(): void {
    const w = this.waiting;
    if (!w) return;
    this.waiting = undefined;
    clearTimeout(w.timer);
    w.reject(new DeviceError('offline', 'printer link lost while waiting for status'));
  }
}
