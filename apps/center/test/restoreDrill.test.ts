// The restore drill (issue 15): the center's database is backed up online while a kiosk works, the
// kiosk goes on (its later events are acked and leave its outbox), the center's disk is lost and the
// backup restored with `hallkit-center backup restore`; the center starts and the kiosk catches it up
// from the events it kept — nothing lost, nothing doubled.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTicketNumber, NumbersLeaseResponseSchema, ticketId, TICKET_REQUESTS } from '@hallkit/core';
import { freePort } from '@hallkit/testkit';
import { DeviceLink } from '@hallkit/sync';
import type { Center } from '../src/server/Center.ts';
import { backupCommand } from '../src/cli/backup.ts';
import { ConsoleClient, openDevice, quiet, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('restore drill', () => {
  it('restore a backup, start the center, the kiosk catches up: every offline ticket once', async () => {
    const dir = tempDir('hallkit-drill-');
    const mqttPort = await freePort();
    const start = () => startCenter({ dataDir: dir, embeddedBrokerPort: mqttPort, backups: { everyHours: 0 } });
    let center: Center = await start();
    const hallId = center.hall.config.catalog.hall.id;
    center.ctx.accounts.upsertAdmin('boss', 'Boss-password-1');
    await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '取号机1' }, 'pw-kiosk-1');
    const kiosk = openDevice(dir, center.mqttUrl, hallId, 'kiosk-1', 'pw-kiosk-1');
    cleanups.push(() => kiosk.store.close());
    kiosk.link.start();
    await waitUntil('kiosk online', () => kiosk.link.status().connected, 10_000);
    const lease = await kiosk.link.request(TICKET_REQUESTS.lease, { v: 1, categoryId: 'general' }, { schema: NumbersLeaseResponseSchema, timeoutMs: 5000 });
    if (!lease.ok || !lease.body.ok) throw new Error(`lease refused: ${JSON.stringify(lease)}`);
    const block = lease.body.block;
    const issue = (i: number) => {
      const seq = block.from + i;
      const number = formatTicketNumber('A', seq);
      kiosk.store.append({ type: 'TicketIssued', v: 1, at: new Date().toISOString(), ticketId: ticketId(block.day, number), number, seq, day: block.day, categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', offline: true });
    };
    const mine = (c: Center) => [...c.hall.state.tickets.values()].filter((t) => t.issuerId === 'kiosk-1').map((t) => t.number).sort();
    const issuedEvents = (c: Center) => (c.ctx.db.prepare("SELECT count(*) AS n FROM hall_events WHERE type = 'TicketIssued' AND source = 'kiosk-1'").get() as { n: number }).n;
    const drained = () => waitUntil('kiosk outbox drained', () => kiosk.store.outbox.backlog().events === 0, 20_000);

    for (let i = 0; i < 4; i++) issue(i);
    await drained();
    // The admin's 立即备份 (the schedule does the same every few hours).
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'boss', password: 'Boss-password-1' });
    const made = await admin.post<{ ok: boolean; run: { file: string } }>('/api/admin/backups');
    expect(made.status).toBe(200);
    const backupFile = join(dir, 'backups', made.json.run.file);
    expect(existsSync(backupFile)).toBe(true);
    expect((await admin.get<{ backups: { lastOk: { file: string } | null } }>('/api/admin/view')).json.backups.lastOk?.file).toBe(made.json.run.file);

    // After the backup the hall goes on: six more offline tickets, acked, gone from the kiosk's outbox.
    for (let i = 4; i < 10; i++) issue(i);
    await drained();
    expect(mine(center)).toHaveLength(10);
    await kiosk.link.stop();
    await center.stop();

    // The center's disk is lost; the backup goes back.
    let out = '';
    const code = await backupCommand(['restore', backupFile, `--data=${dir}`], { out: (s) => (out += s), err: (s) => (out += s) });
    expect(code, out).toBe(0);
    expect(out).toMatch(/previous file is kept as .*before-restore/);
    center = await start();
    cleanups.push(() => center.stop());
    expect(mine(center)).toHaveLength(4);

    // The kiosk reconnects: the center tells it what it lacks, the kiosk sends its kept events again.
    const link = new DeviceLink({ store: kiosk.store, url: center.mqttUrl, hallId, deviceId: 'kiosk-1', password: 'pw-kiosk-1', logger: quiet, heartbeatMs: 500, ackTimeoutMs: 2000, backoff: { initialMs: 50, maxMs: 300 } });
    cleanups.push(() => link.stop());
    link.start();
    await waitUntil('the restored center caught up', () => mine(center).length === 10, 20_000);
    issue(10);
    await waitUntil('a new ticket after the restore', () => mine(center).length === 11, 20_000);
    await drained();
    expect(mine(center)).toEqual(Array.from({ length: 11 }, (_, i) => formatTicketNumber('A', block.from + i)).sort());
    expect(issuedEvents(center)).toBe(11);
    expect(center.ctx.ingest.rejected(50).filter((r) => r.deviceId === 'kiosk-1')).toEqual([]);
  }, 90_000);
});
