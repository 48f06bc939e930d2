// Browser mode (`npm run host -w apps/caller-display`): the board host plus a loopback server for a
// signage box's plain browser. Prints the address to open (with its per-launch token).
import { fileURLToPath } from 'node:url';
import { LoopbackServer } from '@hallkit/host';
import { CallerDisplayHost } from './CallerDisplayHost.ts';
import { dataDirFrom } from './identity.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface ServedBoard {
  host: CallerDisplayHost;
  server: LoopbackServer<CallerDisplayHost['bridge']['contract']>;
  stop(): Promise<void>;
}

/** Host + loopback server; used by serve.ts, demo.ts, the tests and the soak benchmark. */
export async function serveBoard(host: CallerDisplayHost, opts: { port?: number; token?: string } = {}): Promise<ServedBoard> {
  const server = new LoopbackServer(host.bridge, { port: opts.port ?? 0, staticDir: RENDERER_DIR, ...(opts.token ? { token: opts.token } : {}) });
  await server.start();
  host.start();
  return {
    host,
    server,
    async stop() {
      await server.stop();
      await host.stop();
    },
  };
}

/** The address of one layout: layout, zone and window are query parameters over the board's config. */
export function boardUrl(server: { origin: string; token: string }, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return `${server.origin}/${q ? `?${q}` : ''}#token=${server.token}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // As a device: the board inside DeviceShell (setup screen without an identity, remote care, lock).
  const { createBoardShell } = await import('./boardShell.ts');
  const shell = createBoardShell({
    dataDir: dataDirFrom(),
    exit: (code) => {
      console.log(`RESTART requested (exit ${code})`);
      void shell.stop().finally(() => process.exit(code));
    },
  });
  await shell.start();
  const server = new LoopbackServer(shell.bridge, { port: Number(process.env.HALLKIT_BOARD_PORT ?? 0), staticDir: RENDERER_DIR });
  await server.start();
  console.log(`call board: ${boardUrl(server)}`);
  const stop = () => void server.stop().then(() => shell.stop()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
