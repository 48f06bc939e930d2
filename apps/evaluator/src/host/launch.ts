// Shared by serve.ts and demo.ts: start a pad (DeviceShell around EvaluatorHost) plus its loopback
// server for a plain Chromium. With no identity the same page shows the setup screen.
import { fileURLToPath } from 'node:url';
import { LoopbackServer } from '@hallkit/host';
import { dataDir } from './identity.ts';
import { createPadShell, type PadShell } from './padShell.ts';
import type { EvaluatorContract } from '../contract.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface LaunchedPad {
  shell: PadShell;
  server: LoopbackServer<EvaluatorContract>;
  /** "评价器(5号窗口)" — from the window message if it arrived in time, else from the window id. */
  label: string;
  stop(): Promise<void>;
}

export async function launchPad(env: NodeJS.ProcessEnv = process.env): Promise<LaunchedPad> {
  const dir = dataDir(env);
  const shell = createPadShell({
    dataDir: dir,
    env,
    // Tests shorten the link's timings through the environment; the defaults suit a hall.
    ...(env.HALLKIT_TEST_FAST_LINK === '1' ? { link: { ackTimeoutMs: 1000, backoff: { initialMs: 100, maxMs: 500 } } } : {}),
    // Browser mode has no supervisor of its own: the restart is systemd's (Restart=always) or the demo's.
    exit: (code) => {
      console.log(`RESTART requested (exit ${code})`);
      void shell.stop().finally(() => process.exit(code));
    },
  });
  await shell.start();
  const server = new LoopbackServer(shell.bridge, { port: Number(env.HALLKIT_PAD_PORT ?? 0), staticDir: RENDERER_DIR });
  await server.start();
  // Wait briefly for the retained window message so the label names the window as the hall does.
  const deadline = Date.now() + 3000;
  while (shell.pad() && shell.pad()?.view().window.windowNumber === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const windowId = shell.state().identity?.windowId;
  const n = shell.pad()?.view().window.windowNumber ?? (windowId ? /\d+/.exec(windowId)?.[0] : undefined);
  const label = !windowId ? '评价器(待设置)' : n ? `评价器(${n}号窗口)` : `评价器(${windowId})`;
  return {
    shell,
    server,
    label,
    stop: async () => {
      await server.stop();
      await shell.stop();
    },
  };
}
