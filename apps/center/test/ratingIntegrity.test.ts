// 好差评 integrity at the real center (SQLite, embedded broker with per-device credentials, device
// outboxes through packages/sync): only the pad enrolled for the serving window may rate or lapse a
// service; refused events are recorded and still acked; the center's sweep lapses abandoned ratings
// (the admin's stats show them), and a pad that was offline for hours still delivers a rating the
// citizen made in time — it replaces the lapse, counted once; a restart replays the same hall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallFingerprint, type EventOf, type HallEvent } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import type { EvaluationStats } from '../src/server/views/evaluationStats.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const dir = tempDir('hallkit-rating-');
/**
 * The center's clock: 10:00 of today in the hall (Asia/Shanghai) whenever the test runs, moved hours
 * ahead to reach the sweep's due time — still the same hall-day, so the restart below has no day to
 * close (run from the real clock, CI between 21:00 and midnight in the hall crossed it and the
 * restarted center rightly closed the day).
 */
const HALL_UTC_OFFSET_MS = 8 * 3600_000;
const hallTenToday = () => {
  const local = new Date(Date.now() + HALL_UTC_OFFSET_MS);
  local.setUTCHours(10, 0, 0, 0);
  return local.getTime() - HALL_UTC_OFFSET_MS;
};
let offset = hallTenToday() - Date.now();
const now = () => new Date(Date.now() + offset);
let center: Center;
let admin: ConsoleClient;
type Device = ReturnType<typeof openDevice>;
const devices: Device[] = [];
/** Window 5's pad: one outbox for the whole file (the center dedupes on device and sequence). */
let pad5: Device;

beforeAll(async () => {
  center = await startCenter({ dataDir: dir, now, ratingSweepMs: 100 });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'pw-pad5');
  await center.provisionKnown({ deviceId: 'pad-w6', role: 'evaluator', name: '6号窗口评价器', windowId: 'w6' }, 'pw-pad6');
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '一楼大厅取号机' }, 'pw-kiosk');
  admin = new ConsoleClient(center.httpUrl);
  await admin.login('admin', { username: 'admin', password: 'pw-admin' });
  pad5 = device('pad-w5', 'pw-pad5');
});

afterAll(async () => {
  for (const d of devices) await d.close();
  await center?.stop();
});

function device(deviceId: string, password: string): Device {
  const d = openDevice(dir, center.mqttUrl, center.hall.config.catalog.hall.id, deviceId, password);
  devices.push(d);
  return d;
}

/** Staff at window 5 serve one citizen; returns what the pad's prompt carries. */
function serveAtW5() {
  const at = () => now().toISOString();
  const categoryId = center.hall.state.windows.get('w5')?.config.categoryIds[0] ?? '';
  return center.hall.run('center', (h) => {
    if (h.window('w5').status === 'closed') h.openWindow('w5', { id: 'YT0501', name: '王晓燕' }, at());
    h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
    h.callNext('w5', at());
    const [fin] = h.finish('w5', 'completed', at());
    if (fin?.type !== 'TicketFinished') throw new Error('not finished');
    return fin;
  });
}

function rating(fin: EventOf<'TicketFinished'>, evaluationId: string, o: Partial<EventOf<'EvaluationGiven'>> = {}): EventOf<'EvaluationGiven'> {
  return {
    type: 'EvaluationGiven', v: 1, at: new Date(Date.parse(fin.at) + 10_000).toISOString(), evaluationId, serviceId: fin.serviceId, ticketId: fin.ticketId,
    level: 'satisfied', reasons: [], channel: 'hall-pad', windowId: fin.windowId, staffId: fin.staffId, ...o,
  };
}

async function deliver(d: Device, ...events: HallEvent[]): Promise<void> {
  for (const e of events) d.store.append(e);
  await waitUntil('outbox drained (refused events are acked too)', () => d.link.status().connected && d.link.status().backlog.events === 0);
}

async function adminView() {
  return (await admin.get<{ evaluations: EvaluationStats; rejected: { deviceId: string; code: string; eventType: string | null }[] }>('/api/admin/view')).json;
}

