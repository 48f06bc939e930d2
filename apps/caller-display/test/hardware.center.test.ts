// Issue 19 end to end over real TCP and real PTYs: the real center (child process) and broker, the
// call board's host driving LED strips on BX controller simulators and a keypad bus on a socat PTY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, Mosquitto, PtyPair } from '@hallkit/testkit';
import { KEYPAD_ACTION_REQUEST, KeypadActionResultSchema, TICKET_REQUESTS, TicketIssueResponseSchema } from '@hallkit/core';
import { KeypadSimulator, LedStripSimulator } from '@hallkit/devices';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import { CallerDisplayHost } from '../src/host/CallerDisplayHost.ts';
import { CenterProcess } from './support/CenterProcess.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const dir = mkdtempSync(join(tmpdir(), 'hallkit-hw-'));
let broker: Mosquitto;
let center: CenterProcess;
let host: CallerDisplayHost;
let pty: PtyPair;
let keypads: KeypadSimulator;
const strips: Record<string, LedStripSimulator> = {};

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

class Console {
  private cookie = '';
  constructor(private readonly base: string) {}
  async login(staffNo: string, pin: string): Promise<void> {
    const r = await fetch(`${this.base}/api/login/staff`, { method: 'POST', headers: { 'content-type': 'application/json', origin: this.base }, body: JSON.stringify({ staffNo, pin }) });
    if (!r.ok) throw new Error(`login failed: ${r.status}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  async act(windowId: string, action: string): Promise<{ status: number; json: { result?: string | null; view?: unknown } }> {
    const r = await fetch(`${this.base}/api/windows/${windowId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: this.cookie, origin: this.base }, body: '{}' });
    return { status: r.status, json: (await r.json()) as { result?: string | null } };
  }
}

async function issueTickets(n: number): Promise<void> {
  const store = DeviceStore.open({ path: join(dir, 'kiosk-1.db'), logger: quiet });
  const link = new DeviceLink({ store, url: broker.url, hallId: 'yantai', deviceId: 'kiosk-1', password: 'demo-kiosk-1', logger: quiet });
  link.start();
  await new Promise<void>((resolve) => link.once('connected', () => resolve()));
  for (let i = 0; i < n; i++) {
    const r = await link.request(TICKET_REQUESTS.issue, { v: 1, categoryId: 'general', source: 'on-site', priority: 'normal' }, { schema: TicketIssueResponseSchema });
    if (!r.ok || !r.body.ok) throw new Error(`ticket not issued: ${JSON.stringify(r)}`);
  }
  await link.stop();
  store.close();
}

