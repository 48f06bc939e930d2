// The center's HTTP side: the consoles' JSON API and live feeds, device enrolment, the modules'
// routes (/m/*, /api/m/*), and the built web consoles (apps/center/dist) with SPA fallback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Logger } from '@hallkit/sync';
import type { Accounts } from '../auth/Accounts.ts';
import { LARGE_BODY_PREFIX } from './routes/hallDefinitionRoutes.ts';
import { HttpError, parseCookies, type HttpReply, type Router } from './Router.ts';
import { clientAddress } from './ClientAddress.ts';

export const SESSION_COOKIE = 'hk_session';
const BODY_LIMIT = 256 * 1024;
const LARGE_BODY_LIMIT = 16 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export class HttpServer {
  private server: Server | undefined;
  port = 0;

  constructor(
    private readonly router: Router,
    private readonly accounts: Accounts,
    private readonly webDir: string,
    private readonly logger: Logger,
    private readonly trustedProxies: ReadonlySet<string> = new Set(),
  ) {}

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const a = server.address();
    this.port = typeof a === 'object' && a ? a.port : port;
    return this.port;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://center');
    const method = req.method ?? 'GET';
    try {
      const m = this.router.match(method, url.pathname);
      if (!m) {
        if (method === 'GET' && !url.pathname.startsWith('/api/')) return this.serveStatic(url.pathname, res);
        throw new HttpError(404, 'not-found');
      }
      if (method !== 'GET' && method !== 'HEAD') refuseCrossSite(req);
      const cookies = parseCookies(req.headers.cookie);
      const session = this.accounts.session(cookies[SESSION_COOKIE]);
      // A whole hall definition (1,000+ items) is larger than any other request: only an admin may send one.
      const large = url.pathname.startsWith(LARGE_BODY_PREFIX);
      if (large && method === 'POST' && session?.kind !== 'admin') throw new HttpError(session ? 403 : 401, session ? 'forbidden' : 'login-required');
      const body = method === 'POST' ? await readJson(req, large ? LARGE_BODY_LIMIT : BODY_LIMIT) : undefined;
      const reply = await m.handler({
        method,
        path: url.pathname,
        params: m.params,
        query: url.searchParams,
        body,
        cookies,
        session,
        clientIp: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.trustedProxies),
        raw: req,
        res,
      });
      if (reply) send(res, this.secureCookies(req, reply));
    } catch (e) {
      if (res.headersSent) return void res.end();
      if (e instanceof HttpError) return send(res, { status: e.status, json: { error: e.code, message: e.message } });
      if (e instanceof URIError) return send(res, { status: 400, json: { error: 'bad-uri', message: 'malformed address' } });
      // The log gets the detail; the browser only that it was ours (no internals to a caller).
      this.logger.error('http handler failed', { path: url.pathname, error: (e as Error).message });
      send(res, { status: 500, json: { error: 'internal', message: 'internal error (see the center log)' } });
    }
  }

  /**
   * Behind an HTTPS proxy the session cookie must say `Secure`, or a browser would also send it over
   * plain HTTP. The proxy's word (X-Forwarded-Proto) counts only from a configured trusted proxy: any
   * client could send that header.
   */
  private secureCookies(req: IncomingMessage, reply: NonNullable<HttpReply>): NonNullable<HttpReply> {
    const cookie = reply.headers?.['set-cookie'];
    if (cookie === undefined || /;\s*Secure\b/i.test(cookie) || !requestIsHttps(req, this.trustedProxies)) return reply;
    return { ...reply, headers: { ...reply.headers, 'set-cookie': `${cookie}; Secure` } };
  }

  private serveStatic(pathname: string, res: ServerResponse): void {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(this.webDir, rel);
    if (!file.startsWith(this.webDir) || !existsSync(file) || statSync(file).isDirectory()) file = join(this.webDir, 'index.html');
    if (!existsSync(file)) {
      return send(res, { status: 503, contentType: 'text/plain; charset=utf-8', text: 'web consoles not built: run `npm run build:web -w apps/center`' });
    }
    const immutable = rel.startsWith('/assets/');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', ...SECURITY_HEADERS });
    res.end(readFileSync(file));
  }
}

/**
 * The consoles' pages load only the center's own scripts, styles and data (no inline script, no
 * eval, nothing from elsewhere): an injected string cannot run. Checked in Chromium by the consoles'
 * e2e (apps/center/test/httpHardening.e2e.test.ts collects every CSP violation).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** On every answer: no MIME sniffing, no framing by other pages (clickjacking), no full referrer out. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'same-origin',
};

/** Whether the browser reached us over HTTPS: our own TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function requestIsHttps(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: ReadonlySet<string>): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const peer = clientAddress(req.socket.remoteAddress, undefined, trustedProxies);
  if (!trustedProxies.has(peer)) return false;
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * CSRF: a state-changing request must come from the center's own pages. Browsers say where a request
 * comes from (Sec-Fetch-Site; Origin on older ones): another port of this host or a sibling sub-domain
 * is "same-site", not "same-origin". And the body must be declared JSON — a plain HTML form cannot.
 */
function refuseCrossSite(req: IncomingMessage): void {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'cross-site-request', `a ${site} request cannot change anything here`);
  const origin = req.headers.origin;
  if (site === undefined && origin !== undefined && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new HttpError(403, 'cross-site-request', 'bad Origin');
    }
    const forwarded = req.headers['x-forwarded-host'];
    if (host !== req.headers.host && host !== forwarded) throw new HttpError(403, 'cross-site-request', `Origin ${origin} is not this center`);
  } else if (origin === 'null') throw new HttpError(403, 'cross-site-request', 'opaque Origin');
  const length = Number(req.headers['content-length'] ?? 0);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((length > 0 || chunked) && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'json-required', 'send the body as application/json');
  }
}

function send(res: ServerResponse, r: NonNullable<HttpReply>): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...SECURITY_HEADERS, ...r.headers };
  if (r.json !== undefined) {
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(r.json));
  } else {
    res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'text/plain; charset=utf-8', ...headers });
    res.end(r.text ?? '');
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new HttpError(413, 'body-too-large');
    chunks.push(c as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json');
  }
}

export function sessionCookie(token: string, maxAgeS = 12 * 3600): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeS}`;
}
