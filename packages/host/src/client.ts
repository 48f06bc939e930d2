// Renderer side of the bridge: no Node, no Electron. Uses the Electron preload's API when present
// (`window.hallkit`), otherwise the loopback WebSocket of the local host process.
import { BridgeServerMessageSchema, BridgeError, type BridgeApi, type BridgeContract } from './contract.ts';

/** The shape an Electron preload exposes on `window.hallkit` (see electron.ts). */
export interface PreloadBridge {
  call(
    method: string,
    input: unknown,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    hallkit?: PreloadBridge;
  }
}

/** The per-launch token from the address fragment, remembered for reloads in this tab. */
export function bridgeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('hallkit.token', fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem('hallkit.token') ?? '';
}

export function connectBridge<C extends BridgeContract>(contract: C): BridgeApi<C> {
  const transport = window.hallkit ?? webSocketTransport();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connection = new Set<(up: boolean) => void>();
  // Host events are state ("the printer is out of paper", "the latest snapshot"): a component that
  // subscribes after an event arrived still gets the latest one, and the current connection state.
  const latest = new Map<string, unknown>();
  let connected: boolean | undefined;
  transport.subscribe((name, payload) => {
    if (name === '__connection') {
      connected = payload === true;
      for (const l of connection) l(connected);
      return;
    }
    latest.set(name, payload);
    for (const l of listeners.get(name) ?? []) l(payload);
  });
  const api: Record<string, unknown> = {
    on(name: string, fn: (p: unknown) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(fn);
      if (latest.has(name)) fn(latest.get(name));
      return () => set.delete(fn);
    },
    onConnection(fn: (up: boolean) => void) {
      connection.add(fn);
      if (connected !== undefined) fn(connected);
      return () => connection.delete(fn);
    },
  };
  for (const method of Object.keys(contract.methods)) {
    api[method] = async (input: unknown) => {
      const r = await transport.call(method, input);
      if (!r.ok) throw new BridgeError(r.error.code, r.error.message);
      return r.value;
    };
  }
  return api as BridgeApi<C>;
}

/** WebSocket transport with reconnect; calls made while disconnected fail fast with `host-unreachable`. */
function webSocketTransport(): PreloadBridge {
  const token = bridgeToken();
  const subscribers = new Set<(name: string, payload: unknown) => void>();
  const pending = new Map<
    number,
    (r: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }) => void
  >();
  let ws: WebSocket | undefined;
  let nextId = 1;
  let delay = 250;
  const notify = (name: string, payload: unknown) => subscribers.forEach((s) => s(name, payload));

  const open = () => {
    const sock = new WebSocket(`ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
    ws = sock;
    sock.onopen = () => {
      delay = 250;
      notify('__connection', true);
    };
    sock.onmessage = (ev) => {
      const parsed = BridgeServerMessageSchema.safeParse(JSON.parse(String(ev.data)));
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.kind === 'event') notify(m.name, m.payload);
      else {
        const done = pending.get(m.id);
        pending.delete(m.id);
        done?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
      }
    };
    sock.onclose = () => {
      notify('__connection', false);
      for (const [id, done] of pending) {
        pending.delete(id);
        done({
          ok: false,
          error: { code: 'host-unreachable', message: 'connection to the device host was lost' },
        });
      }
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  open();

  return {
    call(method, input) {
      return new Promise((resolve) => {
        if (!ws || ws.readyState !== WebSocket.OPEN) {
          resolve({
            ok: false,
            error: { code: 'host-unreachable', message: 'not connected to the device host' },
          });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ v: 1, kind: 'call', id, method, input }));
      });
    },
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
}
