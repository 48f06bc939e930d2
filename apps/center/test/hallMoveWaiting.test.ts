// Removing a category that still has a line: the center refuses and names the stranded line; saved
// again with the admin's explicit move, the waiting tickets go to the chosen category in their order,
// the move is in the hall log (a restart replays to the same hall) and in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallFingerprint, type HallConfig } from '@hallkit/core';
import { Mosquitto } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let broker: Mosquitto;
let center: Center;
const dataDir = tempDir();

beforeAll(async () => {
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir, mqttUrl: broker.url });
  center.ctx.accounts.upsertAdmin('admin', 'pw');
});
afterAll(async () => {
  await center?.stop();
  await broker?.stop();
});

type Outcome = {
  ok: boolean;
  version?: number;
  problems?: { path: (string | number)[]; message: string; severity: string; stranded?: { categoryId: string; waiting: number } }[];
};

describe('moving a stranded line to another category', () => {
  it('is offered on refusal, done only on the admin’s choice, logged, audited and replayed', async () => {
    const t0 = Date.now() - 60_000;
    let n = 0;
    const issue = (categoryId: string) =>
      center.hall.run('center', (h) => h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'center', at: new Date(t0 + 1000 * n++).toISOString() })).ticketId;
    const tax1 = issue('tax');
    const gen1 = issue('general');
    const tax2 = issue('tax');

    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    const current = (await admin.get<{ definition: HallConfig }>('/api/admin/hall-definition')).json.definition;
    const noTax = structuredClone(current);
    noTax.catalog.categories = noTax.catalog.categories.filter((c) => c.id !== 'tax');
    noTax.catalog.items = noTax.catalog.items.filter((i) => i.categoryId !== 'tax');
    for (const w of noTax.windows) w.categoryIds = w.categoryIds.filter((c) => c !== 'tax');
    noTax.windows = noTax.windows.filter((w) => w.categoryIds.length > 0);

    const refused = await admin.post<Outcome>('/api/admin/hall-definition', { v: 1, definition: noTax });
    expect(refused.status).toBe(422);
    expect(refused.json.problems?.find((p) => p.stranded)?.stranded).toEqual({ categoryId: 'tax', waiting: 2 });
    expect(center.hall.state.tickets.get(tax1)?.categoryId).toBe('tax');

    const saved = await admin.post<Outcome>('/api/admin/hall-definition', {
      v: 1,
      definition: noTax,
      note: '办税并入综合受理',
      moves: [{ fromCategoryId: 'tax', toCategoryId: 'general' }],
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const line = () => center.hall.state.lines.categoryLine('general', 'normal').map((t) => t.id);
    expect(line()).toEqual([tax1, gen1, tax2]);
    const audit = center.ctx.db.prepare("SELECT detail FROM audit WHERE action = 'hall-definition-saved' ORDER BY n DESC LIMIT 1").get() as { detail: string } | undefined;
    expect(audit?.detail).toContain('"toCategoryId":"general"');

    const after = hallFingerprint(center.hall.state);
    await center.stop();
    center = await startCenter({ dataDir, mqttUrl: broker.url });
    expect(hallFingerprint(center.hall.state)).toBe(after);
    expect(line()).toEqual([tax1, gen1, tax2]);
  }, 60_000);
});
