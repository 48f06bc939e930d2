// A day in the hall through real Mosquitto and the center: kiosk-like and evaluator-like clients
// built on packages/sync, staff and an admin over HTTP. Tickets, calls, a transfer, ratings, a bad
// review's follow-up; the state after a center restart is identical; a dispenser offline for an
// hour catches up and its tickets join the line by issue time with the numbers citizens hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mosquitto } from '@hallkit/testkit';
import {
  CallMessageSchema, TICKET_REQUESTS, HallSnapshotSchema, NumbersLeaseResponseSchema, TicketIssueResponseSchema, WindowMessageSchema, hallFingerprint, ticketId, formatTicketNumber,
  type CallMessage, type HallSnapshot, type WindowMessage,
} from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

let broker: Mosquitto;
let center: Center;
const dir = tempDir();
const devices: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  broker = await Mosquitto.start();
  center = await startCenter({ dataDir: dir, mqttUrl: broker.url });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0601', name: '李明', windowId: 'w6' }, '0601');
});

afterAll(async () => {
  for (const d of devices) await d.close();
  await center?.stop();
  await broker?.stop();
});

const issueBody = (categoryId = 'general', itemId?: string) => ({ v: 1, categoryId, source: 'on-site', priority: 'normal', ...(itemId ? { itemId } : {}) });