describe('ratings come only from the window’s own pad', () => {
  it('a kiosk, another window’s pad, a misattributed rating: refused and acked; the pad of window 5 is accepted', async () => {
    const kiosk = device('kiosk-1', 'pw-kiosk');
    const pad6 = device('pad-w6', 'pw-pad6');
    for (const d of [kiosk, pad6, pad5]) d.link.start();
    const fin = serveAtW5();

    await deliver(
      kiosk,
      rating(fin, 'ev-kiosk'),
      rating(fin, 'ev-kiosk-mobile', { channel: 'mobile' }),
      { type: 'EvaluationLapsed', v: 1, at: fin.at, serviceId: fin.serviceId, ticketId: fin.ticketId },
    );
    await deliver(pad6, rating(fin, 'ev-pad6', { windowId: 'w6' }), rating(fin, 'ev-pad6b'));
    await deliver(pad5, rating(fin, 'ev-staff', { staffId: 'YT9999' }), { type: 'EvaluationLapsed', v: 1, at: fin.at, serviceId: fin.serviceId, ticketId: fin.ticketId, by: 'center' });
    expect(center.hall.state.evaluations.size).toBe(0);
    expect(center.hall.state.ratings.get(fin.serviceId)?.state).toBe('pending');

    await deliver(pad5, rating(fin, 'ev-pad5', { level: 'very-satisfied' }));
    expect(center.hall.state.evaluations.get('ev-pad5')).toMatchObject({ serviceId: fin.serviceId, windowId: 'w5', staffId: 'YT0501', channel: 'hall-pad' });
    const view = await adminView();
    expect(view.rejected.map((r) => [r.deviceId, r.eventType, r.code]).reverse()).toEqual([
      ['kiosk-1', 'EvaluationGiven', 'not-window-pad'],
      ['kiosk-1', 'EvaluationGiven', 'channel-not-allowed'],
      ['kiosk-1', 'EvaluationLapsed', 'not-window-pad'],
      ['pad-w6', 'EvaluationGiven', 'wrong-window-pad'],
      ['pad-w6', 'EvaluationGiven', 'wrong-window-pad'],
      ['pad-w5', 'EvaluationGiven', 'evaluation-mismatch'],
      ['pad-w5', 'EvaluationLapsed', 'not-device-event'],
    ]);
    expect(view.evaluations).toMatchObject({ total: 1, lapsed: 0 });
    for (const d of [kiosk, pad6, pad5]) await d.link.stop();
  }, 30_000);
});

describe('the center’s sweep and a pad that was offline', () => {
  it('lapses an abandoned rating (stats show it); the pad’s in-time rating hours later replaces it, once; a restart replays the same hall', async () => {
    const before = await adminView();
    const abandoned = serveAtW5(); // its pad is broken: never a word
    const late = serveAtW5(); // its pad rated in time but is offline
    pad5.store.append(rating(late, 'ev-late', { level: 'dissatisfied', reasons: ['long-wait'] }));

    // Not yet due: nothing lapses.
    expect(center.sweepRatings()).toBe(0);
    offset += 3 * 3600_000;
    await waitUntil('the sweep lapsed both', () => [abandoned, late].every((f) => center.hall.state.ratings.get(f.serviceId)?.state === 'lapsed'));
    expect(center.hall.state.ratings.get(abandoned.serviceId)).toMatchObject({ state: 'lapsed', lapsedBy: 'center' });
    const lapsedEvents = [...center.hall.log.all()].filter((e) => e.type === 'EvaluationLapsed');
    expect(lapsedEvents.map((e) => e.type === 'EvaluationLapsed' && [e.serviceId, e.by])).toEqual([
      [abandoned.serviceId, 'center'],
      [late.serviceId, 'center'],
    ]);
    let view = await adminView();
    expect([view.evaluations.total, view.evaluations.lapsed]).toEqual([before.evaluations.total, before.evaluations.lapsed + 2]);

    // The pad comes back hours later: the citizen's in-time rating counts, and replaces that lapse.
    pad5.link.start();
    await waitUntil('late rating delivered', () => pad5.link.status().connected && pad5.link.status().backlog.events === 0);
    expect(center.hall.state.ratings.get(late.serviceId)).toMatchObject({ state: 'given', evaluationId: 'ev-late' });
    expect(center.hall.state.followUps.get('fu/ev-late')?.state).toBe('open');
    view = await adminView();
    expect([view.evaluations.total, view.evaluations.lapsed]).toEqual([before.evaluations.total + 1, before.evaluations.lapsed + 1]);
    expect(view.rejected).toHaveLength(before.rejected.length);
    // Sent again (an ack lost on the way): refused, still one rating.
    await deliver(pad5, rating(late, 'ev-late'));
    expect([...center.hall.state.evaluations.values()].filter((e) => e.serviceId === late.serviceId)).toHaveLength(1);
    await pad5.link.stop();

    // The event log alone rebuilds the same hall: the sweep's lapses carry their time.
    const fingerprint = hallFingerprint(center.hall.state);
    const port = Number(new URL(center.httpUrl).port);
    await center.stop();
    center = await startCenter({ dataDir: dir, now, ratingSweepMs: 100, httpPort: port });
    expect(hallFingerprint(center.hall.state)).toBe(fingerprint);
  }, 30_000);
});
