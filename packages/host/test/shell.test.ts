import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BridgeHost, defineContract, DeviceShell, readIdentityFile, SETUP_EVENTS, SETUP_METHODS, type DeviceIdentity, type DeviceState } from '../src/index.ts';

const role = defineContract({ name: 'role', version: 1, methods: { rate: { input: z.object({ n: z.number() }), output: z.object({ ok: z.boolean() }) } }, events: {} });
const app = defineContract({ name: 'app', version: 1, methods: { ...role.methods, ...SETUP_METHODS }, events: { ...SETUP_EVENTS } });
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const dirs: string[] = [];
let server: Server | undefined;
afterEach(() => {
  server?.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

class LinkStandIn extends EventEmitter {
  onCommand() {
    return this;
  }
}

function shellFor(dir: string, identity?: DeviceIdentity) {
  const links: LinkStandIn[] = [];
  const shell = new DeviceShell({
    contract: app,
    dataDir: dir,
    roles: ['evaluator'],
    citizenMethods: ['rate'],
    technicianPin: () => '1357',
    logger: quiet,
    loadIdentity: () => identity ?? readIdentityFile(dir),
    checks: () => [{ id: 'printer', ok: true, detail: 'none' }],
    startRole: () => {
      const link = new LinkStandIn();
      links.push(link);
      return { bridge: new BridgeHost(role, { rate: () => ({ ok: true }) }, () => undefined), link, care: { testPrint: () => ({ printed: false, checks: [] }), reloadConfig: () => [] }, stop: async () => undefined };
    },
  });
  const states: DeviceState[] = [];
  shell.bridge.attach((name, p) => name === 'device' && states.push(p as DeviceState));
  return { shell, links, states };
}

const ID: DeviceIdentity = { v: 1, hallId: 'yantai', deviceId: 'pad-1', role: 'evaluator', windowId: 'w5', mqttUrl: 'mqtt://127.0.0.1:1', username: 'pad-1', password: 'x' };

describe('DeviceShell', () => {
  it('refuses citizen methods while locked and every role method once revoked; the PIN reopens setup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-shell-'));
    dirs.push(dir);
    const { shell, links, states } = shellFor(dir, ID);
    await shell.start();
    expect(states.at(-1)).toMatchObject({ phase: 'running', locked: false, identity: { deviceId: 'pad-1' } });
    expect(await shell.bridge.call('rate', { n: 1 })).toEqual({ ok: true, value: { ok: true } });
    shell.lock.lock('screen swap');
    expect(states.at(-1)).toMatchObject({ locked: true, lockReason: 'screen swap' });
    expect(await shell.bridge.call('rate', { n: 1 })).toMatchObject({ ok: false, error: { code: 'device-locked' } });
    shell.lock.unlock();
    expect(await shell.bridge.call('setupOpen', { pin: '0000' })).toEqual({ ok: true, value: { ok: false } });
    expect(await shell.bridge.call('setupOpen', { pin: '1357' })).toEqual({ ok: true, value: { ok: true } });
    expect(states.at(-1)).toMatchObject({ phase: 'setup', reSetup: true });
    expect((await shell.bridge.call('setupCancel', {})) as { value: DeviceState }).toMatchObject({ value: { phase: 'running' } });
    links[0]?.emit('refused', 'Connection refused: Not authorized');
    expect(states.at(-1)).toMatchObject({ phase: 'revoked' });
    expect(await shell.bridge.call('rate', { n: 1 })).toMatchObject({ ok: false, error: { code: 'device-revoked' } });
    await shell.stop();
  });

  it('technician PIN over the bridge: 200 guesses get 5 compared, then a doubling wait; not even the right PIN meanwhile (issue 15)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-shell-'));
    dirs.push(dir);
    const { shell } = shellFor(dir, ID);
    await shell.start();
    let opened = 0;
    let waits = 0;
    for (let i = 0; i < 200; i++) {
      const r = (await shell.bridge.call('setupOpen', { pin: String(i).padStart(4, '0') })) as { ok: true; value: { ok: boolean; retryAfterSeconds?: number } };
      if (r.value.ok) opened++;
      if (r.value.retryAfterSeconds) waits++;
    }
    expect(opened).toBe(0);
    expect(waits).toBe(196); // the 5th wrong try starts the wait; every later one is refused unchecked
    expect(await shell.bridge.call('setupOpen', { pin: '1357' })).toMatchObject({ ok: true, value: { ok: false, retryAfterSeconds: expect.any(Number) } });
    await shell.stop();
  });

  it('enrols against a center answer, refuses a wrong role, saves identity.json 0600 and starts without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkit-shell-'));
    dirs.push(dir);
    let role = 'evaluator';
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url !== '/api/enrol') return void res.writeHead(404).end('{}');
      res.end(JSON.stringify({ v: 1, identity: { hallId: 'yantai', deviceId: 'pad-9', role, name: '9号', windowId: 'w9' }, mqtt: { url: 'mqtt://127.0.0.1:1', clientId: 'pad-9', username: 'pad-9', password: 'p' }, config: {}, centerUrl: 'x' }));
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const { shell, states } = shellFor(dir);
    await shell.start();
    expect(states.at(-1)).toMatchObject({ phase: 'setup', identity: null });
    expect(await shell.bridge.call('rate', { n: 1 })).toMatchObject({ ok: false, error: { code: 'not-provisioned' } });
    role = 'kiosk';
    expect(await shell.bridge.call('setupEnrol', { centerUrl: `127.0.0.1:${port}`, code: 'ABCDE-FGHJK' })).toMatchObject({ value: { ok: false, code: 'wrong-role' } });
    role = 'evaluator';
    expect(await shell.bridge.call('setupEnrol', { code: 'ABCDE-FGHJK' })).toMatchObject({ value: { ok: false, code: 'no-center' } });
    expect(await shell.bridge.call('setupEnrol', { centerUrl: `127.0.0.1:${port}`, code: 'ABCDE-FGHJK' })).toMatchObject({ value: { ok: true, state: { pending: { deviceId: 'pad-9', windowId: 'w9' } } } });
    const checks = (await shell.bridge.call('setupChecks', {})) as { value: { checks: { id: string }[] } };
    expect(checks.value.checks.map((c) => c.id)).toEqual(['network', 'printer']);
    expect(await shell.bridge.call('setupSave', {})).toMatchObject({ value: { ok: true, state: { phase: 'running', identity: { deviceId: 'pad-9' } } } });
    expect(statSync(join(dir, 'identity.json')).mode & 0o777).toBe(0o600);
    expect(readIdentityFile(dir)).toMatchObject({ deviceId: 'pad-9', password: 'p', centerHttp: `http://127.0.0.1:${port}` });
    expect(await shell.bridge.call('rate', { n: 1 })).toEqual({ ok: true, value: { ok: true } });
    await shell.stop();
  });
});
