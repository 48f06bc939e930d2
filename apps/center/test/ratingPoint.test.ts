// The hall's rating point (大厅评价机) at the real center (SQLite, embedded broker, device links from
// packages/sync): a kiosk scans a ticket's QR token and rates a finished service with channel
// `hall-terminal`, under the same rules as the phone — the window's pad first, once per service,
// 差评 with a reason from the hall's list, within laterRatingDays. A ticket transferred from window 5
// to window 6 is two services, each rated apart (also from the phone's link, with a comment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_RATING_REQUESTS, TicketRateResponseSchema, TicketRatingResponseSchema, type HallEvent } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const dir = tempDir('hallkit-rating-point-');
let offset = 0;
const now = () => new Date(Date.now() + offset);
let center: Center;
type Device = ReturnType<typeof openDevice>;
let kiosk: Device;
let pad5: Device;
let pad6: Device;

beforeAll(async () => {
  center = await startCenter({ dataDir: dir, now, ratingSweepMs: 100 });
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '一楼大厅取号机' }, 'pw-kiosk');
  await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'pw-pad5');
  await center.provisionKnown({ deviceId: 'pad-w6', role: 'evaluator', name: '6号窗口评价器', windowId: 'w6' }, 'pw-pad6');
  const hallId = center.hall.config.catalog.hall.id;
  kiosk = openDevice(dir, center.mqttUrl, hallId, 'kiosk-1', 'pw-kiosk');
  pad5 = openDevice(dir, center.mqttUrl, hallId, 'pad-w5', 'pw-pad5');
  pad6 = openDevice(dir, center.mqttUrl, hallId, 'pad-w6', 'pw-pad6');
  for (const d of [kiosk, pad5, pad6]) d.link.start();
  await waitUntil('devices connected', () => [kiosk, pad5, pad6].every((d) => d.link.status().connected));
}, 30_000);

afterAll(async () => {
  for (const d of [kiosk, pad5, pad6]) await d?.close();
  await center?.stop();
});

/** A citizen served at window 5 (YT0501), transferred to window 6 (YT0601), finished there. */
function transferredTicket() {
  const at = () => now().toISOString();
  const categoryId = center.hall.state.windows.get('w5')?.config.categoryIds.find((c) => center.hall.state.windows.get('w6')?.config.categoryIds.includes(c)) ?? '';
  return center.hall.run('center', (h) => {
    if (h.window('w5').status === 'closed') h.openWindow('w5', { id: 'YT0501', name: '王晓燕' }, at());
    if (h.window('w6').status === 'closed') h.openWindow('w6', { id: 'YT0601', name: '李强' }, at());
    const tk = h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
    h.callNext('w5', at());
    const [moved] = h.transfer('w5', { kind: 'window', windowId: 'w6' }, at());
    h.callNext('w6', at());
    const [fin] = h.finish('w6', 'completed', at());
    if (moved?.type !== 'TicketTransferred' || fin?.type !== 'TicketFinished') throw new Error('not served');
    return { ticketId: tk.ticketId, number: tk.number, at5: moved.serviceId, at6: fin.serviceId, token: center.ctx.tokens.tokenFor(tk.ticketId) };
  });
}

const lookUp = async (token: string, d: Device = kiosk) => d.link.request(TICKET_RATING_REQUESTS.services, { v: 1, token }, { timeoutMs: 4000, schema: TicketRatingResponseSchema });
const rate = async (body: Record<string, unknown>, d: Device = kiosk) => {
  const r = await d.link.request(TICKET_RATING_REQUESTS.rate, { v: 1, reasons: [], ...body }, { timeoutMs: 4000, schema: TicketRateResponseSchema });
  if (!r.ok) return `link:${r.reason}`;
  return r.body.ok ? 'ok' : r.body.code;
};
const services = async (token: string) => {
  const r = await lookUp(token);
  if (!r.ok || !r.body.ok) throw new Error('look-up failed');
  return r.body.services.map((s) => [s.windowNumber, s.state]);
};

