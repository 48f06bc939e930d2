// Call board soak: 50,000 calls through a real board (Mosquitto → host → loopback bridge → React
// renderer in Chromium, voice on) in accelerated time; JS heap (after GC) and DOM node counts at the
// start and the end, plus samples on the way. Also the call → board latency through the broker
// (baseline: a bare MQTT subscriber in the same run) and the rebuild time after a restart.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import mqtt from 'mqtt';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, Mosquitto } from '@hallkit/testkit';
import { callAnnouncement, type CallMessage } from '@hallkit/core';
import { topics } from '@hallkit/sync';
import { HallFeed, HALL_ID } from '../apps/caller-display/test/support/HallFeed.ts';
import { BoardHarness } from '../apps/caller-display/test/support/BoardHarness.ts';
import type { CallBoardProbe } from '../apps/caller-display/src/renderer/testHook.ts';
import { percentile, table, writeSection } from './report.ts';

const CALLS = Number(process.env.SOAK_CALLS ?? 50_000);
const BATCH = 100;
setFlagsFromString('--expose-gc');
const nodeGc = runInNewContext('gc') as () => void;

const broker = await Mosquitto.start();
const feed = await HallFeed.start(broker.url);
feed.seed(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'], 3);
await feed.hallConfig();
await feed.notice('长时间运行测试：通知滚动条持续滚动');
await feed.publishSnapshot();
const board = new BoardHarness(broker.url, 'board-1', {});
await board.start();
const browser = await launchChromium();

try {
  const page = await board.open(browser, { voiceSpeed: '16' });
  await page.getByTestId('board').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  // ---- latency: broker → board shown, against a bare MQTT subscriber (baseline) -----------------
  const bare = await mqtt.connectAsync(broker.url, { clientId: `bench-bare-${process.pid}` });
  await bare.subscribeAsync(topics.hall(HALL_ID, 'calls'), { qos: 1 });
  const bareLat: number[] = [];
  const boardLat: number[] = [];
  let seq = 0;
  const synthetic = (i: number): CallMessage => {
    const number = `${'ABCDEFGHJK'[i % 10]}${String(i % 1000).padStart(3, '0')}`;
    const windowNumber = (i % 17) + 1;
    return { v: 1, ticketId: `soak-${i}`, number, categoryId: 'general', windowId: `w${windowNumber}`, windowNumber, recall: i % 23 === 0, at: feed.now(), voice: callAnnouncement(number, windowNumber) };
  };
  for (let i = 0; i < 30; i++) {
    const msg = synthetic(1_000_000 + i);
    const gotBare = new Promise<number>((resolve) => bare.once('message', () => resolve(performance.now())));
    const t0 = performance.now();
    await feed.publishCall(msg);
    await page.waitForFunction((k) => document.querySelector('[data-testid="latest-call"]')?.getAttribute('data-key') === k, `${msg.ticketId}@${msg.at}`, { polling: 'raf' });
    boardLat.push(performance.now() - t0);
    bareLat.push((await gotBare) - t0);
    await page.waitForTimeout(50);
  }
  await bare.endAsync();

  // ---- soak -----------------------------------------------------------------------------------
  const measure = async (cdpSession: CDPSession, p: Page) => {
    await cdpSession.send('HeapProfiler.collectGarbage');
    await cdpSession.send('HeapProfiler.collectGarbage');
    const heap = (await cdpSession.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await cdpSession.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
    const voice = await p.evaluate(() => (window as unknown as { __callBoard?: CallBoardProbe }).__callBoard?.voiceTotals());
    nodeGc();
    return { heapMB: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, hostHeapMB: process.memoryUsage().heapUsed / 2 ** 20, voice };
  };
  const runCalls = async (n: number) => {
    for (let i = 0; i < n; i += BATCH) {
      let last: CallMessage | undefined;
      for (let j = 0; j < BATCH && i + j < n; j++) {
        last = synthetic(seq++);
        await feed.publishCall(last);
      }
      if (seq % 100 < BATCH) await feed.publishSnapshot();
      // Paced by the board itself: the next batch goes out once this one is on screen.
      if (last) await page.waitForFunction((k) => document.querySelector('[data-testid="latest-call"]')?.getAttribute('data-key') === k, `${last.ticketId}@${last.at}`, { polling: 'raf', timeout: 30_000 });
    }
  };
  await runCalls(2_000); // warm-up: every code path compiled, every clip decoded
  const start = await measure(cdp, page);
  const samples = [{ calls: 0, ...start }];
  const t0 = performance.now();
  const step = CALLS / 5;
  for (let done = 0; done < CALLS; done += step) {
    await runCalls(step);
    samples.push({ calls: done + step, ...(await measure(cdp, page)) });
  }
  const seconds = (performance.now() - t0) / 1000;
  const end = samples.at(-1)!;

  // ---- restart: host and page from nothing to the board rebuilt from the retained snapshot -------
  await feed.publishSnapshot();
  const rebuild: number[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.stop();
    const r0 = performance.now();
    await board.start();
    await p.goto(board.url({ voice: 'off' }), { waitUntil: 'commit' });
    await p.waitForFunction(() => document.querySelectorAll('[data-testid="category"]').length === 10 && !document.querySelector('[data-testid="not-live"]'), undefined, { polling: 'raf' });
    rebuild.push(performance.now() - r0);
    await p.close();
  }

  const sb = [...boardLat].sort((a, b) => a - b);
  const sbare = [...bareLat].sort((a, b) => a - b);
  const sr = [...rebuild].sort((a, b) => a - b);
  const f = (x: number, d = 1) => x.toFixed(d);
  // The verdict is measured, not written: a board runs for weeks, so any trend over the soak fails it.
  const growth = { heap: end.heapMB / start.heapMB, nodes: end.nodes / start.nodes, host: end.hostHeapMB / start.hostHeapMB };
  const limits = { heap: 1.2, nodes: 1.1, host: 1.3 };
  const growing = (Object.keys(limits) as (keyof typeof limits)[]).filter((k) => growth[k] > limits[k]);
  const verdict = growing.length === 0 ? `flat (limits ×${limits.heap} heap, ×${limits.nodes} DOM nodes, ×${limits.host} host heap)` : `**GROWING: ${growing.join(', ')}** over the limits ×${limits.heap} / ×${limits.nodes} / ×${limits.host}`;
  if (growing.length) {
    console.error(`board soak: memory grows (${growing.join(', ')})`);
    process.exitCode = 1;
  }
  writeSection(
    'board-soak',
    'Call board: soak, call latency, restart',
    `
**Soak**: ${end.calls.toLocaleString('en')} calls (plus 2,000 warm-up) through Mosquitto → board host → loopback bridge → React
renderer in headless Chromium, voice on (clips, sped up ×16; the queue drops what it cannot say in time),
a snapshot every 100 calls, in ${f(seconds, 0)} s (${f(end.calls / seconds, 0)} calls/s). Heap after forced GC (CDP
\`HeapProfiler.collectGarbage\` + \`Runtime.getHeapUsage\`), DOM counters from \`Memory.getDOMCounters\`.

${table(
  ['calls', 'renderer JS heap (MB)', 'DOM nodes', 'JS listeners', 'host heap (MB)', 'voice said / skipped'],
  samples.map((s) => [s.calls.toLocaleString('en'), f(s.heapMB, 2), s.nodes, s.listeners, f(s.hostHeapMB, 1), `${s.voice?.said ?? 0} / ${s.voice?.skipped ?? 0}`]),
)}

End / start: renderer heap **×${f(growth.heap, 2)}**, DOM nodes **×${f(growth.nodes, 2)}**, host heap ×${f(growth.host, 2)} — ${verdict}.

**Call → board** (publish on the broker → the board's latest call on screen, 30 calls): median ${f(percentile(sb, 50))} ms,
p95 ${f(percentile(sb, 95))} ms, max ${f(sb.at(-1) ?? NaN)} ms. Baseline, a bare MQTT subscriber on the same broker: median
${f(percentile(sbare, 50))} ms — the board adds ${f(percentile(sb, 50) - percentile(sbare, 50))} ms (×${f(percentile(sb, 50) / Math.max(0.1, percentile(sbare, 50)))}).
Through the real center and its window console, \`npx vitest run apps/caller-display/test/board.center.e2e.test.ts\` prints the same path from the 叫号 click.

**Restart** (host stopped; host started and page loaded from nothing until the board shows the retained snapshot and is live),
5 times: median ${f(percentile(sr, 50), 0)} ms, max ${f(sr.at(-1) ?? NaN, 0)} ms.
`,
  );
  console.log(`soak: heap ${f(start.heapMB, 2)} → ${f(end.heapMB, 2)} MB, nodes ${start.nodes} → ${end.nodes}; latency median ${f(percentile(sb, 50))} ms; restart median ${f(percentile(sr, 50), 0)} ms`);
} finally {
  await browser.close();
  await board.dispose();
  await feed.stop();
  await broker.stop();
}
