// The upgrade path: a center database and a kiosk store written by the previous release (main at
// 7e5d465, committed fixtures) open under this build, keep every record, and the kiosk's outbox goes
// on where it stopped — its next event is taken once, not acked as an old duplicate.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import type { Center } from '../src/server/Center.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('upgrade from the previous release', () => {
  it('migrates the center database and the kiosk store of release 7e5d465 and carries on', async () => {
    const dir = tempDir('hallkit-upgrade-');
    copyFileSync(fixture('center-release-7e5d465.sqlite'), join(dir, 'center.sqlite'));
    copyFileSync(fixture('kiosk-1-release-7e5d465.sqlite'), join(dir, 'kiosk-1.sqlite'));
    const center: Center = await startCenter({ dataDir: dir });
    cleanups.push(() => center.stop());
    const db = center.ctx.db;
    expect((db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n).toBeGreaterThanOrEqual(12);
    // The release's single mark per device became the kiosk's store mark.
    expect(center.ctx.ingest.outbox.highWaterMark('kiosk-1')).toBe(3);

    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'fixture-admin-pw' });
    expect((await admin.get('/api/admin/view')).status).toBe(200);

    const kiosk = openDevice(dir, center.mqttUrl, center.hall.config.catalog.hall.id, 'kiosk-1', 'demo-kiosk-1');
    cleanups.push(() => kiosk.close());
    const before = (db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n;
    const storeId = kiosk.store.incarnation.id;
    kiosk.store.append({ type: 'TicketCancelled', v: 1, at: new Date().toISOString(), ticketId: 'nope/none', by: 'kiosk-1' });
    kiosk.link.start();
    await waitUntil('kiosk event acked', () => kiosk.store.outbox.backlog().events === 0, 20_000);
    expect(center.ctx.ingest.outbox.highWaterMark('kiosk-1', storeId)).toBe(4);
    // Taken (it reached the domain, which refused the unknown ticket) — not swallowed as a duplicate.
    const rejected = center.ctx.ingest.rejected(5).filter((r) => r.deviceId === 'kiosk-1' && r.seq === 4);
    const applied = (db.prepare('SELECT count(*) AS n FROM hall_events').get() as { n: number }).n - before;
    expect(rejected.length + applied).toBe(1);
  });
});
