// LED window strips: a call pressed in the window console (HTTP, the real center as a child
// process) → the strip above that window shows it (center → Mosquitto → the call board's host →
// LedStrip → TCP → BX controller simulator decodes the dynamic area). Baseline in the same run: the
// same call reaching the call board's host over MQTT (the board's own figure).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, Mosquitto, PtyPair } from '@hallkit/testkit';
import { TICKET_REQUESTS, TicketIssueResponseSchema } from '@hallkit/core';
import { LedStripSimulator } from '@hallkit/devices';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import { CallerDisplayHost } from '../apps/caller-display/src/host/CallerDisplayHost.ts';
import { CenterProcess } from '../apps/caller-display/test/support/CenterProcess.ts';
import { percentile, table, writeSection } from './report.ts';

const CALLS = Number(process.env.STRIP_CALLS ?? 45);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const dir = mkdtempSync(join(tmpdir(), 'hallkit-strip-bench-'));
const broker = await Mosquitto.start();
const ports = [await freePort(), await freePort(), await freePort()];
const windows = ['w5', 'w6', 'w7'] as const;
const sims = await Promise.all(windows.map((_, i) => LedStripSimulator.start({ tcp: { port: ports[i] as number }, model: 'bx-6k1' })));
const pty = await PtyPair.create();
const center = await CenterProcess.start(broker.url, { HALLKIT_DEMO_STRIP_PORTS: ports.join(','), HALLKIT_DEMO_KEYPAD_BUS: pty.hostPath });
const host = new CallerDisplayHost({
  identity: { v: 1, hallId: 'yantai', deviceId: 'board-1', role: 'call-board', mqttUrl: broker.url, username: 'board-1', password: 'demo-board-1' },
  dataDir: join(dir, 'board-1'),
  logger: quiet,
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

try {
  host.start();
  await until(() => host.model.state().live && host.strips.windows.length === 3, 30_000);
  // Tickets to call, the way a kiosk gets them.
  const store = DeviceStore.open({ path: join(dir, 'kiosk-1.db'), logger: quiet });
  const kiosk = new DeviceLink({ store, url: broker.url, hallId: 'yantai', deviceId: 'kiosk-1', password: 'demo-kiosk-1', logger: quiet });
  kiosk.start();
  await new Promise<void>((r) => kiosk.once('connected', () => r()));
  for (let i = 0; i < CALLS + 5; i++) {
    const r = await kiosk.request(TICKET_REQUESTS.issue, { v: 1, categoryId: 'general', source: 'on-site', priority: 'normal' }, { schema: TicketIssueResponseSchema });
    if (!r.ok || !r.body.ok) throw new Error('ticket not issued');
  }
  await kiosk.stop();
  store.close();

  const cookies: Record<string, string> = {};
  for (const [w, staffNo, pin] of [['w5', 'YT0501', '0501'], ['w6', 'YT0601', '0601'], ['w7', 'YT0701', '0701']] as const) {
    const r = await fetch(`${center.httpUrl}/api/login/staff`, { method: 'POST', headers: { 'content-type': 'application/json', origin: center.httpUrl }, body: JSON.stringify({ staffNo, pin }) });
    cookies[w] = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  await new Promise((r) => setTimeout(r, 1500));

  const boardLat: number[] = [];
  const stripLat: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const w = windows[i % 3] as (typeof windows)[number];
    const sim = sims[i % 3] as LedStripSimulator;
    let stripAt = 0;
    let expect = '';
    const onShown = (t: string): void => {
      if (expect && !stripAt && t.startsWith(`${expect} `)) stripAt = performance.now();
    };
    sim.on('shown', onShown);
    const t0 = performance.now();
    const res = await fetch(`${center.httpUrl}/api/windows/${w}/call-next`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[w] as string, origin: center.httpUrl }, body: '{}' });
    const number = ((await res.json()) as { result: string }).result;
    expect = number;
    if (sim.text().startsWith(`${number} `) && !stripAt) stripAt = performance.now();
    let boardAt = 0;
    await until(() => {
      if (!boardAt && host.model.state().calls[0]?.number === number) boardAt = performance.now();
      return boardAt > 0 && stripAt > 0;
    });
    sim.off('shown', onShown);
    boardLat.push(boardAt - t0);
    stripLat.push(stripAt - t0);
    // Each controller gets a new screen at most once a second (the protocol document's refresh limit).
    await new Promise((r) => setTimeout(r, 400));
  }
  boardLat.sort((a, b) => a - b);
  stripLat.sort((a, b) => a - b);
  const row = (name: string, xs: number[]) => [name, xs.length, percentile(xs, 50).toFixed(1), percentile(xs, 99).toFixed(1), (xs.at(-1) ?? NaN).toFixed(1)];
  const p50 = percentile(stripLat, 50) / percentile(boardLat, 50);
  const p99 = percentile(stripLat, 99) / percentile(boardLat, 99);
  const body = `
A call pressed in the window console (\`POST /api/windows/w5|w6|w7/call-next\`, the real center as a
child process, Mosquitto) until the LED strip above that window shows the number — the call board's
host (\`StripDriver\`) → \`LedStrip\` → TCP → the BX controller simulator, which decodes the dynamic
area. Baseline, same calls: until the call reaches the board host's model over MQTT. Windows 5–7
in turn, 400 ms apart (each controller is written at most once a second, as the protocol asks).

${table(['path', 'calls', 'p50 ms', 'p99 ms', 'max ms'], [row('console → board host (MQTT)', boardLat), row('console → LED strip shows it', stripLat)])}

Ratio strip/board: p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}×. Requirement: the strip within 300 ms — p99 ${percentile(stripLat, 99).toFixed(0)} ms.
`;
  writeSection('ledstrip-call', 'LED window strip: console call → strip', body);
  console.log(body);
} finally {
  await host.stop();
  await center.stop();
  for (const s of sims) await s.stop();
  await pty.close();
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
}
