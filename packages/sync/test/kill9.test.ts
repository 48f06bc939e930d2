// kill -9 of real device processes at random points while they record and sync; restarted each time.
// The center (this process, its own SQLite file) must end with every event the devices committed,
// exactly once, in per-device order. 2 devices × 5,000 = 10,000 events.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Mosquitto } from '@hallkit/testkit';
import { TestCenter } from './support/center.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/device-process.ts', import.meta.url));
const PER_DEVICE = 5000;
const HALL = 'hall-k9';

let broker: Mosquitto;
let center: TestCenter;
let dir: string;
beforeAll(async () => {
  broker = await Mosquitto.start();
  dir = mkdtempSync(join(tmpdir(), 'hallkit-sync-kill9-'));
  center = await TestCenter.start(broker.url, dir, HALL);
});
afterAll(async () => {
  await center?.close();
  await broker?.stop();
});

function run(deviceId: string): { child: ChildProcess; exited: Promise<number | null>; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, join(dir, `${deviceId}.db`), broker.url, HALL, deviceId, String(PER_DEVICE)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
  return { child, exited, ready };
}

const MAX_KILLS = 10; // per device: bounds the runtime on a loaded machine, where each run gets less done

/** Restart the device after every kill until it finishes on its own; returns how many kills. */
async function torture(deviceId: string, random: () => number): Promise<number> {
  let kills = 0;
  for (;;) {
    const p = run(deviceId);
    await Promise.race([p.ready, p.exited]);
    const delay = kills < MAX_KILLS ? 200 + random() * 1300 : 600_000;
    const timer = new Promise<'kill'>((r) => setTimeout(() => r('kill'), delay));
    const outcome = await Promise.race([p.exited.then(() => 'exit' as const), timer]);
    if (outcome === 'exit') {
      expect(p.child.exitCode).toBe(0);
      return kills;
    }
    p.child.kill('SIGKILL');
    await p.exited;
    kills++;
  }
}

function journal(deviceId: string): { n: number; seq: number; event_id: string }[] {
  const db = new Database(join(dir, `${deviceId}.db`), { readonly: true });
  try {
    return db.prepare('SELECT n, seq, event_id FROM journal ORDER BY n').all() as { n: number; seq: number; event_id: string }[];
  } finally {
    db.close();
  }
}

it('every committed event reaches the center exactly once, in per-device order, across random kill -9', async () => {
  let s = 42; // seeded, so a failure can be replayed
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const t0 = Date.now();
  const kills = await Promise.all(['kiosk-k1', 'kiosk-k2'].map((d) => torture(d, random)));
  for (const deviceId of ['kiosk-k1', 'kiosk-k2']) {
    const recorded = journal(deviceId);
    expect(recorded.length).toBe(PER_DEVICE);
    const received = center.rows(deviceId);
    expect(received.length).toBe(PER_DEVICE); // no loss, no double
    expect(received.map((r) => r.event_id)).toEqual(recorded.map((r) => r.event_id)); // same events, same order
    expect(received.map((r) => r.seq)).toEqual(Array.from({ length: PER_DEVICE }, (_, i) => i + 1));
    expect(received.map((r) => (JSON.parse(r.body) as { n: number }).n)).toEqual(recorded.map((r) => r.n));
  }
  console.log(`kill -9: ${kills.join(' + ')} kills, ${2 * PER_DEVICE} events, ${center.ingest.counters.get('duplicates')} duplicates ignored, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(kills[0]! + kills[1]!).toBeGreaterThanOrEqual(6);
}, 150_000);
