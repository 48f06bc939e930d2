// (a) Durable enqueue rate: DeviceStore outbox appends vs raw better-sqlite3 inserts with the same
// pragmas (WAL, synchronous=FULL), one transaction per event as an app commits them, and 50 per
// transaction. Runs alternate and the median of 3 rounds is kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DeviceStore, type Logger } from '@hallkit/sync';
import { table, writeSection } from './report.ts';

const N = 2000;
const ROUNDS = 9;
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const event = (i: number) => ({ type: 'ticket.issued', v: 1, at: new Date().toISOString(), ticketId: `t-${i}`, service: 'SB01', number: `A${i}`, channel: 'kiosk' });

function raw(dir: string, perTx: number): number {
  const db = new Database(join(dir, `raw-${perTx}-${Math.random()}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO events (body) VALUES (?)');
  const tx = db.transaction((from: number) => {
    for (let i = from; i < from + perTx; i++) ins.run(JSON.stringify(event(i)));
  });
  const t0 = performance.now();
  for (let i = 0; i < N; i += perTx) tx.immediate(i);
  const s = (performance.now() - t0) / 1000;
  db.close();
  return N / s;
}

function outbox(dir: string, perTx: number): number {
  const store = DeviceStore.open({ path: join(dir, `outbox-${perTx}-${Math.random()}.db`), logger: silent });
  const t0 = performance.now();
  for (let i = 0; i < N; i += perTx) {
    store.transaction((tx) => {
      for (let k = i; k < i + perTx; k++) tx.append(event(k));
    });
  }
  const s = (performance.now() - t0) / 1000;
  store.close();
  return N / s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'hallkit-bench-enqueue-'));
const rows: (string | number)[][] = [];
for (const perTx of [1, 50]) {
  const r: number[] = [];
  const o: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // alternate which side goes first, so a burst of load from elsewhere hits both alike
    let rr: number;
    let oo: number;
    if (round % 2 === 0) {
      rr = raw(dir, perTx);
      oo = outbox(dir, perTx);
    } else {
      oo = outbox(dir, perTx);
      rr = raw(dir, perTx);
    }
    r.push(rr);
    o.push(oo);
    ratios.push(oo / rr);
  }
  const rm = median(r);
  const om = median(o);
  const q = median(ratios);
  const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  rows.push([perTx === 1 ? '1 event / transaction' : `${perTx} events / transaction`, Math.round(rm), Math.round(om), q.toFixed(2), spread]);
  console.log(`${perTx}/tx: raw ${Math.round(rm)}/s, outbox ${Math.round(om)}/s, median ratio ${q.toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(' ')})`);
}
rmSync(dir, { recursive: true, force: true });

writeSection(
  'sync-enqueue',
  'Sync (a): durable outbox enqueue vs raw better-sqlite3 inserts',
  `${N} domain-event-sized JSON bodies (~170 B), ${ROUNDS} alternating rounds; rates are medians, the ratio is the median of the per-round ratios. Both sides: a file with
journal_mode=WAL, synchronous=FULL, \`BEGIN IMMEDIATE\`, JSON.stringify per event. The baseline inserts into a plain
\`(seq INTEGER PRIMARY KEY, body)\` table; the outbox adds a UUID, a timestamp column and \`AUTOINCREMENT\` (seq never reused); the UUID is
deliberately not indexed.
fsync latency on this shared 2-core machine swings by 10× while other work runs, hence the spread column: only
the median ratio is meaningful.

${table(['commit pattern', 'raw inserts/s', 'outbox appends/s', 'ratio, median of rounds (aim ≥ 0.8)', 'per-round ratios (min–max)'], rows)}`,
);
