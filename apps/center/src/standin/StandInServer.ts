// The one local HTTP server every stand-in of an outside service is built on (the SMS provider, the
// 政务服务平台's case feed, the provincial 好差评 receiver): listens on a free port, reads the whole
// request, counts it, and can fail like a real service in trouble — answering 503, or dropping the
// connection without an answer — so tests and the demo exercise the center's retries.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `unavailable`: HTTP 503 (a service in trouble); `reset`: the connection is dropped without an answer. */
export type StandInOutage = 'none' | 'unavailable' | 'reset';

export interface StandInRequest {
  method: string;
  url: URL;
  /** Lower-case names; repeated headers joined with commas. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface StandInReply {
  /** Close the connection without answering (the work was done, the answer is lost on the way). */
  drop?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type StandInHandler = (req: StandInRequest) => StandInReply | Promise<StandInReply>;

/** A JSON answer. */
export function jsonReply(status: number, body: unknown): StandInReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

export class StandInServer {
  /** Every request that reached the server, answered or not (tests count attempts). */
  requests = 0;
  outage: StandInOutage = 'none';
  private server: Server | undefined;

  constructor(
    private readonly handler: StandInHandler,
    /** What a 503 says (a provider's maintenance page, in its language). */
    private readonly unavailableText = 'Service Unavailable',
  ) {}

  /** Starts listening; resolves with the origin, e.g. `http://127.0.0.1:41234`. */
  async listen(port = 0, host = '127.0.0.1'): Promise<{ origin: string; host: string; port: number }> {
    const server = createServer((req, res) => {
      void this.read(req).then(
        async (r) => {
          this.requests += 1;
          if (this.outage === 'reset') return void req.socket.destroy();
          if (this.outage === 'unavailable') return void res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(this.unavailableText);
          const reply = await this.handler(r);
          if (reply.drop) return void req.socket.destroy();
          res.writeHead(reply.status, reply.headers ?? {});
          res.end(reply.body ?? '');
        },
        () => req.socket.destroy(),
      );
    });
    this.server = server;
    await new Promise<void>((ok, ko) => {
      server.once('error', ko);
      server.listen(port, host, () => ok());
    });
    const a = server.address() as AddressInfo;
    return { origin: `http://${host}:${a.port}`, host, port: a.port };
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }

  private async read(req: IncomingMessage): Promise<StandInRequest> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
    return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://stand-in'), headers, body: Buffer.concat(chunks) };
  }
}
