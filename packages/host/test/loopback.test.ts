import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { BridgeHost, LoopbackServer, defineContract } from '../src/index.ts';

const contract = defineContract({
  name: 'test',
  version: 1,
  methods: {
    add: { input: z.object({ a: z.number(), b: z.number() }), output: z.number() },
    fail: { input: z.object({}), output: z.null() },
  },
  events: { tick: z.object({ n: z.number() }) },
});

let server: LoopbackServer<typeof contract>;
let host: BridgeHost<typeof contract>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  host = new BridgeHost(
    contract,
    {
      add: ({ a, b }) => a + b,
      fail: () => {
        throw Object.assign(new Error('paper empty'), { code: 'paper-empty' });
      },
    },
    () => {},
  );
  server = new LoopbackServer(host, { port: 0, staticDir: dir, log: () => {} });
  await server.start();
});
afterAll(() => server.stop());

function open(token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/bridge?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMsg = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString());
      if (m.kind === 'result' && m.id === id) {
        ws.off('message', onMsg);
        resolve(m);
      }
    };
    ws.on('message', onMsg);
    ws.send(JSON.stringify({ v: 1, kind: 'call', id, method, input }));
  });
}

describe('loopback bridge', () => {
  it('listens on loopback only and serves the page with a content security policy', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(server.origin + '/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(server.origin + '/..%2f..%2fetc/passwd')).status).not.toBe(200);
  });

  it('answers calls from a page with the token, validates input, and turns errors into codes', async () => {
    const ws = await open(server.token, server.origin);
    expect(await call(ws, 1, 'add', { a: 2, b: 3 })).toMatchObject({ ok: true, value: 5 });
    expect(await call(ws, 2, 'add', { a: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call(ws, 3, 'fail', {})).toMatchObject({ ok: false, error: { code: 'paper-empty' } });
    expect(await call(ws, 4, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    const got = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    host.emit('tick', { n: 7 });
    expect(await got).toMatchObject({ kind: 'event', name: 'tick', payload: { n: 7 } });
    ws.close();
  });

  it('refuses a wrong token and a foreign origin', async () => {
    await expect(open('nope', server.origin)).rejects.toThrow(/403/);
    await expect(open(server.token, 'http://evil.example')).rejects.toThrow(/403/);
  });
});

describe('Host check (DNS rebinding, issue 15)', () => {
  const get = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: Number(new URL(server.origin).port), path: '/', headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  it('serves the pages only under its own name; a rebound name gets 421 and no bridge', async () => {
    const port = new URL(server.origin).port;
    expect(await get(`127.0.0.1:${port}`)).toBe(200);
    expect(await get(`localhost:${port}`)).toBe(200);
    expect(await get(`attacker.example:${port}`)).toBe(421);
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/bridge?token=${server.token}`, { origin: server.origin, headers: { host: `attacker.example:${port}` } });
        ws.once('open', () => resolve('open'));
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow(/403/);
  });
});