beforeAll(async () => {
  broker = await Mosquitto.start();
  const ports = [await freePort(), await freePort(), await freePort()];
  const models = ['bx-6k1', 'bx-6k1-yy', 'bx-5mk2'];
  for (const [i, w] of ['w5', 'w6', 'w7'].entries()) strips[w] = await LedStripSimulator.start({ tcp: { port: ports[i] as number }, model: models[i] as string, minRefreshMs: 1000 });
  pty = await PtyPair.create();
  keypads = await KeypadSimulator.start({ serialPath: pty.devicePath, addresses: [6], echoTimeoutMs: 600 });
  center = await CenterProcess.start(broker.url, { HALLKIT_DEMO_STRIP_PORTS: ports.join(','), HALLKIT_DEMO_KEYPAD_BUS: pty.hostPath });
  host = new CallerDisplayHost({
    identity: { v: 1, hallId: 'yantai', deviceId: 'board-1', role: 'call-board', mqttUrl: broker.url, username: 'board-1', password: 'demo-board-1' },
    dataDir: join(dir, 'board-1'),
    logger: quiet,
    backoff: { initialMs: 100, maxMs: 500 },
    hardware: { strip: { keepAliveMs: 300, commandTimeoutMs: 500, reconnectMinMs: 100, reconnectMaxMs: 300 }, bus: { beepGapMs: 30 } },
  });
  host.start();
  await waitFor(() => host.model.state().live && host.model.state().snapshot !== null, 30_000, 'board live');
  await waitFor(() => host.strips.windows.length === 3, 10_000, 'three strips configured');
  await issueTickets(12);
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await center?.stop();
  await keypads?.stop();
  await pty?.close();
  for (const s of Object.values(strips)) await s.stop();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('LED strips and caller keypads with the real center', () => {
  it('idle strips show their window and staff', async () => {
    await strips.w5?.waitForText('5号窗口', 10_000);
    await strips.w6?.waitForText('6号窗口', 10_000);
    expect(strips.w5?.problems).toEqual([]);
  }, 60_000);

  it('a call at window 5 from the web console appears on window 5’s strip', async () => {
    const console5 = new Console(center.httpUrl);
    await console5.login('YT0501', '0501');
    const r = await console5.act('w5', 'call-next');
    expect(r.status).toBe(200);
    const number = r.json.result as string;
    expect(number).toMatch(/^[A-Z]\d{3}$/);
    await strips.w5?.waitForText(`${number} 请到5号窗口`, 15_000);
    expect(strips.w5?.text()).toBe(`${number} 请到5号窗口\n王晓燕`);
    // Window 5's card has no voice; the other strips did not change to this call.
    expect(strips.w5?.spoken).toEqual([]);
    expect(strips.w6?.text()).not.toContain(number);
  }, 60_000);

  it('a keypad call at window 6 calls the next ticket; the board, the keypad and the strip follow, and the voice card says it', async () => {
    const console6 = new Console(center.httpUrl);
    await console6.login('YT0601', '0601');
    const before = host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket ?? null;
    expect(await keypads.press(6, { action: 'call-next' })).toMatchObject({ acked: true });
    await waitFor(() => {
      const cur = host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket ?? null;
      return cur !== null && cur !== before;
    }, 10_000, 'board shows the new ticket at w6');
    const number = host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket as string;
    await strips.w6?.waitForText(`${number} 请到6号窗口`, 15_000);
    await waitFor(() => keypads.display(6).endsWith(number.slice(-3)), 15_000, 'keypad digits');
    await waitFor(() => (strips.w6?.spoken ?? []).some((s) => s.includes(number)), 15_000, 'the card says the call');
    expect(host.keypads.outcomes.at(-1)).toMatchObject({ address: 6, windowId: 'w6', action: 'call-next', result: 'done' });
    await waitFor(() => (keypads.keypads.get(6)?.beeps ?? 0) >= 1, 15_000, 'the ok beep');
    // The console sees the same ticket at its window.
    const view = (await (await fetch(`${center.httpUrl}/api/windows/w6`, { headers: {} })).status);
    expect([200, 401, 403]).toContain(view);
  }, 40_000);

  it('pause on the keypad pauses the window (the strip says 暂停服务); pressed again it resumes', async () => {
    await keypads.press(6, { action: 'pause' });
    await strips.w6?.waitForText('暂停服务', 15_000);
    await waitFor(() => host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.status === 'paused', 15_000, 'w6 paused');
    await new Promise((r) => setTimeout(r, 900)); // two presses of one key inside the repeat window are one press
    await keypads.press(6, { action: 'pause' });
    await waitFor(() => host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.status === 'open', 15_000, 'w6 open again');
  }, 60_000);

  it('the center refuses what it would refuse the console: a keypad that is not this device’s, a late press; a repeated press is answered once', async () => {
    const ask = (body: Record<string, unknown>) => host.link.request(KEYPAD_ACTION_REQUEST, { v: 1, pressId: randomUUID(), address: 6, windowId: 'w6', action: 'recall', deadline: Date.now() + 60_000, ...body }, { schema: KeypadActionResultSchema });
    const wrong = await ask({ windowId: 'w7' });
    expect(wrong.ok && wrong.body).toMatchObject({ ok: false, code: 'not-your-keypad' });
    const late = await ask({ deadline: Date.now() - 5000 });
    expect(late.ok && late.body).toMatchObject({ ok: false, code: 'expired' });
    const events = () => host.model.state().snapshot?.eventCount ?? 0;
    const pressId = randomUUID();
    const first = await ask({ pressId, action: 'call-next' });
    expect(first.ok && first.body.ok).toBe(true);
    const called = first.ok ? first.body.called : null;
    await waitFor(() => host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket === called, 15_000, 'snapshot after the call');
    const count = events();
    const again = await ask({ pressId, action: 'call-next' });
    expect(again.ok && again.body).toMatchObject({ ok: true, repeated: true, called });
    await new Promise((r) => setTimeout(r, 500));
    expect(events()).toBe(count);
  }, 60_000);

  it('a keypad press while the center is unreachable is refused with three beeps and never applied later', async () => {
    const beeps = keypads.keypads.get(6)?.beeps ?? 0;
    const before = host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket;
    await center.pause();
    try {
      await keypads.press(6, { action: 'call-next' });
      await waitFor(() => host.keypads.outcomes.at(-1)?.result === 'offline', 15_000, 'offline outcome');
      await waitFor(() => (keypads.keypads.get(6)?.beeps ?? 0) >= beeps + 3, 15_000, 'three beeps');
    } finally {
      await center.resume();
    }
    // The center comes back and finds the press past its deadline: the window still serves the same ticket.
    await new Promise((r) => setTimeout(r, 1500));
    const console6 = new Console(center.httpUrl);
    await console6.login('YT0601', '0601');
    const r = await console6.act('w6', 'recall');
    expect(r.status).toBe(200);
    await waitFor(() => (host.model.state().snapshot?.eventCount ?? 0) > 0, 15_000, 'snapshot');
    expect(host.model.state().snapshot?.windows.find((w) => w.id === 'w6')?.currentTicket).toBe(before);
  }, 60_000);

  it('a controller unplugged and plugged in again catches up with the current state', async () => {
    const sim = strips.w5 as LedStripSimulator;
    await sim.powerOff();
    await waitFor(() => host.strips.health().find((h) => h.windowId === 'w5')?.power === 'offline', 10_000, 'w5 strip offline');
    expect(host.strips.problems().some((p) => p.includes('w5'))).toBe(true);
    const console5 = new Console(center.httpUrl);
    await console5.login('YT0501', '0501');
    const r = await console5.act('w5', 'call-next');
    const number = r.json.result as string;
    await waitFor(() => (host.strips.health().find((h) => h.windowId === 'w5')?.showing ?? '').includes(number), 10_000, 'the driver has the new screen');
    await sim.powerOn();
    await sim.waitForText(`${number} 请到5号窗口`, 10_000);
    await waitFor(() => host.strips.problems().length === 0, 20_000, 'strip healthy again');
  }, 60_000);
});
