// Issue 15 items 6 and 9 (HTTP): a form or text/plain post from another page of the same site is not
// a console action (CSRF); malformed paths get a 4xx, not a 500 with internal messages; every answer
// says nosniff and may not be framed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let center: Center;
let admin: ConsoleClient;
let cookie = '';
beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  admin = new ConsoleClient(center.httpUrl);
  await admin.login('admin', { username: 'admin', password: 'pw-admin' });
  const r = await fetch(`${center.httpUrl}/api/login/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'pw-admin' }) });
  cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await center?.stop();
});

const notice = (headers: Record<string, string>, text = '被篡改的公告') =>
  fetch(`${center.httpUrl}/api/admin/notice`, { method: 'POST', headers: { cookie, ...headers }, body: JSON.stringify({ text }) });

describe('HTTP hardening', () => {
  it('refuses JSON sent as text/plain or a form, and cross-site / foreign-origin posts (CSRF)', async () => {
    expect((await notice({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await notice({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await notice({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await notice({ 'content-type': 'application/json', origin: 'http://127.0.0.1:1' })).status).toBe(403);
    // The console itself (same origin) still works.
    const ok = await notice({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: center.httpUrl }, '正常公告');
    expect(ok.status).toBe(200);
  });

  it('answers malformed paths with 4xx and no internal message; sends nosniff and frame-ancestors', async () => {
    for (const p of ['/%E0%A4%A', '/api/%E0%A4%A', '/api/windows/%ZZ/call-next']) {
      const r = await fetch(`${center.httpUrl}${p}`);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.status, p).toBeLessThan(500);
    }
    const h = await fetch(`${center.httpUrl}/healthz`);
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('object-property names and odd paths answer 4xx with no internals (never a 500)', async () => {
    const names = ['hasOwnProperty', '__proto__', 'constructor', 'toString', 'prototype', 'valueOf'];
    const paths = [
      ...names.flatMap((n) => [`/${n}`, `/api/${n}`, `/api/windows/${n}`, `/api/windows/${n}/live`, `/api/windows/${n}/call-next`, `/api/admin/staff/${n}/pin`, `/api/staffing/windows/${n}/${n}`, `/api/admin/hall-definition/versions/${n}`, `/m/${n}`, `/m/t/${n}`, `/api/m/${n}`, `/api/m/t/${n}`, `/api/desk/tickets/${n}/requeue`, `/api/admin/devices/${n}/commands`]),
      '/api/windows/w1?lang=__proto__', '/api/m/halls?lang=hasOwnProperty', '/%2e%2e/%2e%2e/etc/passwd', '/api/%00', '/m/%FF',
    ];
    const bad: string[] = [];
    for (const p of paths) {
      for (const method of ['GET', 'POST']) {
        const r = await fetch(`${center.httpUrl}${p}`, { method, headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, ...(method === 'POST' ? { body: '{}' } : {}) });
        const text = await r.text();
        if (r.status >= 500 || /TypeError|ReferenceError|at .*\.ts:\d+|is not a function|Cannot read/.test(text)) bad.push(`${method} ${p} → ${r.status} ${text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the session cookie says Secure behind an HTTPS proxy, and only when the proxy is a trusted one', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${center.httpUrl}/api/login/admin`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'admin', password: 'pw-admin' }) });
    // Plain HTTP on the LAN: a Secure cookie would never come back, so none.
    expect((await login({})).headers.get('set-cookie')).not.toMatch(/Secure/i);
    // Any client can claim https: not believed unless the peer is a configured proxy.
    expect((await login({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).not.toMatch(/Secure/i);
    const behind = await startCenter({ dataDir: tempDir(), trustedProxies: ['127.0.0.1'] });
    try {
      behind.ctx.accounts.upsertAdmin('admin', 'pw-admin');
      const r = await fetch(`${behind.httpUrl}/api/login/admin`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 'admin', password: 'pw-admin' }) });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toMatch(/;\s*Secure/);
      expect(r.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      const plain = await fetch(`${behind.httpUrl}/api/login/admin`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'http' }, body: JSON.stringify({ username: 'admin', password: 'pw-admin' }) });
      expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/i);
    } finally {
      await behind.stop();
    }
  });

  it('pages carry a full content security policy', async () => {
    const r = await fetch(`${center.httpUrl}/admin`);
    const csp = r.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
