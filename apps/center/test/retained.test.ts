// Boards render from retained messages: the notice line an admin sets, and the hall snapshot. A
// broker restarted without persistence forgets both; the center publishes them again on reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { Mosquitto } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let broker: Mosquitto;
let center: Center;

beforeAll(async () => {
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir: tempDir(), mqttUrl: broker.url });
  center.ctx.accounts.upsertAdmin('admin', 'pw');
});
afterAll(async () => {
  await center?.stop();
  await broker?.stop();
});

/** What a board that connects now gets from retained messages on one topic. */
async function retained(topic: string): Promise<Record<string, unknown>> {
  const c = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  try {
    const got = new Promise<Record<string, unknown>>((resolve) =>
      c.on('message', (_t, p) => resolve(JSON.parse(p.toString()) as Record<string, unknown>)),
    );
    await c.subscribeAsync(topic, { qos: 1 });
    return await Promise.race([
      got,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`nothing retained on ${topic}`)), 5000),
      ),
    ]);
  } finally {
    c.end(true);
  }
}

describe('retained hall state for boards', () => {
  it('publishes a default notice, then the one an admin sets (audited, versioned)', async () => {
    const first = await retained('hallkit/v1/yantai/config/notices');
    expect(first).toMatchObject({ kind: 'notices', body: { v: 1, text: expect.stringContaining('身份证') } });
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    const r = await admin.post<{ version: number }>('/api/admin/notice', {
      text: '今日下午16:00起暂停受理公积金业务',
    });
    expect(r.status).toBe(200);
    const next = await retained('hallkit/v1/yantai/config/notices');
    expect(next).toMatchObject({
      version: (first.version as number) + 1,
      body: { text: '今日下午16:00起暂停受理公积金业务' },
    });
    expect((await new ConsoleClient(center.httpUrl).post('/api/admin/notice', { text: 'x' })).status).toBe(
      401,
    );
  });

  it('republishes the snapshot and config after the broker restarts empty', async () => {
    await broker.stop();
    await broker.resume();
    await expect
      .poll(
        async () =>
          (await retained('hallkit/v1/yantai/hall/snapshot').catch(() => ({}))) as Record<string, unknown>,
        { timeout: 15_000, interval: 500 },
      )
      .toMatchObject({ name: 'snapshot', body: { hallId: 'yantai' } });
    expect(await retained('hallkit/v1/yantai/config/notices')).toMatchObject({
      body: { text: '今日下午16:00起暂停受理公积金业务' },
    });
  }, 30_000);
});