describe('the kiosk as the hall’s rating point', () => {
  it('a transferred ticket: one rating per window’s service, the pad first, 差评 with the hall’s reasons, once', async () => {
    const t = transferredTicket();
    expect(await services(t.token)).toEqual([[5, 'at-window'], [6, 'at-window']]);
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'satisfied' })).toBe('evaluation-pending-at-window');

    // Window 5's pad ran out of time (the citizen had walked to window 6): the rating point may rate it now.
    pad5.store.append({ type: 'EvaluationLapsed', v: 1, at: now().toISOString(), serviceId: t.at5, ticketId: t.ticketId });
    await waitUntil('the lapse arrived', () => center.hall.state.ratings.get(t.at5)?.state === 'lapsed');
    expect(await services(t.token)).toEqual([[5, 'open'], [6, 'at-window']]);
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'dissatisfied' })).toBe('evaluation-needs-reason');
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'dissatisfied', reasons: ['rude'] })).toBe('unknown-reason');
    expect(await rate({ token: t.token, serviceId: 'someone-elses', level: 'satisfied' })).toBe('unknown-service');
    expect(await rate({ token: 'x'.repeat(24), serviceId: t.at5, level: 'satisfied' })).toBe('not-found');
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'dissatisfied', reasons: ['long-wait', 'long-wait'], comment: ' 等了四十分钟 ' })).toBe('ok');
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'very-satisfied' })).toBe('already-evaluated');

    // Window 6's pad rates its own service: a second record, not a replacement.
    pad6.store.append({ type: 'EvaluationGiven', v: 1, at: now().toISOString(), evaluationId: 'ev-pad6', serviceId: t.at6, ticketId: t.ticketId, level: 'very-satisfied', reasons: [], channel: 'hall-pad', windowId: 'w6', staffId: 'YT0601' });
    await waitUntil('the pad’s rating arrived', () => center.hall.state.ratings.get(t.at6)?.state === 'given');
    expect(await services(t.token)).toEqual([[5, 'given'], [6, 'given']]);
    const given = [...center.hall.state.evaluations.values()].filter((e) => e.ticketId === t.ticketId);
    expect(given.map((e) => [e.windowId, e.staffId, e.channel, e.level, e.reasons, e.comment])).toEqual([
      ['w5', 'YT0501', 'hall-terminal', 'dissatisfied', ['long-wait'], '等了四十分钟'],
      ['w6', 'YT0601', 'hall-pad', 'very-satisfied', [], undefined],
    ]);
    // The 差评 opened its follow-up like any other; the log names the kiosk that took it.
    const bad = given[0];
    expect(center.hall.state.followUps.get(`fu/${bad?.evaluationId ?? ''}`)?.state).toBe('open');
    const logged = [...center.hall.log.all()].filter((e: HallEvent) => e.type === 'EvaluationGiven' && e.ticketId === t.ticketId);
    expect(logged.map((e) => e.type === 'EvaluationGiven' && e.channel)).toEqual(['hall-terminal', 'hall-pad']);
  }, 30_000);

  it('only a kiosk is a rating point: a window’s pad asking is refused', async () => {
    const t = transferredTicket();
    const r = await lookUp(t.token, pad5);
    expect(r.ok).toBe(false);
    expect(await rate({ token: t.token, serviceId: t.at5, level: 'satisfied' }, pad5)).toBe('link:rejected');
    expect(center.hall.state.ratings.get(t.at5)?.state).toBe('pending');
  }, 30_000);

  it('the phone’s 补充评价 rates a chosen service of the ticket with a comment; an over-long comment is refused, not a crash', async () => {
    const t = transferredTicket();
    offset += 3 * 3600_000; // past the window's rating time and the center's grace: both open
    await waitUntil('the sweep lapsed both', () => [t.at5, t.at6].every((s) => center.hall.state.ratings.get(s)?.state === 'lapsed'), 15_000);
    const post = (body: object) => fetch(`${center.httpUrl}/api/m/t/${t.token}/rate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const long = await post({ serviceId: t.at5, level: 'satisfied', comment: '很'.repeat(250) });
    expect(long.status).toBe(400);
    const ok = await post({ serviceId: t.at5, level: 'basically-satisfied', comment: '窗口人员很耐心' });
    expect(ok.status).toBe(200);
    const view = (await ok.json()) as { services: { windowNumber: number; state: string }[]; rating: { windowNumber: number; state: string } };
    expect(view.services.map((s) => [s.windowNumber, s.state])).toEqual([[5, 'given'], [6, 'open']]);
    expect([view.rating.windowNumber, view.rating.state]).toEqual([6, 'open']);
    const mine = [...center.hall.state.evaluations.values()].filter((e) => e.ticketId === t.ticketId);
    expect(mine.map((e) => [e.windowId, e.channel, e.comment])).toEqual([['w5', 'mobile', '窗口人员很耐心']]);

    // Eight days later (Yantai rates up to 7): closed everywhere.
    offset += 8 * 86_400_000;
    expect(await services(t.token)).toEqual([[5, 'given'], [6, 'closed']]);
    expect(await rate({ token: t.token, serviceId: t.at6, level: 'satisfied' })).toBe('evaluation-closed');
  }, 40_000);

  it('a rating from the ticket’s QR code is channel 二维码 only with the mark the center printed; a forged or missing mark is 移动端', async () => {
    const t = transferredTicket();
    offset += 3 * 3600_000;
    await waitUntil('the sweep lapsed both', () => [t.at5, t.at6].every((s) => center.hall.state.ratings.get(s)?.state === 'lapsed'), 15_000);
    // What the slip's QR code (and the kiosk's and desk's screens) open: the follow page with the mark.
    const printed = new URL(center.ctx.desk.followUrl(t.ticketId));
    expect(printed.pathname).toBe(`/m/t/${t.token}`);
    const q = printed.searchParams.get('q') ?? '';
    expect(q).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const post = (body: object) => fetch(`${center.httpUrl}/api/m/t/${t.token}/rate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // A page claiming the QR code with a made-up mark is rated, as 移动端.
    expect((await post({ serviceId: t.at5, level: 'satisfied', q: q.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).status).toBe(200);
    expect((await post({ serviceId: t.at6, level: 'very-satisfied', q })).status).toBe(200);
    const mine = [...center.hall.state.evaluations.values()].filter((e) => e.ticketId === t.ticketId);
    expect(mine.map((e) => [e.windowId, e.channel])).toEqual([['w5', 'mobile'], ['w6', 'qr-code']]);
    // Another ticket's mark is not this one's.
    const other = transferredTicket();
    expect(center.ctx.tokens.isQrMark(other.token, q)).toBe(false);
  }, 40_000);
});
