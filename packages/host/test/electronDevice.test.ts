// Electron's binary cannot run here, so the main-process wiring every device app shares is driven
// through a structural stand-in for Electron: what the window is made with, what it loads, what is
// refused, and that the shell gets its data directory and a relaunching exit.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BridgeHost, defineContract, startDeviceApp, type ElectronLike } from '../src/index.ts';

type Listener = (...a: unknown[]) => void;

function fakeElectron() {
  const calls: string[] = [];
  const wcListeners = new Map<string, Listener[]>();
  let windowOptions: Record<string, unknown> = {};
  let loaded = '';
  let openHandler: (() => { action: string }) | undefined;
  const wc = {
    on: (ev: string, fn: Listener) => void wcListeners.set(ev, [...(wcListeners.get(ev) ?? []), fn]),
    once: (ev: string, fn: Listener) => void wcListeners.set(ev, [...(wcListeners.get(ev) ?? []), fn]),
    setWindowOpenHandler: (fn: () => { action: string }) => void (openHandler = fn),
    reload: () => calls.push('reload'),
    closeDevTools: () => calls.push('closeDevTools'),
    send: () => undefined,
    isDestroyed: () => false,
  };
  let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  let ipcHandler: ((event: unknown, ...args: unknown[]) => unknown) | undefined;
  const e = {
    app: {
      whenReady: async () => calls.push('ready'),
      relaunch: () => calls.push('relaunch'),
      exit: (code: number) => calls.push(`exit ${code}`),
      quit: () => calls.push('quit'),
      on: () => undefined,
      getPath: () => '/var/lib/hallkit-test',
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string) => calls.push(`protocol ${scheme}`) },
    powerSaveBlocker: { start: (type: string) => calls.push(`powerSave ${type}`) },
    Menu: { setApplicationMenu: () => calls.push('no menu') },
    session: { defaultSession: { setPermissionRequestHandler: (fn: typeof permission) => void (permission = fn), setPermissionCheckHandler: () => undefined } },
    ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => (calls.push(`ipc ${channel}`), (ipcHandler = fn)) },
    BrowserWindow: class {
      webContents = wc;
      constructor(o: Record<string, unknown>) {
        windowOptions = o;
      }
      loadURL = async (url: string) => void (loaded = url);
      isDestroyed = () => false;
    },
  };
  return {
    e: e as unknown as ElectronLike, // the fake covers exactly what ElectronLike declares
    calls,
    windowOptions: () => windowOptions,
    loaded: () => loaded,
    emit: (ev: string, ...a: unknown[]) => (wcListeners.get(ev) ?? []).forEach((fn) => fn(...a)),
    openHandler: () => openHandler?.(),
    permission: (p: string) => new Promise<boolean>((resolve) => permission?.(null, p, resolve)),
    ipc: (event: unknown, ...args: unknown[]) => ipcHandler?.(event, ...args),
    wc,
  };
}

describe('startDeviceApp (every device app’s Electron main process)', () => {
  it('starts the shell on its data dir, then one locked-down window on hallkit://app/; navigation, windows and permissions refused', async () => {
    const f = fakeElectron();
    const contract = defineContract({ name: 't', version: 1, methods: { ping: { input: z.object({}), output: z.literal('pong') } }, events: {} });
    const seen: { dataDir?: string; exit?: () => void; started: boolean } = { started: false };
    // Outside systemd, so a remote restart relaunches; no HALLKIT_DATA_DIR, so Electron's userData is used.
    const saved = { ...process.env };
    for (const k of ['HALLKIT_DATA_DIR', 'NOTIFY_SOCKET', 'INVOCATION_ID']) delete process.env[k];
    await startDeviceApp(f.e, {
      mainDir: '/opt/hallkit-kiosk/resources/app.asar/dist/main',
      createShell: (dataDir, exit) => {
        seen.dataDir = dataDir;
        seen.exit = exit;
        return { bridge: new BridgeHost(contract, { ping: () => 'pong' as const }, () => {}), start: async () => void (seen.started = true), stop: async () => undefined, state: () => ({ identity: { deviceId: 'kiosk-1' } }) };
      },
      window: { width: 1080, height: 1920, backgroundColor: '#c8102e' },
      query: '?layout=led',
    });
    expect(seen).toMatchObject({ dataDir: '/var/lib/hallkit-test/data', started: true });
    expect(f.windowOptions()).toMatchObject({ width: 1080, height: 1920, kiosk: true, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false, preload: '/opt/hallkit-kiosk/resources/app.asar/dist/preload/preload.cjs' } });
    expect(f.loaded()).toBe('hallkit://app/index.html?layout=led');
    expect(f.calls).toEqual(expect.arrayContaining(['protocol hallkit', 'no menu', 'powerSave prevent-display-sleep', 'ipc hallkit:call']));
    let prevented = 0;
    f.emit('will-navigate', { preventDefault: () => prevented++ }, 'https://example.com/');
    f.emit('will-navigate', { preventDefault: () => prevented++ }, 'hallkit://app/index.html');
    expect(prevented).toBe(1);
    expect(f.openHandler()).toEqual({ action: 'deny' });
    // Inside frames (issue 15): a subframe goes nowhere, the main frame only within the app.
    const frameNav = (url: string, isMainFrame: boolean) => {
      let stopped = false;
      f.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(frameNav('https://example.com/', false)).toBe(true);
    expect(frameNav('hallkit://app/index.html', false)).toBe(true);
    expect(frameNav('https://example.com/', true)).toBe(true);
    expect(frameNav('hallkit://app/index.html', true)).toBe(false);
    // The bridge answers only the app's own top frame of this window (issue 15).
    const top = { url: 'hallkit://app/index.html', parent: null };
    expect(await f.ipc({ sender: f.wc, senderFrame: top }, 'ping', {})).toEqual({ ok: true, value: 'pong' });
    for (const ev of [
      { sender: f.wc, senderFrame: { url: 'hallkit://app/index.html', parent: top } }, // a subframe
      { sender: f.wc, senderFrame: { url: 'https://example.com/', parent: null } }, // navigated away
      { sender: { other: true }, senderFrame: top }, // another window
      { sender: f.wc, senderFrame: null }, // frame gone
    ]) {
      expect(await f.ipc(ev, 'ping', {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await f.permission('media')).toBe(false);
    seen.exit?.();
    expect(f.calls).toEqual(expect.arrayContaining(['relaunch', 'exit 0']));
    Object.assign(process.env, saved);
  });
});
