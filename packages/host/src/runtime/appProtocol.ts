// The renderer is served from the app's own privileged scheme (`hallkit://app/…`), never from
// file:// (which would give the page file-system-wide reach). Pure Request → Response over the
// built renderer folder: testable in Node, used by `protocol.handle` in Electron's main process.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { DEFAULT_CSP } from '../LoopbackServer.ts';

export const APP_SCHEME = 'hallkit';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** What `protocol.registerSchemesAsPrivileged` gets, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false } },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function appProtocolHandler(rendererDir: string, csp = DEFAULT_CSP): (req: Request) => Promise<Response> {
  const root = normalize(rendererDir);
  return async (req) => {
    const url = new URL(req.url);
    if (url.protocol !== `${APP_SCHEME}:`) return new Response('not found', { status: 404 });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return new Response('bad path', { status: 400 });
    }
    const path = normalize(join(root, rel === '/' ? '/index.html' : rel));
    if (!path.startsWith(root + sep)) return new Response('forbidden', { status: 403 });
    try {
      const body = await readFile(path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

/** Navigation the window may do: only within the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}
