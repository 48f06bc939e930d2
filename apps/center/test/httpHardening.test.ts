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
});
