// A small router over node:http: method + path pattern (`/api/windows/:windowId/call-next`),
// JSON in and out, cookies. Enough for the consoles' API; no framework needed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session } from '../auth/Accounts.ts';

export interface HttpRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  cookies: Record<string, string>;
  session: Session | undefined;
  /** The client's address: the peer, or what a trusted proxy forwarded (ClientAddress.ts). */
  clientIp: string;
  raw: IncomingMessage;
  res: ServerResponse;
}

/** A reply; `undefined` means the handler wrote the response itself (SSE, files). */
export type HttpReply = { status?: number; json?: unknown; headers?: Record<string, string>; text?: string; contentType?: string } | undefined;
export type HttpHandler = (req: HttpRequest) => HttpReply | Promise<HttpReply>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

interface Route {
  method: string;
  parts: string[];
  /** Matches the pattern's prefix and anything under it (`/m/*`). */
  prefix: boolean;
  handler: HttpHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: HttpHandler): this {
    const prefix = pattern.endsWith('/*');
    const parts = (prefix ? pattern.slice(0, -2) : pattern).split('/').filter(Boolean);
    this.routes.push({ method, parts, prefix, handler });
    return this;
  }

  get(p: string, h: HttpHandler): this {
    return this.add('GET', p, h);
  }

  post(p: string, h: HttpHandler): this {
    return this.add('POST', p, h);
  }

  match(method: string, path: string): { handler: HttpHandler; params: Record<string, string> } | undefined {
    const segs = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    for (const r of this.routes) {
      if (r.method !== method && r.method !== '*') continue;
      if (r.prefix ? segs.length < r.parts.length : segs.length !== r.parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      r.parts.forEach((p, i) => {
        const s = segs[i] as string;
        if (p.startsWith(':')) params[p.slice(1)] = s;
        else if (p !== s) ok = false;
      });
      if (ok) {
        if (r.prefix) params.rest = segs.slice(r.parts.length).join('/');
        return { handler: r.handler, params };
      }
    }
    return undefined;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}
