// Starts a real center (SQLite in a temp dir, real broker) and device clients built on
// packages/sync, for the integration and end-to-end tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, shippedHall } from '@hallkit/testkit';
import { type HallConfig } from '@hallkit/core';
import { DeviceLink, DeviceStore, type Logger } from '@hallkit/sync';
import { Center, type CenterOptions } from '../../src/server/Center.ts';

export const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) };

export function tempDir(prefix = 'hallkit-center-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startCenter(o: Partial<CenterOptions> & { dataDir: string }): Promise<Center> {
  const hallConfig: HallConfig = o.hallConfig ?? shippedHall('yantai', { allDay: true });
  return Center.start({ hallConfig, httpPort: o.httpPort ?? (await freePort()), logger: quiet, snapshotEveryMs: 50, ...(o.mqttUrl ? {} : { embeddedBrokerPort: await freePort() }), ...o });
}

export function openDevice(dir: string, url: string, hallId: string, deviceId: string, password?: string, health?: () => unknown) {
  const store = DeviceStore.open({ path: join(dir, `${deviceId}.sqlite`), logger: quiet });
  const link = new DeviceLink({
    store, url, hallId, deviceId, logger: quiet, heartbeatMs: 500, ackTimeoutMs: 2000, backoff: { initialMs: 50, maxMs: 300 },
    ...(password ? { password } : {}),
    ...(health ? { health } : {}),
  });
  return {
    store,
    link,
    async close() {
      await link.stop();
      store.close();
    },
  };
}

export async function waitUntil(what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A console user over HTTP (cookie session), like the browser pages. */
export class ConsoleClient {
  private cookie = '';
  constructor(private readonly base: string) {}

  async login(kind: 'staff' | 'admin', body: Record<string, string>): Promise<void> {
    const r = await fetch(`${this.base}/api/login/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  async post<T = unknown>(path: string, body: unknown = {}): Promise<{ status: number; json: T }> {
    const r = await fetch(`${this.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: this.cookie }, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as T };
  }

  /** The session cookie, for a raw fetch (a download). */
  get cookieHeader(): string {
    return this.cookie;
  }

  async get<T = unknown>(path: string): Promise<{ status: number; json: T }> {
    const r = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    return { status: r.status, json: (await r.json()) as T };
  }
}
