// Issue 15 item 3 at the real center (embedded broker with per-device credentials, outboxes through
// packages/sync): each request and device event is taken only from the roles that may send it; a
// cancel only from the kiosk that issued the ticket, in its own name; offline tickets cannot claim
// priority, the center's own block, a far-off clock or an unknown item; a rating dated before the
// service finished is refused; ticket requests are rate-limited per device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NumbersLeaseResponseSchema, TICKET_REQUESTS, TicketIssueResponseSchema, formatTicketNumber, hallDay, ticketId,
  type EventOf, type HallEvent,
} from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

const dir = tempDir('hallkit-roles-');
let center: Center;
type Device = ReturnType<typeof openDevice>;
const devices: Device[] = [];
const issueBody = { v: 1, categoryId: 'general', source: 'on-site', priority: 'normal' };

beforeAll(async () => {
  center = await startCenter({ dataDir: dir });
  await center.provisionKnown({ deviceId: 'kiosk-1', role: 'kiosk', name: '取号机1' }, 'pw-k1');
  await center.provisionKnown({ deviceId: 'kiosk-2', role: 'kiosk', name: '取号机2' }, 'pw-k2');
  await center.provisionKnown({ deviceId: 'board-1', role: 'call-board', name: '叫号屏' }, 'pw-b1');
  await center.provisionKnown({ deviceId: 'pad-w5', role: 'evaluator', name: '5号窗口评价器', windowId: 'w5' }, 'pw-p5');
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

async function deliver(d: Device, ...events: HallEvent[]): Promise<void> {
  for (const e of events) d.store.append(e);
  await waitUntil('outbox drained', () => d.link.status().backlog.events === 0);
}

const refusals = (deviceId: string) => center.ctx.ingest.rejected(500).filter((r) => r.deviceId === deviceId).map((r) => r.code);

describe('device roles', () => {
  let kiosk1: Device;
  let kiosk2: Device;
  let board: Device;
  let pad: Device;
  beforeAll(async () => {
    [kiosk1, kiosk2, board, pad] = await Promise.all([online('kiosk-1', 'pw-k1'), online('kiosk-2', 'pw-k2'), online('board-1', 'pw-b1'), online('pad-w5', 'pw-p5')]);
  });

  it('a call board or a pad cannot issue tickets or lease numbers', async () => {
    for (const d of [board, pad]) {
      const issued = await d.link.request(TICKET_REQUESTS.issue, { ...issueBody, priority: 'green' }, { schema: TicketIssueResponseSchema });
      expect(issued).toMatchObject({ ok: false, error: 'role-not-allowed' });
      const leased = await d.link.request(TICKET_REQUESTS.lease, { v: 1, categoryId: 'general' }, { schema: NumbersLeaseResponseSchema });
      expect(leased).toMatchObject({ ok: false, error: 'role-not-allowed' });
    }
    const fromKiosk = await kiosk1.link.request(TICKET_REQUESTS.issue, issueBody, { schema: TicketIssueResponseSchema });
    expect(fromKiosk).toMatchObject({ ok: true, body: { ok: true } });
  });

  it('a ticket is cancelled only by the kiosk that issued it, in its own name', async () => {
    const r = await kiosk1.link.request(TICKET_REQUESTS.issue, issueBody, { schema: TicketIssueResponseSchema });
    if (!r.ok || !r.body.ok) throw new Error('no ticket');
    const id = r.body.ticketId;
    const cancel = (by: string): HallEvent => ({ type: 'TicketCancelled', v: 1, at: new Date().toISOString(), ticketId: id, by });
    await deliver(pad, cancel('admin'));
    await deliver(kiosk2, cancel('kiosk-2'));
    await deliver(kiosk1, cancel('admin'));
    expect(center.hall.state.tickets.get(id)?.status).toBe('waiting');
    expect(refusals('pad-w5')).toContain('role-not-allowed');
    expect(refusals('kiosk-2')).toContain('not-issuer');
    expect(refusals('kiosk-1')).toContain('foreign-actor');
    await deliver(kiosk1, cancel('kiosk-1'));
    expect(center.hall.state.tickets.get(id)?.status).toBe('cancelled');
  });

  it('offline tickets: no claimed priority, no center block, no far-off clock, no unknown item', async () => {
    const lease = await kiosk1.link.request(TICKET_REQUESTS.lease, { v: 1, categoryId: 'social' }, { schema: NumbersLeaseResponseSchema });
    if (!lease.ok || !lease.body.ok) throw new Error('no lease');
    const b = lease.body.block;
    const leasedAt = Date.now();
    const offline = (seq: number, o: Partial<EventOf<'TicketIssued'>> = {}): EventOf<'TicketIssued'> => {
      const number = formatTicketNumber('E', seq);
      return {
        type: 'TicketIssued', v: 1, at: new Date().toISOString(), ticketId: ticketId(b.day, number), number, seq, day: b.day,
        categoryId: 'social', source: 'on-site', priority: 'normal', issuerId: 'kiosk-1', offline: true, ...o,
      };
    };
    // The center's own next number, claimed with offline:false.
    const authority = center.hall.state.numbering.get(`${b.day}/general`)?.blocks.find((x) => x.issuerId !== 'kiosk-1');
    const stolenSeq = (authority?.to ?? 50) - 1;
    const stolen = formatTicketNumber('A', stolenSeq);
    // Hours slow, but still the same hall day (else the day check refuses it anyway).
    const tz = center.hall.config.catalog.hall.timeZone;
    const hoursSlow = [5, 3, 1].map((h) => new Date(leasedAt - h * 3_600_000)).find((d) => hallDay(d, tz) === b.day) ?? new Date(leasedAt - 10 * 60_000);
    await deliver(
      kiosk1,
      offline(b.from, { priority: 'green' }),
      offline(b.from + 1, { priority: 'appointment', source: 'appointment', appointmentId: 'made-up' }),
      { ...offline(b.to), categoryId: 'general', seq: stolenSeq, number: stolen, ticketId: ticketId(b.day, stolen), offline: false },
      offline(b.from + 2, { at: hoursSlow.toISOString() }),
      offline(b.from + 3, { itemId: 'no-such-item' }),
    );
    const t = (seq: number) => center.hall.state.tickets.get(ticketId(b.day, formatTicketNumber('E', seq)));
    expect(t(b.from)?.priority).toBe('normal');
    expect(t(b.from + 1)?.priority).toBe('normal');
    expect(center.hall.state.tickets.get(ticketId(b.day, stolen))).toBeUndefined();
    expect(Date.parse(t(b.from + 2)!.queuedAt)).toBeGreaterThanOrEqual(leasedAt - 5_000);
    expect(t(b.from + 3)).toBeUndefined();
    expect(refusals('kiosk-1')).toEqual(expect.arrayContaining(['priority-not-allowed', 'not-offline', 'unknown-item', 'clock-out-of-bounds']));
  });

  it('a rating dated before the service finished is refused', async () => {
    const fin = center.hall.run('center', (h) => {
      const at = () => new Date().toISOString();
      if (h.window('w5').status === 'closed') h.openWindow('w5', { id: 'YT0501', name: '王晓燕' }, at());
      const categoryId = h.state.windows.get('w5')?.config.categoryIds[0] ?? '';
      h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
      h.callNext('w5', at());
      const [f] = h.finish('w5', 'completed', at());
      if (f?.type !== 'TicketFinished') throw new Error('not finished');
      return f;
    });
    await deliver(pad, {
      type: 'EvaluationGiven', v: 1, at: new Date(Date.parse(fin.at) - 60_000).toISOString(), evaluationId: 'ev-early', serviceId: fin.serviceId, ticketId: fin.ticketId,
      level: 'very-satisfied', reasons: [], channel: 'hall-pad', windowId: fin.windowId, staffId: fin.staffId,
    });
    expect(center.hall.state.evaluations.has('ev-early')).toBe(false);
    expect(refusals('pad-w5')).toContain('rated-before-service');
  });

  it('ticket-issue and numbers-lease are rate-limited per device', async () => {
    const answers = await Promise.all(Array.from({ length: 120 }, () => kiosk2.link.request(TICKET_REQUESTS.issue, issueBody, { schema: TicketIssueResponseSchema, timeoutMs: 20_000 })));
    const issued = answers.filter((a) => a.ok && a.body.ok).length;
    const limited = answers.filter((a) => !a.ok && a.error === 'rate-limited').length;
    expect(issued).toBeLessThanOrEqual(40);
    expect(issued + limited).toBe(120);
    const leases = await Promise.all(Array.from({ length: 40 }, () => kiosk2.link.request(TICKET_REQUESTS.lease, { v: 1, categoryId: 'tax' }, { schema: NumbersLeaseResponseSchema, timeoutMs: 20_000 })));
    expect(leases.filter((a) => !a.ok && a.error === 'rate-limited').length).toBeGreaterThan(20);
  }, 60_000);
});