describe('a full day through Mosquitto and the center', () => {
  it('issues, calls, transfers, finishes, rates, follows up — and survives a restart and an offline dispenser', async () => {
    const hallId = center.hall.config.catalog.hall.id;
    // Ratings are taken only from the pad registered for the window (the devices are anonymous on this Mosquitto).
    await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'unused-on-anonymous-mosquitto');
    // Tickets are taken only from enrolled kiosks (the role comes from the center's registry).
    await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '一楼大厅取号机' }, 'unused-on-anonymous-mosquitto');
    await center.provisionKnown({ deviceId: 'kiosk-2', role: 'kiosk', name: '二楼取号机' }, 'unused-on-anonymous-mosquitto');
    const kiosk = openDevice(dir, broker.url, hallId, 'kiosk-1');
    const kiosk2 = openDevice(dir, broker.url, hallId, 'kiosk-2');
    const pad = openDevice(dir, broker.url, hallId, 'pad-w5');
    const board = openDevice(dir, broker.url, hallId, 'board-1');
    devices.push(kiosk, kiosk2, pad, board);
    const calls: CallMessage[] = [];
    let snapshot: HallSnapshot | undefined;
    let padView: WindowMessage | undefined;
    board.link.subscribeHall('calls', CallMessageSchema, (c) => calls.push(c));
    board.link.subscribeHall('snapshot', HallSnapshotSchema, (s) => (snapshot = s));
    pad.link.subscribeHall('window-w5', WindowMessageSchema, (w) => (padView = w));
    for (const d of [kiosk, kiosk2, pad, board]) d.link.start();
    await waitUntil('devices online', () => [kiosk, kiosk2, pad, board].every((d) => d.link.status().connected));

    // Staff log in at their windows (which opens them); the admin logs in.
    const w5 = new ConsoleClient(center.httpUrl);
    const w6 = new ConsoleClient(center.httpUrl);
    const admin = new ConsoleClient(center.httpUrl);
    await w5.login('staff', { staffNo: 'YT0501', pin: '0501' });
    await w6.login('staff', { staffNo: 'YT0601', pin: '0601' });
    await admin.login('admin', { username: 'admin', password: 'pw-admin' });
    expect((await w5.post('/api/windows/w6/call-next')).status).toBe(403); // staff see only their window

    // Morning: three tickets from the kiosk.
    const issued = [];
    for (const item of ['pension-registration', undefined, undefined]) {
      const r = await kiosk.link.request(TICKET_REQUESTS.issue, issueBody('general', item === 'pension-registration' ? undefined : item), { schema: TicketIssueResponseSchema, timeoutMs: 5000 });
      expect(r.ok).toBe(true);
      if (!r.ok || !r.body.ok) throw new Error('ticket refused');
      issued.push(r.body);
    }
    expect(issued.map((t) => t.number)).toEqual(['A001', 'A002', 'A003']);
    expect(issued[2]?.peopleAhead).toBe(2);
    expect(issued[0]?.followUrl).toMatch(new RegExp(`^${center.httpUrl}/m/t/[A-Za-z0-9_-]{20,}\\?q=[A-Za-z0-9_-]{16}$`));
    const refused = await kiosk.link.request(TICKET_REQUESTS.issue, issueBody('no-such-category'), { schema: TicketIssueResponseSchema, timeoutMs: 5000 });
    expect(refused.ok && !refused.body.ok && refused.body.code).toBe('unknown-category');
    await waitUntil('snapshot shows 3 waiting', () => snapshot?.categories.find((c) => c.id === 'general')?.waiting === 3);

    // Window 5 calls A001 (the board hears it), recalls it, then transfers it to window 6.
    expect((await w5.post<{ result: string }>('/api/windows/w5/call-next')).json.result).toBe('A001');
    await w5.post('/api/windows/w5/recall');
    await waitUntil('call and recall on the board', () => calls.length >= 2);
    expect(calls[0]).toMatchObject({ number: 'A001', windowNumber: 5, recall: false, voice: { text: '请A001号到5号窗口办理' } });
    expect(calls[1]).toMatchObject({ number: 'A001', recall: true });
    expect((await w5.post('/api/windows/w5/transfer', { to: { kind: 'window', windowId: 'w6' } })).status).toBe(200);
    expect((await w6.post<{ result: string }>('/api/windows/w6/call-next')).json.result).toBe('A001');
    await w6.post('/api/windows/w6/finish', { outcome: 'completed' });

    // Window 5 serves A002 and finishes: its pad is asked to rate, and the citizen gives a 差评.
    expect((await w5.post<{ result: string }>('/api/windows/w5/call-next')).json.result).toBe('A002');
    await w5.post('/api/windows/w5/finish', { outcome: 'completed' });
    await waitUntil('evaluation prompt on the pad', () => padView?.evaluation?.number === 'A002');
    const prompt = padView?.evaluation;
    if (!prompt) throw new Error('no prompt');
    expect(prompt).toMatchObject({ windowId: 'w5', staffId: 'YT0501', staffName: '王晓燕' });
    const rating = {
      type: 'EvaluationGiven', v: 1, at: new Date().toISOString(), evaluationId: 'ev-pad-w5-1', serviceId: prompt.serviceId, ticketId: prompt.ticketId,
      level: 'very-dissatisfied', reasons: ['long-wait'], comment: '等了很久', channel: 'hall-pad', windowId: prompt.windowId, staffId: prompt.staffId,
    };
    pad.store.append(rating);
    pad.store.append({ ...rating, evaluationId: 'ev-pad-w5-dup', level: 'satisfied', reasons: [] }); // a second rating: refused, still acked
    await waitUntil('pad outbox drained', () => pad.link.status().backlog.events === 0);
    await waitUntil('prompt cleared after the rating', () => padView?.evaluation === null);
    const caseId = 'fu/ev-pad-w5-1';
    const fu = center.hall.state.followUps.get(caseId);
    expect(fu?.state).toBe('open');
    expect(fu?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const adminView = await admin.get<{ followUps: { caseId: string; deadline: string; ticketNumber: string }[]; rejected: { code: string }[] }>('/api/admin/view');
    expect(adminView.json.followUps).toEqual([expect.objectContaining({ caseId, ticketNumber: 'A002', deadline: fu?.deadline })]);
    expect(adminView.json.rejected.map((r) => r.code)).toContain('already-evaluated');
    expect((await admin.post(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/advance`, { to: 'contacted', note: '已电话回访' })).status).toBe(200);
    expect(center.hall.state.followUps.get(caseId)?.history.at(-1)).toMatchObject({ to: 'contacted', by: 'admin:admin' });

    // The dispenser leases a block for offline use, then loses the center for an hour.
    const lease = await kiosk.link.request(TICKET_REQUESTS.lease, { v: 1, categoryId: 'general' }, { schema: NumbersLeaseResponseSchema, timeoutMs: 5000 });
    if (!lease.ok || !lease.body.ok) throw new Error('lease refused');
    const block = lease.body.block;
    expect(block.issuerId).toBe('kiosk-1');
    await kiosk.link.stop();
    const now = Date.now();
    // Issued after the lease (the center keeps an offline ticket's time within [its block's lease, arrival]).
    const offlineTimes = [1, 2, 3].map((ms) => now + ms);
    offlineTimes.forEach((t, i) => {
      const seq = block.from + i;
      const number = formatTicketNumber('A', seq);
      kiosk.store.append({ type: 'TicketIssued', v: 1, at: new Date(t).toISOString(), ticketId: ticketId(block.day, number), number, seq, day: block.day, categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', offline: true });
    });
    // Meanwhile the other kiosk keeps issuing online — strictly later than the offline tickets (a local
    // request can be answered within the 3 ms above, which would tie or reverse the order by chance).
    while (Date.now() <= (offlineTimes[2] as number) + 5) await new Promise((r) => setTimeout(r, 5));
    const online = await kiosk2.link.request(TICKET_REQUESTS.issue, issueBody(), { schema: TicketIssueResponseSchema, timeoutMs: 5000 });
    if (!online.ok || !online.body.ok) throw new Error('refused');

    // Before the restart: remember the whole hall.
    await waitUntil('hall settled', () => center.hall.state.eventCount > 0);
    const before = hallFingerprint(center.hall.state);
    const http = center.httpUrl;
    await center.stop();
    center = await startCenter({ dataDir: dir, mqttUrl: broker.url, httpPort: Number(new URL(http).port) });
    expect(hallFingerprint(center.hall.state)).toBe(before);
    expect(center.ctx.registry.all().map((d) => d.deviceId)).toEqual(['kiosk-1', 'kiosk-2', 'pad-w5']);

    // The kiosk comes back: its offline tickets join the line by issue time, numbers unchanged.
    const back = openDevice(dir, broker.url, hallId, 'kiosk-1');
    kiosk.store.close();
    devices.push(back);
    back.link.start();
    await waitUntil('offline tickets ingested', () => back.link.status().backlog.events === 0 && back.link.status().connected);
    const line = [...center.hall.state.tickets.values()].filter((t) => t.status === 'waiting').sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1)).map((t) => t.number);
    const offlineNumbers = [0, 1, 2].map((i) => formatTicketNumber('A', block.from + i));
    // Issued while the center was away, they queue by issue time: after A003, ahead of the online A004.
    expect(line).toEqual(['A003', ...offlineNumbers, online.body.number]);
    const w5again = new ConsoleClient(center.httpUrl);
    await w5again.login('staff', { staffNo: 'YT0501', pin: '0501' });
    expect((await w5again.post<{ result: string }>('/api/windows/w5/call-next')).json.result).toBe('A003');
  }, 60_000);
});
