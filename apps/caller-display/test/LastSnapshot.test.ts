// The board's saved snapshot in a real SQLite file: written at most every few seconds and at stop,
// read back only on the same hall day, and an unreadable row costs a warning, not the start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallSnapshot } from '@hallkit/core';
import { DeviceStore, type Logger } from '@hallkit/sync';
import { BOARD_MIGRATIONS, LastSnapshot } from '../src/host/LastSnapshot.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
}

const snap = (eventCount: number, at: string): HallSnapshot => ({
  v: 1, hallId: 'yantai', hallName: '烟台市政务服务中心', at, eventCount, categories: [], windows: [], recentCalls: [],
});

function openStore(): { store: DeviceStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hallkit-lastsnap-'));
  dirs.push(dir);
  const path = join(dir, 'board-1.db');
  return { store: DeviceStore.open({ path, migrations: BOARD_MIGRATIONS, logger: logger() }), path };
}

describe('LastSnapshot', () => {
  it('writes the newest offered snapshot at most once per interval, and at flush', async () => {
    const { store, path } = openStore();
    let now = Date.parse('2026-11-20T02:00:00Z'); // 10:00 in Yantai
    const last = new LastSnapshot({ db: store.db, logger: logger(), everyMs: 50, now: () => now });
    const writes = () => (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = writes();
    for (let i = 1; i <= 20; i++) last.offer(snap(i, new Date(now).toISOString()));
    expect(writes()).toBe(before); // nothing yet: one write per interval, not one per call
    await new Promise((r) => setTimeout(r, 120));
    expect(writes()).toBe(before + 1);
    last.offer(snap(21, new Date(now).toISOString()));
    last.flush(); // the host's stop
    store.close();

    const again = DeviceStore.open({ path, migrations: BOARD_MIGRATIONS, logger: logger() });
    now += 6 * 3600_000; // 16:00 the same day
    expect(new LastSnapshot({ db: again.db, logger: logger(), now: () => now }).load('Asia/Shanghai')?.eventCount).toBe(21);
    now += 12 * 3600_000; // 04:00 the next morning: yesterday's calls would mislead
    expect(new LastSnapshot({ db: again.db, logger: logger(), now: () => now }).load('Asia/Shanghai')).toBeNull();
    again.close();
  });

  it('an unreadable saved row is a warning and an empty start', () => {
    const { store } = openStore();
    store.db.prepare('INSERT INTO board_last_snapshot (id, body, event_count, saved_at) VALUES (1, ?, 3, ?)').run('{"v":1,"hallId":', Date.now());
    const log = logger();
    expect(new LastSnapshot({ db: store.db, logger: log }).load('Asia/Shanghai')).toBeNull();
    expect(log.warnings).toEqual(['saved snapshot unreadable; starting empty']);
    store.close();
  });
});
