// What every device app's Electron main process does (issue 9), kept here so each main.ts stays a
// few lines and this stays testable without Electron: the renderer from hallkit://app/, display
// sleep prevented, navigation / new windows / permissions / webviews refused, a crashed or hung
// renderer reloaded (RendererSupervisor), systemd ready + watchdog, a nightly restart.
// Electron is passed in structurally, so this package does not depend on it.
import { join } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler, isAppUrl } from './appProtocol.ts';
import { RendererSupervisor, type RendererHandle } from './RendererSupervisor.ts';
import { SystemdNotifier } from './SystemdNotifier.ts';
import { nextRestartAt, type RestartWindow } from './NightlyRestart.ts';
import { serveBridgeOverIpc } from '../electron.ts';
import type { BridgeHost } from '../BridgeHost.ts';
import type { BridgeContract } from '../contract.ts';

interface Evt {
  preventDefault(): void;
}
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', fn: (e: Evt, url: string) => void): unknown;
  on(event: 'will-attach-webview', fn: (e: Evt) => void): unknown;
  on(event: 'will-frame-navigate', fn: (e: Evt & { url: string; isMainFrame: boolean }) => void): unknown;
  on(event: 'render-process-gone' | 'unresponsive' | 'responsive' | 'did-finish-load' | 'devtools-opened', fn: () => void): unknown;
  once(event: 'did-finish-load', fn: () => void): unknown;
  setWindowOpenHandler(fn: () => { action: 'deny' }): void;
  reload(): void;
  closeDevTools(): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}
export interface WindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
}
export interface ElectronLike {
  app: { whenReady(): Promise<unknown>; relaunch(): void; exit(code: number): void; quit(): void; on(e: 'window-all-closed', fn: () => void): unknown; getPath(name: 'userData'): string };
  protocol: { registerSchemesAsPrivileged(s: typeof APP_SCHEME_PRIVILEGES): void; handle(scheme: string, fn: (req: Request) => Promise<Response>): void };
  powerSaveBlocker: { start(type: 'prevent-display-sleep'): number };
  Menu: { setApplicationMenu(m: null): void };
  session: { defaultSession: { setPermissionRequestHandler(fn: (wc: unknown, p: string, cb: (ok: boolean) => void) => void): void; setPermissionCheckHandler(fn: () => boolean): void } };
  ipcMain: { handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown): void };
  BrowserWindow: new (o: Record<string, unknown>) => WindowLike;
}

