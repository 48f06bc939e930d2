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
  it('locks an account at one source after 5 failures, doubling the wait; other sources, other accounts go on; a success there clears it', () => {
    let t = 0;
    const th = new LoginThrottle(undefined, () => t);
    for (let i = 0; i < 5; i++) {
      expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
      th.failed('staff:YT0501', '1.1.1.1');
    }
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(300);
    // Staff numbers are on every pad: wrong PINs from one place do not lock the staff member out elsewhere.
    expect(th.waitSeconds('staff:YT0501', '2.2.2.2')).toBe(0);
    expect(th.waitSeconds('staff:YT0601', '1.1.1.1')).toBe(0);
    t += 300_000;
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
    th.failed('staff:YT0501', '1.1.1.1');
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(600); // backoff: doubled
    t += 600_000;
    th.failed('staff:YT0501', '1.1.1.1');
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(1200);
    expect(th.lockOuts()).toEqual([expect.objectContaining({ account: 'staff:YT0501', source: '1.1.1.1', failures: 7, lockedUntil: t + 1_200_000 })]);
    // The admin lifts it.
    expect(th.clear('staff:YT0501', '1.1.1.1')).toBe(1);
    expect(th.waitSeconds('staff:YT0501', '1.1.1.1')).toBe(0);
    th.failed('staff:YT0501', '1.1.1.1');
    th.succeeded('staff:YT0501', '1.1.1.1');
    expect(th.lockOuts()).toEqual([]);
  });

  it('slows a source trying many accounts, and an account tried from many sources (spread-out guessing)', () => {
    let t = 0;
    const th = new LoginThrottle(undefined, () => t);
    for (let i = 0; i < 19; i++) th.failed(`staff:X${i}`, '1.1.1.1');
    expect(th.waitSeconds('staff:YT0701', '1.1.1.1')).toBe(0);
    th.failed('staff:X19', '1.1.1.1');
    expect(th.waitSeconds('staff:YT0701', '1.1.1.1')).toBeGreaterThan(0);
    expect(th.waitSeconds('staff:YT0701', '3.3.3.3')).toBe(0);
    // 30 sources, one wrong PIN each: the account's ceiling, for everyone, for a while.
    for (let i = 0; i < 30; i++) th.failed('staff:YT0801', `10.0.${i}.1`);
    expect(th.waitSeconds('staff:YT0801', '10.9.9.9')).toBeGreaterThan(0);
    t += 120_000;
    expect(th.waitSeconds('staff:YT0801', '10.9.9.9')).toBe(0);
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

  it('refuses a staff account after 5 wrong PINs from one source with 429 and Retry-After, even with the right PIN; audited; open again later', async () => {
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

  it('five wrong PINs from one source (a pad, a phone) do not lock the staff member out at their window; the admin sees and lifts it', async () => {
    // The guesser comes through the hall's proxy from 198.51.100.7; the staff member logs in from 198.51.100.50.
    const login = (pin: string, from: string) => post(proxied.httpUrl, '/api/login/staff', { staffNo: 'YT0501', pin }, { 'x-forwarded-for': from });
    proxied.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
    proxied.ctx.accounts.upsertAdmin('admin', 'pw-admin');
    for (let i = 0; i < 6; i++) await login(`11${i}1`, '198.51.100.7');
    expect((await login('0501', '198.51.100.7')).status).toBe(429);
    expect((await login('0501', '198.51.100.50')).status).toBe(200);
    const adminLogin = await post(proxied.httpUrl, '/api/login/admin', { username: 'admin', password: 'pw-admin' }, { 'x-forwarded-for': '198.51.100.60' });
    const cookie = (adminLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = (await (await fetch(`${proxied.httpUrl}/api/admin/lockouts`, { headers: { cookie } })).json()) as { lockOuts: { account: string; source: string; lockedUntil: number | null }[] };
    expect(list.lockOuts).toEqual([expect.objectContaining({ account: 'staff:YT0501', source: '198.51.100.7' })]);
    expect(list.lockOuts[0]?.lockedUntil).not.toBeNull();
    // Staff cannot see or lift lock-outs.
    expect((await fetch(`${proxied.httpUrl}/api/admin/lockouts`)).status).toBe(401);
    const cleared = await post(proxied.httpUrl, '/api/admin/lockouts/clear', { account: 'staff:YT0501', source: '198.51.100.7' }, { cookie, 'x-forwarded-for': '198.51.100.60' });
    expect(cleared.status).toBe(200);
    expect((await login('0501', '198.51.100.7')).status).toBe(200);
    expect(proxied.ctx.audit.recent(20).map((a) => a.action)).toContain('login-lockout-cleared');
  });
});
