// Guessing at log-ins is slowed down (a staff PIN has four digits), and the address a limit is kept
// for is the phone's, not the hall proxy's — but only when the proxy is one the center trusts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { LoginThrottle } from '../src/server/auth/LoginThrottle.ts';
import { clientAddress, trustedProxySet } from '../src/server/http/ClientAddress.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';

describe('clientAddress', () => {
  const proxies = trustedProxySet(['127.0.0.1', '10.0.0.5']);
  it('believes X-Forwarded-For only from a trusted proxy, and only up to the first untrusted hop', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9'); // not a proxy: header ignored
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // A phone that sends its own X-Forwarded-For: the hop our proxy saw is what counts.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.5', proxies)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', ['6.6.6.6', '198.51.100.2'], proxies)).toBe('198.51.100.2');
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress(undefined, undefined, proxies)).toBe('unknown');
  });
});

describe('LoginThrottle', () => {
  it('allows 5 failures on an account, then one per 5 minutes; a success clears it; addresses have their own count', () => {
    let t = 0;
    const th = new LoginThrottle(undefined, () => t);
    for (let i = 0; i < 5; i++) {
      expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
      th.failed('staff:YT0501', '1.1.1.1');
    }
    expect(th.waitSeconds('staff:YT0501', '2.2.2.2')).toBe(300); // from anywhere
    expect(th.waitSeconds('staff:YT0601', '1.1.1.1')).toBe(0); // other accounts are not locked out
    t += 300_000;
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
    th.failed('staff:YT0501', '1.1.1.1');
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(300);
    th.succeeded('staff:YT0501');
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
    // One address trying many accounts: 20 failures, then one a minute (it had 19 left).
    for (let i = 0; i < 18; i++) th.failed(`staff:X${i}`, '1.1.1.1');
    expect(th.waitSeconds('staff:YT0701', '1.1.1.1')).toBe(0);
    th.failed('staff:X18', '1.1.1.1');
    expect(th.waitSeconds('staff:YT0701', '1.1.1.1')).toBeGreaterThan(0);
    expect(th.waitSeconds('staff:YT0701', '3.3.3.3')).toBe(0);
  });
});

describe('console log-in over HTTP', () => {
  let center: Center;
  let proxied: Center;
  let clock = Date.now();
  beforeAll(async () => {
    center = await startCenter({ dataDir: tempDir(), now: () => new Date(clock) });
    center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
    center.ctx.accounts.upsertStaff({ staffNo: 'YT0601', name: '张明', windowId: 'w6' }, '0601');
    proxied = await startCenter({ dataDir: tempDir(), trustedProxies: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await center?.stop();
    await proxied?.stop();
  });

  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...headers }, body: JSON.stringify(body) });

  it('refuses a staff account after 5 wrong PINs with 429 and Retry-After, even with the right PIN; audited; open again later', async () => {
    for (let i = 0; i < 5; i++) expect((await post(center.httpUrl, '/api/login/staff', { staffNo: 'YT0501', pin: `99${i}9` })).status).toBe(401);
    const locked = await post(center.httpUrl, '/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('300');
    expect(await locked.json()).toEqual({ error: 'too-many-attempts', retryAfterSeconds: 300 });
    expect(center.ctx.audit.recent(10).filter((a) => a.actor === 'staff:YT0501').map((a) => a.action)).toContain('login-throttled');
    // A colleague at the next window is not locked out by it.
    expect((await post(center.httpUrl, '/api/login/staff', { staffNo: 'YT0601', pin: '0601' })).status).toBe(200);
    clock += 5 * 60_000;
    expect((await post(center.httpUrl, '/api/login/staff', { staffNo: 'YT0501', pin: '0501' })).status).toBe(200);
  });

  it('keeps phone limits per phone behind a trusted proxy, and ignores a forged X-Forwarded-For otherwise', async () => {
    const code = (base: string, phone: string, from?: string) => post(base, '/api/m/login/code', { phone }, from ? { 'x-forwarded-for': from } : {});
    // The code rule allows 5 in a burst per address.
    for (let i = 0; i < 5; i++) expect((await code(proxied.httpUrl, `1390000000${i}`, '198.51.100.1')).status).toBe(200);
    expect((await code(proxied.httpUrl, '13900000009', '198.51.100.1')).status).toBe(429);
    expect((await code(proxied.httpUrl, '13900000009', '198.51.100.2')).status).toBe(200); // another phone
    // Without a trusted proxy the header is the client's own claim: changing it escapes nothing.
    for (let i = 0; i < 5; i++) expect((await code(center.httpUrl, `1370000000${i}`, `203.0.113.${i}`)).status).toBe(200);
    expect((await code(center.httpUrl, '13700000009', '203.0.113.99')).status).toBe(429);
  });
});
