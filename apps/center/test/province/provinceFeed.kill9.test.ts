// Exactly once through power cuts: the real center process (its demo: two weeks of generated
// history, thousands of ratings, lapses and follow-up steps) delivers to the receiver stand-in, is
// killed with SIGKILL twice mid-delivery, restarts into a receiver that is down or drops connections
// or loses answers — records sent in batches of 10 — and in the end the province holds every record
// of the log exactly once (the receiver counts the repeats it refused to keep), and the center's
// outbox has nothing left.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProvinceReceiverStandIn } from '../../src/server/province/standin/ProvinceReceiverStandIn.ts';
import { CenterProcess } from '../support/CenterProcess.ts';
import { tempDir, waitUntil } from '../support/centerHarness.ts';

const TOKEN = 'province-token-kill9-0123456789';
const FEED_TYPES = "('EvaluationGiven', 'EvaluationLapsed', 'FollowUpOpened', 'FollowUpAdvanced', 'EvaluationAppealed', 'EvaluationAppealDecided')";
let center: CenterProcess | undefined;
let receiver: ProvinceReceiverStandIn | undefined;
afterAll(async () => {
  await center?.stop();
  await receiver?.close();
});

describe('provincial 好差评 feed across kill -9', () => {
  it('delivers every record exactly once through restarts and receiver outages', async () => {
    receiver = new ProvinceReceiverStandIn(TOKEN);
    const endpoint = await receiver.listen();
    const dir = tempDir('hallkit-province-kill9-');
    const settingsFile = join(dir, 'province-feed.json');
    const secretsFile = join(dir, 'province-feed-secrets.json');
    writeFileSync(settingsFile, JSON.stringify({ v: 1, transport: 'http-json', endpoint, regionCode: '370602000000', retryBaseSeconds: 0.05, retryMaxSeconds: 0.3, timeoutSeconds: 3, batchSize: 10 }));
    writeFileSync(secretsFile, JSON.stringify({ token: TOKEN }), { mode: 0o600 });
    chmodSync(secretsFile, 0o600);
    center = new CenterProcess(join(dir, 'data'), { HALLKIT_PROVINCE_FEED: settingsFile, HALLKIT_PROVINCE_FEED_SECRETS: secretsFile });
    const c = center;
    const events = () => c.query<{ n: number }>(`SELECT count(*) AS n FROM hall_events WHERE type IN ${FEED_TYPES}`)[0]!.n;

    await c.start();
    const total = events();
    expect(total).toBeGreaterThan(2000);
    // 1. Killed mid-delivery.
    await waitUntil('some records delivered', () => receiver!.records.size >= 300, 60_000);
    await c.kill9();
    const afterFirst = receiver.records.size;
    expect(afterFirst).toBeLessThan(total);

    // 2. Restarts into a receiver that drops connections, then one that loses its answers; killed again.
    receiver.outage = 'reset';
    const requestsBefore = receiver.requests;
    await c.start();
    await waitUntil('attempts against the dropped connections', () => receiver!.requests >= requestsBefore + 5, 30_000);
    receiver.loseAnswers = 4;
    receiver.outage = 'none';
    await waitUntil('more records delivered', () => receiver!.records.size >= afterFirst + 300, 60_000);
    await c.kill9();
    expect(receiver.records.size).toBeLessThan(total);

    // 3. Restarts while the province is down, which comes back.
    receiver.outage = 'unavailable';
    await c.start();
    await new Promise((r) => setTimeout(r, 1000));
    receiver.outage = 'none';
    await waitUntil('every record delivered', () => receiver!.records.size >= events(), 120_000);
    await c.stop();

    // The province holds each record of the log once; the repeats it was sent were counted, not kept.
    expect(receiver.records.size).toBe(events());
    expect(receiver.duplicates).toBeGreaterThanOrEqual(4);
    const outbox = c.query<{ status: string; n: number }>('SELECT status, count(*) AS n FROM province_outbox GROUP BY status');
    expect(outbox).toEqual([{ status: 'delivered', n: events() }]);
    const ids = new Set(c.query<{ record_id: string }>('SELECT record_id FROM province_outbox').map((r) => r.record_id));
    expect([...receiver.records.keys()].every((id) => ids.has(id))).toBe(true);
  }, 900_000);
});
