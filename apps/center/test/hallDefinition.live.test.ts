// A hall definition change over the real broker: saved through the admin API, it reaches a device's
// retained config and the boards' snapshot within seconds, without a restart; the waiting line stays
// as it was; a change that would strand waiting tickets is refused at the field and changes nothing;
// a restart replays across the change to the same hall; a rollback is a new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hallFingerprint,
  HallConfigSchema,
  HallSnapshotSchema,
  type HallConfig,
  type HallSnapshot,
} from '@hallkit/core';
import { Mosquitto } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

let broker: Mosquitto;
let center: Center;
const dataDir = tempDir();
const devDir = tempDir('hallkit-dev-');

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
  problems?: { path: (string | number)[]; message: string; severity: string }[];
};

describe('a live change of the hall definition', () => {
  it('reaches devices and boards without a restart, keeps the line, refuses stranding changes, survives a restart', async () => {
    const kiosk = openDevice(devDir, broker.url, 'yantai', 'kiosk-live');
    kiosk.link.onConfig('hall', 'hall', { schema: HallConfigSchema });
    let snapshot: HallSnapshot | undefined;
    kiosk.link.subscribeHall('snapshot', HallSnapshotSchema, (s) => (snapshot = s));
    kiosk.link.start();
    const hallConfig = () => HallConfigSchema.parse(kiosk.store.config.get('hall', 'hall')?.body);
    await waitUntil(
      'the kiosk has the hall definition',
      () => kiosk.store.config.get('hall', 'hall') !== undefined,
    );
    const v1 = hallConfig().version;

    const at = new Date().toISOString();
    const waiting = center.hall
      .run('center', (h) => [
        h.issueTicket({
          categoryId: 'general',
          source: 'on-site',
          priority: 'normal',
          issuerId: 'center',
          at,
        }),
        h.issueTicket({ categoryId: 'tax', source: 'on-site', priority: 'normal', issuerId: 'center', at }),
        h.issueTicket({
          categoryId: 'general',
          source: 'on-site',
          priority: 'normal',
          issuerId: 'center',
          at,
        }),
      ])
      .map((t) => t.ticketId);
    const line = () => center.hall.state.lines.categoryLine('general', 'normal').map((t) => t.id);
    const lineBefore = line();

    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    const current = (await admin.get<{ definition: HallConfig }>('/api/admin/hall-definition')).json
      .definition;
    const edited = structuredClone(current);
    edited.windows.find((w) => w.number === 250)!.categoryIds.push('general'); // a window gets a new category
    edited.catalog.categories.find((c) => c.id === 'tax')!.openingHours = [
      { weekdays: [0, 1, 2, 3, 4, 5, 6], periods: [{ from: 0, to: 1440 }] },
    ];
    edited.catalog.categories.find((c) => c.id === 'general')!.name = '综合受理（一窗通办）';
    edited.catalog.items.find((i) => i.id === 'passport')!.name = '普通护照签发（含换发）'; // an item is renamed
    const saved = await admin.post<Outcome>('/api/admin/hall-definition', {
      v: 1,
      definition: edited,
      note: '测试：调整窗口与时间',
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.version).toBe(current.version + 1);

    await waitUntil('the kiosk applied the new version', () => hallConfig().version === current.version + 1);
    expect(hallConfig().catalog.items.find((i) => i.id === 'passport')?.name).toBe('普通护照签发（含换发）');
    await waitUntil(
      'the boards show the new name',
      () => snapshot?.categories.find((c) => c.id === 'general')?.name === '综合受理（一窗通办）',
    );
    expect(line()).toEqual(lineBefore);
    expect(center.hall.state.tickets.get(waiting[1] as string)?.status).toBe('waiting');
    expect(center.hall.state.windows.get('w250')?.config.categoryIds).toContain('general');

    // Refused: removing a category that still has a line. Nothing moves.
    const before = hallFingerprint(center.hall.state);
    const versionsBefore = center.ctx.definitions.list().length;
    const bad = structuredClone(edited);
    bad.catalog.categories = bad.catalog.categories.filter((c) => c.id !== 'tax');
    bad.catalog.items = bad.catalog.items.filter((i) => i.categoryId !== 'tax');
    bad.windows = bad.windows.filter((w) => !w.categoryIds.includes('tax'));
    bad.catalog.categories[0]!.openingHours = [{ weekdays: [1], periods: [{ from: 600, to: 540 }] }];
    const refused = await admin.post<Outcome>('/api/admin/hall-definition', { v: 1, definition: bad });
    expect(refused.status).toBe(422);
    expect(refused.json.problems?.map((p) => p.path.join('.'))).toContain(
      'catalog.categories.0.openingHours.0.periods.0.to',
    );
    const stranding = await admin.post<Outcome>('/api/admin/hall-definition/check', {
      v: 1,
      definition: {
        ...bad,
        catalog: { ...bad.catalog, categories: edited.catalog.categories.filter((c) => c.id !== 'tax') },
      },
    });
    expect(stranding.json.problems?.map((p) => p.message)).toContain('「办税服务」还有 1 人在等候，不能删除');
    expect(hallFingerprint(center.hall.state)).toBe(before);
    expect(center.ctx.definitions.list()).toHaveLength(versionsBefore);
    expect(hallConfig().version).toBe(current.version + 1);
    expect(
      (
        await new ConsoleClient(center.httpUrl).post('/api/admin/hall-definition', {
          v: 1,
          definition: edited,
        })
      ).status,
    ).toBe(401);

    // A restart replays the log across the change: the same hall, the same version in force.
    await kiosk.close();
    await center.stop();
    center = await startCenter({ dataDir, mqttUrl: broker.url });
    center.ctx.accounts.upsertAdmin('admin', 'pw');
    expect(hallFingerprint(center.hall.state)).toBe(before);
    expect(center.hall.config.version).toBe(current.version + 1);

    // Rollback: the old names come back as a new version.
    const admin2 = new ConsoleClient(center.httpUrl);
    await admin2.login('admin', { username: 'admin', password: 'pw' });
    const back = await admin2.post<Outcome>('/api/admin/hall-definition/rollback', { v: 1, version: v1 });
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(center.hall.config.version).toBe(current.version + 2);
    expect(center.hall.state.categories.get('general')?.name).toBe('综合受理（一窗受理）');
    expect(line()).toEqual(lineBefore);
  }, 60_000);
});
