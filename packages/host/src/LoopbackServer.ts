import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BridgeHost } from './BridgeHost.ts';
import { BridgeCallSchema, type BridgeContract, type BridgeServerMessage } from './contract.ts';

export interface LoopbackServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (index.html + assets). */
  staticDir: string;
  /** Per-launch secret; generated when absent. Only a page given this token may use the bridge. */
  token?: string;
  /** Content-Security-Policy for the page; the default allows only this origin. */
  csp?: string;
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export const DEFAULT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:*; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Serves a device app's renderer to a plain Chromium and its bridge over a WebSocket — on the
 * loopback interface only, and only to a page that presents the per-launch token and comes from
 * this origin, so nothing else on the hall network (or another web page) can print a ticket.
 */
export class LoopbackServer<C extends BridgeContract> {
  readonly token: string;
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private port = 0;
  private readonly log: (line: string) => void;

  constructor(
    private readonly host: BridgeHost<C>,
    private readonly opts: LoopbackServerOptions,
  ) {
    this.token = opts.token ?? randomBytes(24).toString('base64url');
    this.log = opts.log ?? ((l) => console.error(`[loopback:${host.contract.name}] ${l}`));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The address to open in the browser (the token travels in the fragment, never to a server log). */
  get url(): string {
    return `${this.origin}/#token=${this.token}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.serveFile(req, res));
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
    server.on('upgrade', (req, socket, head) => {
      if (!this.admit(req)) {
        socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : this.opts.port;
    this.server = server;
    this.wss = wss;
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /**
   * DNS rebinding: a page on the LAN whose name was re-pointed at 127.0.0.1 reaches this port with its
   * own name in `Host`. Only our own names are served (issue 15).
   */
  private ownHost(req: IncomingMessage): boolean {
    const h = req.headers.host;
    return h === `127.0.0.1:${this.port}` || h === `localhost:${this.port}`;
  }

  private admit(req: IncomingMessage): boolean {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname !== '/bridge') return false;
    if (!this.ownHost(req)) {
      this.log(`refused a bridge connection for host ${req.headers.host ?? 'none'}`);
      return false;
    }
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const want = Buffer.from(this.token);
    const tokenOk = given.length === want.length && timingSafeEqual(given, want);
    const originOk =
      req.headers.origin === this.origin || req.headers.origin === `http://localhost:${this.port}`;
    if (!tokenOk || !originOk)
      this.log(
        `refused a bridge connection (token ${tokenOk ? 'ok' : 'wrong'}, origin ${req.headers.origin ?? 'none'})`,
      );
    return tokenOk && originOk;
  }

  private attach(ws: WebSocket): void {
    const send = (m: BridgeServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    const detach = this.host.attach((name, payload) => send({ v: 1, kind: 'event', name, payload }));
    ws.on('close', detach);
    ws.on('message', async (data) => {
      let call;
      try {
        call = BridgeCallSchema.parse(JSON.parse(data.toString()));
      } catch {
        this.log('dropped a malformed bridge message');
        return;
      }
      const outcome = await this.host.call(call.method, call.input);
      send(
        outcome.ok
          ? { v: 1, kind: 'result', id: call.id, ok: true, value: outcome.value }
          : { v: 1, kind: 'result', id: call.id, ok: false, error: outcome.error },
      );
    });
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.ownHost(req)) {
      this.log(`refused a page request for host ${req.headers.host ?? 'none'}`);
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', this.origin);
    const root = normalize(this.opts.staticDir);
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname === '/' || !extname(path)) path = join(root, 'index.html'); // single-page app
    try {
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': this.opts.csp ?? DEFAULT_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
    }
  }
}
