// The network check of the setup screen and test-print on devices without a printer: can this
// device open a TCP connection to its broker (or the center's web address before enrolment)?
import { connect } from 'node:net';
import type { DeviceCheck } from '@hallkit/core/wire/careCommands';

const DEFAULT_PORTS: Record<string, number> = { 'mqtt:': 1883, 'mqtts:': 8883, 'ws:': 80, 'wss:': 443, 'http:': 80, 'https:': 443 };

export function networkCheck(url: string | undefined, timeoutMs = 3000): Promise<DeviceCheck> {
  if (!url) return Promise.resolve({ id: 'network', ok: false, detail: 'no center address yet' });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve({ id: 'network', ok: false, detail: `not an address: ${url}` });
  }
  const port = Number(u.port || DEFAULT_PORTS[u.protocol] || 0);
  const started = Date.now();
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port, timeout: timeoutMs });
    const done = (ok: boolean, detail: string) => {
      s.destroy();
      resolve({ id: 'network', ok, detail });
    };
    s.once('connect', () => done(true, `${u.hostname}:${port} reachable in ${Date.now() - started} ms`));
    s.once('timeout', () => done(false, `${u.hostname}:${port} no answer in ${timeoutMs} ms`));
    s.once('error', (e) => done(false, `${u.hostname}:${port} ${e.message}`));
  });
}
