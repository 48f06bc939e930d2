import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, isAppUrl } from '../src/runtime/appProtocol.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallkit-proto-'));
mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>pad</title>');
writeFileSync(join(dir, 'renderer/assets/a.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'identity');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hallkit:// app protocol', () => {
  const handle = appProtocolHandler(join(dir, 'renderer'));
  it('serves the built renderer with types and a CSP; refuses anything outside it', async () => {
    const index = await handle(new Request('hallkit://app/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await (await handle(new Request('hallkit://app/assets/a.js'))).text()).toBe('console.log(1)');
    // The URL parser already folds %2e%2e away: it stays inside the renderer folder (and is not there).
    expect((await handle(new Request('hallkit://app/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('hallkit://app/..%2fsecret.txt'))).status).toBe(403);
    expect((await handle(new Request('hallkit://app/missing.js'))).status).toBe(404);
    expect((await handle(new Request('hallkit://app/%E0%A4%A'))).status).toBe(400);
  });
  it('only its own origin counts as in-app navigation', () => {
    expect(isAppUrl('hallkit://app/index.html')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('hallkit://other/')).toBe(false);
  });
});
