// An in-process TCP proxy between a client and the broker, to cut the network mid-batch.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '@hallkit/testkit';

export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  /** While false, new connections are refused (closed at once): the network is down. */
  up = true;
  cuts = 0;

  private constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  static async start(targetPort: number): Promise<TcpProxy> {
    const p = new TcpProxy(await freePort(), targetPort);
    await p.listen();
    return p;
  }

  private listen(): Promise<void> {
    this.server = createServer((down) => {
      if (!this.up) return down.destroy();
      const up = connect(this.targetPort, '127.0.0.1');
      this.sockets.add(down).add(up);
      const close = () => {
        down.destroy();
        up.destroy();
        this.sockets.delete(down);
        this.sockets.delete(up);
      };
      down.on('error', close).on('close', close);
      up.on('error', close).on('close', close);
      down.pipe(up);
      up.pipe(down);
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** Drop every connection abruptly (no DISCONNECT packet, like a pulled cable). */
  cut(): void {
    this.cuts++;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
