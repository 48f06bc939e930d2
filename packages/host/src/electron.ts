// Electron wiring for a bridge, kept structural so this package does not depend on electron:
// the app's main process passes `ipcMain` and its windows, the preload passes `contextBridge` and
// `ipcRenderer`. The renderer then gets exactly the named functions of the contract — no raw IPC.
import type { BridgeHost } from './BridgeHost.ts';
import type { BridgeContract } from './contract.ts';

interface IpcMainLike {
  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown): void;
}
interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export const CALL_CHANNEL = 'hallkit:call';
export const EVENT_CHANNEL = 'hallkit:event';

/** Main process: answer the preload's calls and forward host events to a window. */
export function serveBridgeOverIpc<C extends BridgeContract>(
  host: BridgeHost<C>,
  ipcMain: IpcMainLike,
  contents: WebContentsLike,
  /** Whether a call comes from the app's own page (issue 15: a frame or another window must not call). */
  trusted: (event: unknown) => boolean = () => true,
  log: (line: string) => void = () => undefined,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (e, method, input) => {
    if (!trusted(e)) {
      log(`bridge call ${String(method).slice(0, 60)} refused: not from the app's own page`);
      return { ok: false, error: { code: 'forbidden-sender', message: 'not from the app page' } };
    }
    return host.call(String(method), input);
  });
  return host.attach((name, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}

interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}
interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, fn: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, fn: (event: unknown, ...args: unknown[]) => void): void;
}

/** Preload: expose `window.hallkit` with a call function and an event subscription only. */
export function exposeBridgeInPreload(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('hallkit', {
    call: (method: string, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
    subscribe: (listener: (name: string, payload: unknown) => void) => {
      const fn = (_e: unknown, name: unknown, payload: unknown) => listener(String(name), payload);
      ipcRenderer.on(EVENT_CHANNEL, fn);
      listener('__connection', true);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, fn);
    },
  });
}
