// Issue 15 item 2 against the real kiosk host and the real center (child process, own Mosquitto):
// a center that stalls 2.5 s answers the kiosk's request after the kiosk already printed from its own
// block — that late answer must not leave a second ticket nobody holds. A kiosk whose disk is full
// cannot keep the center's answer: the center's ticket is withdrawn, the citizen reads plain words
// (never SQLITE_FULL) and the fleet view says what is wrong. A slip the printer could not print is
// marked unprinted at the center (an event, on the window console and the admin's audit) and unmarked
// when a reprint works.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskRig, waitUntil } from './support/KioskRig.ts';
import { fillKioskStore } from './support/fullStore.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await KioskRig.start();
}, 90_000);
afterAll(async () => {
  rig?.center.resume();
  await rig?.stop();
});

async function takeTicket(categoryId: string): Promise<{ number: string; offline: boolean }> {
  const p = rig.page;
  await rig.reset();
  await p.click('[data-testid=go-take]');
  await p.click(`[data-testid=tile-${categoryId}]`);
  await p.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
  return { number: (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '', offline: await p.isVisible('[data-testid=ticket-offline]') };
}

function centerDb<T>(fn: (db: Db) => T): T {
  const db = new Database(join(rig.center.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Numbers of today's tickets from kiosk-1 that the center holds as live (issued and not cancelled). */
function liveAtCenter(): string[] {
  return centerDb((db) => {
    const rows = db.prepare("SELECT type, body FROM hall_events WHERE type IN ('TicketIssued', 'TicketCancelled') ORDER BY n").all() as { type: string; body: string }[];
    const issued = new Map<string, { number: string; day: string }>();
    const cancelled = new Set<string>();
    for (const r of rows) {
      const e = JSON.parse(r.body) as { ticketId: string; number: string; day: string; issuerId?: string };
      if (r.type === 'TicketIssued' && e.issuerId === 'kiosk-1') issued.set(e.ticketId, e);
      if (r.type === 'TicketCancelled') cancelled.add(e.ticketId);
    }
    const today = [...issued.values()].map((e) => e.day).sort().at(-1);
    return [...issued].filter(([id, e]) => e.day === today && !cancelled.has(id)).map(([, e]) => e.number).sort();
  });
}

describe('ghost tickets at the real kiosk and center', () => {
  it('a center stalled 2.5 s answers after the kiosk printed offline: only tickets someone holds stay in the line', async () => {
    await waitUntil(() => rig.host.counter.remaining('general') > 0, 15_000, 'offline number block leased');
    const printed = [(await takeTicket('general')).number];
    expect(liveAtCenter()).toEqual(printed);

    rig.center.pause();
    const started = Date.now();
    let offline: { number: string; offline: boolean };
    try {
      offline = await takeTicket('general');
      // The kiosk gave up at 1.5 s and printed from its block; the center is still frozen.
      expect(offline.offline).toBe(true);
      await new Promise((r) => setTimeout(r, Math.max(0, 2500 - (Date.now() - started))));
    } finally {
      rig.center.resume();
    }
    printed.push(offline.number);
    expect(rig.printer.receiptText()).toContain(offline.number);

    // The center wakes and works through the late request, the withdrawal and the offline ticket.
    await waitUntil(() => rig.host.link.status().backlog.events === 0 && rig.host.counter.withdrawals.pending().length === 0, 20_000, 'offline ticket acked and request withdrawn');
    await waitUntil(() => liveAtCenter().length >= printed.length, 10_000, 'the offline ticket at the center');
    expect(liveAtCenter()).toEqual(printed.sort());
  });

  it('disk full: the center’s ticket is withdrawn, the citizen reads plain words, the fleet view says why', async () => {
    await waitUntil(() => rig.host.link.status().connected && liveAtCenter().length > 0, 15_000, 'kiosk online');
    const before = liveAtCenter();
    const release = fillKioskStore(rig.host.store.db);
    try {
      const p = rig.page;
      await rig.reset();
      await p.click('[data-testid=go-take]');
      await p.click('[data-testid=tile-general]');
      const banner = await p.waitForSelector('[data-testid=take-failed]', { timeout: 10_000 });
      expect(await banner.getAttribute('data-code')).toBe('storage-full');
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain('本机暂时不能取号');
      expect(text).not.toMatch(/SQLITE|FULL|error/i);
      expect(await p.isVisible('[data-testid=ticket-number]')).toBe(false);
      await rig.shot('storage-full');

      // The center had issued it; the kiosk withdrew it from memory (its file takes nothing).
      await waitUntil(() => rig.host.counter.withdrawals.pending().length === 0, 10_000, 'withdrawal answered');
      expect(liveAtCenter()).toEqual(before);
      const errors = () => centerDb((db) => (JSON.parse((db.prepare("SELECT body FROM device_status WHERE device_id = 'kiosk-1'").get() as { body: string }).body) as { errors: string[] }).errors);
      await waitUntil(() => errors().some((e) => e.includes('存储已满')), 10_000, 'fleet view shows the full store');
    } finally {
      release();
    }
    // Space again: the next ticket is kept, and the fleet view's line goes away.
    const next = await takeTicket('general');
    expect(next.offline).toBe(false);
    expect(liveAtCenter()).toEqual([...before, next.number].sort());
  });

  it('paper out: the ticket is marked unprinted at the center (event, audit); a working reprint clears it', async () => {
    await waitUntil(() => rig.host.link.status().connected, 15_000, 'kiosk online');
    const p = rig.page;
    await rig.reset();
    rig.printer.failAfter(200, 'paper-empty');
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=print-failed][data-reason=paper-empty]', { timeout: 10_000 });
    // The citizen is told what to do: the number is on screen, scan or photograph it.
    expect(await p.textContent('[data-testid=print-failed]')).toContain('请用手机扫码保存');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    const marks = () =>
      centerDb((db) =>
        (db.prepare("SELECT body FROM hall_events WHERE type = 'TicketPrinted' ORDER BY n").all() as { body: string }[])
          .map((r) => JSON.parse(r.body) as { ticketId: string; printed: boolean; problem?: string; by: string })
          .filter((e) => e.ticketId.endsWith(`/${number}`)),
      );
    await waitUntil(() => marks().length === 1, 10_000, 'unprinted mark at the center');
    expect(marks()[0]).toMatchObject({ printed: false, problem: 'paper-empty', by: 'kiosk-1' });
    // The audit row is written after the event: polled, not read once.
    const audit = () => centerDb((db) => db.prepare("SELECT actor, target, detail FROM audit WHERE action = 'ticket.unprinted'").all() as { actor: string; target: string; detail: string }[]);
    await waitUntil(() => audit().some((a) => a.actor === 'kiosk-1' && (JSON.parse(a.detail) as { number?: string }).number === number), 10_000, `audit of ${number} unprinted`);

    rig.printer.setPaper('ok');
    await p.click('[data-testid=reprint]');
    await p.waitForSelector('[data-testid=print-ok]', { timeout: 10_000 });
    await waitUntil(() => marks().length === 2, 10_000, 'printed mark at the center');
    expect(marks()[1]).toMatchObject({ printed: true, by: 'kiosk-1' });
  });
});
