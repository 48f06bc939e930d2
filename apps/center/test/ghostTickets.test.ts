// Issue 15 item 2 at the real center (embedded broker, packages/sync links): a kiosk's ticket request
// names itself, so whatever order a late request, its repeat and its withdrawal reach the center in,
// no ticket is left in the line that nobody holds, and none is issued twice. (The 2.5 s stall against
// the kiosk host itself is apps/kiosk/test/ghostTickets.e2e.test.ts.)
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_REQUESTS, TicketIssueResponseSchema, TicketWithdrawResponseSchema } from '@hallkit/core';
import type { HallEvent } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { windowView } from '../src/server/views/windowView.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const dir = tempDir('hallkit-ghost-');
let center: Center;
type Device = ReturnType<typeof openDevice>;
const devices: Device[] = [];
const issueBody = { v: 1, categoryId: 'general', source: 'on-site', priority: 'normal' };
const newId = () => randomBytes(16).toString('base64url');

beforeAll(async () => {
  center = await startCenter({ dataDir: dir });
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '取号机1' }, 'pw-k1');
  await center.provisionKnown({ deviceId: 'kiosk-2', role: 'kiosk', name: '取号机2' }, 'pw-k2');
});
afterAll(async () => {
  for (const d of devices) await d.close();
  await center?.stop();
});

async function online(deviceId: string, password: string): Promise<Device> {
  const d = openDevice(dir, center.mqttUrl, center.hall.config.catalog.hall.id, deviceId, password);
  devices.push(d);
  d.link.start();
  await waitUntil(`${deviceId} online`, () => d.link.status().connected);
  return d;
}

const issue = (d: Device, requestId: string) => d.link.request(TICKET_REQUESTS.issue, { ...issueBody, requestId }, { schema: TicketIssueResponseSchema });
const withdraw = (d: Device, requestId: string) => d.link.request(TICKET_REQUESTS.withdraw, { v: 1, requestId }, { schema: TicketWithdrawResponseSchema });
const waiting = () => [...center.hall.state.tickets.values()].filter((t) => t.status === 'waiting').map((t) => t.id);

describe('ghost tickets: a ticket request is issued at most once and never after its withdrawal', () => {
  let kiosk1: Device;
  let kiosk2: Device;
  beforeAll(async () => {
    [kiosk1, kiosk2] = await Promise.all([online('kiosk-1', 'pw-k1'), online('kiosk-2', 'pw-k2')]);
  });

  it('answered late, then withdrawn: the ticket leaves the line; asked again: not issued again', async () => {
    const id = newId();
    const r = await issue(kiosk1, id);
    if (!r.ok || !r.body.ok) throw new Error('no ticket');
    expect(waiting()).toContain(r.body.ticketId);
    const w = await withdraw(kiosk1, id);
    expect(w).toMatchObject({ ok: true, body: { ok: true, outcome: 'cancelled', ticketId: r.body.ticketId } });
    expect(center.hall.state.tickets.get(r.body.ticketId)?.status).toBe('cancelled');
    // A redelivery of the same request after its withdrawal (MQTT QoS 1 after a reconnect).
    const again = await issue(kiosk1, id);
    expect(again).toMatchObject({ ok: true, body: { ok: false, code: 'withdrawn' } });
    expect(await withdraw(kiosk1, id)).toMatchObject({ ok: true, body: { ok: true, outcome: 'already-withdrawn' } });
  });

  it('withdrawn before the center got to it: never issued', async () => {
    const id = newId();
    const before = center.hall.state.tickets.size;
    expect(await withdraw(kiosk1, id)).toMatchObject({ ok: true, body: { ok: true, outcome: 'never-issued' } });
    expect(await issue(kiosk1, id)).toMatchObject({ ok: true, body: { ok: false, code: 'withdrawn' } });
    expect(center.hall.state.tickets.size).toBe(before);
  });

  it('the same request twice (a retry or a redelivery): the same ticket, not a second one', async () => {
    const id = newId();
    const [a, b] = await Promise.all([issue(kiosk1, id), issue(kiosk1, id)]);
    if (!a.ok || !a.body.ok || !b.ok || !b.body.ok) throw new Error('no ticket');
    expect(b.body.ticketId).toBe(a.body.ticketId);
    expect(b.body.number).toBe(a.body.number);
  });

  it('one kiosk cannot withdraw another kiosk’s request', async () => {
    const id = newId();
    const r = await issue(kiosk1, id);
    if (!r.ok || !r.body.ok) throw new Error('no ticket');
    expect(await withdraw(kiosk2, id)).toMatchObject({ ok: true, body: { ok: true, outcome: 'never-issued' } });
    expect(center.hall.state.tickets.get(r.body.ticketId)?.status).toBe('waiting');
  });

  it('a request and its withdrawal sent back to back, many times: never a ticket left waiting', async () => {
    const before = new Set(waiting());
    // The kiosk's own order on its one request topic: the request, then (after giving up) the withdrawal.
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const id = newId();
        const p = issue(kiosk2, id);
        const w = withdraw(kiosk2, id);
        await Promise.all([p, w]);
      }),
    );
    expect(waiting().filter((t) => !before.has(t))).toEqual([]);
  });

  it('a slip the kiosk could not print is marked at the center for the window, by the issuing kiosk only', async () => {
    const r = await issue(kiosk1, newId());
    if (!r.ok || !r.body.ok) throw new Error('no ticket');
    const id = r.body.ticketId;
    const mark = (by: string, printed: boolean): HallEvent => ({ type: 'TicketPrinted', v: 1, at: new Date().toISOString(), ticketId: id, by, printed, ...(printed ? {} : { problem: 'paper-empty' as const }) });
    const deliver = async (d: Device, e: HallEvent) => {
      d.store.append(e);
      await waitUntil('outbox drained', () => d.link.status().backlog.events === 0);
    };
    // Another kiosk cannot mark (or unmark) it.
    await deliver(kiosk2, mark('kiosk-2', false));
    expect(center.hall.state.tickets.get(id)?.unprinted).toBeUndefined();
    expect(center.ctx.ingest.rejected(50).some((x) => x.deviceId === 'kiosk-2' && x.code === 'not-issuer')).toBe(true);
    await deliver(kiosk1, mark('kiosk-1', false));
    expect(center.hall.state.tickets.get(id)?.unprinted).toBe('paper-empty');
    // The window that would call it sees the mark in its waiting list.
    const w = [...center.hall.state.windows.values()].find((x) => x.config.categoryIds.includes('general'));
    const view = w && windowView(center.hall.state, w.config.id, undefined, new Date().toISOString());
    expect(view?.waiting.find((x) => x.ticketId === id)?.unprinted ?? 'not in the first rows').toBe('paper-empty');
    await deliver(kiosk1, mark('kiosk-1', true));
    expect(center.hall.state.tickets.get(id)?.unprinted).toBeUndefined();
  });
});