export interface ElectronDeviceOptions<C extends BridgeContract> {
  bridge: BridgeHost<C>;
  rendererDir: string;
  preload: string;
  window: { width: number; height: number; backgroundColor: string; webPreferences?: Record<string, unknown> };
  /** The device id once provisioned (spreads the nightly restart); undefined during setup. */
  deviceId: () => string | undefined;
  stop: () => Promise<void>;
  /** Query string for the renderer (layout choices). */
  query?: string;
  nightly?: RestartWindow;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** Call at module load, before `app.whenReady()`: the scheme must be privileged before ready. */
export function registerAppScheme(e: Pick<ElectronLike, 'protocol'>): void {
  e.protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
}

/** A webContents as the supervisor sees it. */
export function webContentsHandle(wc: WebContentsLike): RendererHandle {
  return {
    reload: () =>
      new Promise<void>((resolve) => {
        wc.once('did-finish-load', () => resolve());
        wc.reload();
      }),
    on: (event, fn) => void wc.on(event === 'gone' ? 'render-process-gone' : event, fn),
  };
}

/**
 * Restart the app: under systemd exit non-zero and let Restart=always start it (a relaunched child
 * would be outside the unit's main pid); without systemd relaunch Electron itself.
 */
export function restartApp(e: Pick<ElectronLike, 'app'>, env: NodeJS.ProcessEnv = process.env, code = 75): void {
  if (env.NOTIFY_SOCKET || env.INVOCATION_ID) return e.app.exit(code);
  e.app.relaunch();
  e.app.exit(0);
}

export async function runElectronDevice<C extends BridgeContract>(e: ElectronLike, o: ElectronDeviceOptions<C>): Promise<WindowLike> {
  const env = o.env ?? process.env;
  const dev = env.HALLKIT_DEV === '1';
  const log = o.log ?? ((l: string) => console.error(`[main] ${l}`));
  await e.app.whenReady();
  e.protocol.handle(APP_SCHEME, appProtocolHandler(o.rendererDir));
  if (!dev) e.Menu.setApplicationMenu(null);
  e.session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  e.session.defaultSession.setPermissionCheckHandler(() => false);
  e.powerSaveBlocker.start('prevent-display-sleep');

  const win = new e.BrowserWindow({
    width: o.window.width,
    height: o.window.height,
    kiosk: !dev,
    fullscreen: !dev,
    autoHideMenuBar: true,
    backgroundColor: o.window.backgroundColor,
    webPreferences: {
      ...o.window.webPreferences,
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: dev,
      spellcheck: false,
    },
  });
  const wc = win.webContents;
  const refuse = (e2: Evt, url: string) => {
    if (isAppUrl(url)) return;
    e2.preventDefault();
    log(`navigation refused: ${url.slice(0, 200)}`);
  };
  wc.on('will-navigate', refuse);
  wc.on('will-redirect', refuse);
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-attach-webview', (ev) => ev.preventDefault());
  // Inside frames too (issue 15): no frame of the page goes anywhere, the main frame only within the app.
  wc.on('will-frame-navigate', (ev) => {
    if (ev.isMainFrame && isAppUrl(ev.url)) return;
    ev.preventDefault();
    log(`frame navigation refused: ${ev.url.slice(0, 200)}`);
  });
  if (!dev) wc.on('devtools-opened', () => wc.closeDevTools());
  serveBridgeOverIpc(o.bridge, e.ipcMain, wc, (ev) => trustedSender(ev, wc), log);

  const restart = (why: string) => {
    log(`restarting the app: ${why}`);
    void o.stop().finally(() => restartApp(e, env));
  };
  let hung = false;
  wc.on('unresponsive', () => (hung = true));
  wc.on('responsive', () => (hung = false));
  wc.on('did-finish-load', () => (hung = false));
  const supervisor = new RendererSupervisor(webContentsHandle(wc), { hangMs: 30_000, maxReloads: 3, windowMs: 10 * 60_000, onGiveUp: restart, log });
  const notifier = new SystemdNotifier(env, log);
  notifier.startWatchdog(() => !win.isDestroyed() && !hung);

  const nightly = o.nightly ?? { from: '03:00', to: '04:00', utcOffsetMinutes: 480 };
  const at = nextRestartAt(Date.now(), nightly, o.deviceId() ?? 'unprovisioned');
  setTimeout(() => restart('nightly restart window'), Math.min(at - Date.now(), 2 ** 31 - 1)).unref();

  e.app.on('window-all-closed', () => {
    supervisor.dispose();
    notifier.stop();
    void o.stop().finally(() => e.app.quit());
  });
  await win.loadURL(`${APP_ORIGIN}/index.html${o.query ?? ''}`);
  notifier.ready();
  return win;
}

/** What a device app's main process runs: its DeviceShell (setup, remote care, lock, then the role). */
export interface DeviceShellLike<C extends BridgeContract> {
  bridge: BridgeHost<C>;
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): { identity: { deviceId: string } | null };
}

export interface DeviceAppOptions<C extends BridgeContract> {
  /** The folder of the bundled main.js; the renderer and preload sit beside it (dist/renderer, dist/preload). */
  mainDir: string;
  createShell(dataDir: string, exit: () => void): DeviceShellLike<C>;
  window: ElectronDeviceOptions<C>['window'];
  query?: string;
}

/**
 * The whole of a device app's Electron main process: wait for Electron, start the shell on the data
 * directory (HALLKIT_DATA_DIR or Electron's userData), then the locked-down window (runElectronDevice).
 * A shell that asks to exit (remote restart) relaunches the app.
 */
export async function startDeviceApp<C extends BridgeContract>(e: ElectronLike, o: DeviceAppOptions<C>): Promise<WindowLike> {
  await e.app.whenReady();
  const dataDir = process.env.HALLKIT_DATA_DIR ?? join(e.app.getPath('userData'), 'data');
  const shell = o.createShell(dataDir, () => restartApp(e));
  await shell.start();
  return runElectronDevice(e, {
    bridge: shell.bridge,
    rendererDir: join(o.mainDir, '../renderer'),
    preload: join(o.mainDir, '../preload/preload.cjs'),
    window: o.window,
    deviceId: () => shell.state().identity?.deviceId,
    stop: () => shell.stop(),
    ...(o.query ? { query: o.query } : {}),
  });
}

/**
 * A bridge call is taken only from this window's own top frame showing the app (issue 15): not from
 * a subframe, another window, or a page that navigated away. Electron gives `sender` (the webContents)
 * and `senderFrame` (url, parent).
 */
export function trustedSender(event: unknown, wc: unknown): boolean {
  const ev = event as { sender?: unknown; senderFrame?: { url?: unknown; parent?: unknown } | null } | null;
  if (!ev || ev.sender !== wc) return false;
  const frame = ev.senderFrame;
  if (!frame || (frame.parent !== null && frame.parent !== undefined)) return false;
  return typeof frame.url === 'string' && isAppUrl(frame.url);
}
