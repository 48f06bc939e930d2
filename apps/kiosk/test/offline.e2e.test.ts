// The kiosk when things go away: the center stops (tickets keep coming from the kiosk's own number
// block, a discreet offline mark, printed with their QR code) and comes back (every offline ticket
// reaches the center exactly once); and a session left alone returns home after a visible countdown.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@hallkit/sync';
import { KioskRig, TECH_PIN, waitUntil } from './support/KioskRig.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await KioskRig.start();
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

async function takeTicket(categoryId: string): Promise<{ number: string; offline: boolean }> {
  const p = rig.page;
  await rig.reset();
  await p.click('[data-testid=go-take]');
  await p.click(`[data-testid=tile-${categoryId}]`);
  await p.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
  await p.waitForSelector('[data-testid=print-ok]', { timeout: 10_000 });
  return { number: (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '', offline: await p.isVisible('[data-testid=ticket-offline]') };
}

describe('kiosk without its center, and a session left alone', () => {
  it('center goes away: tickets from the offline block with a discreet mark; it comes back: each arrives once', async () => {
    // Online first: a ticket from the center, and the kiosk has leased its offline block.
    await waitUntil(() => rig.host.counter.remaining('general') > 0, 15_000, 'offline number block leased');
    const online = await takeTicket('general');
    expect(online.offline).toBe(false);

    await rig.center.stop();
    const offline1 = await takeTicket('general');
    expect(offline1.offline).toBe(true);
    expect(rig.printer.receiptText()).toContain(offline1.number);
    // The printed QR code is the phone's follow link; it must work once the ticket reaches the center.
    const followToken = /\[QR\] http:\/\/127\.0\.0\.1:\d+\/m\/t\/([A-Za-z0-9_-]{22,})/.exec(rig.printer.receiptText())?.[1];
    expect(followToken).toBeDefined();
    await rig.page.waitForSelector('[data-testid=offline-mark]');
    const offline2 = await takeTicket('general');
    expect(offline2.offline).toBe(true);
    expect(new Set([online.number, offline1.number, offline2.number]).size).toBe(3);
    expect(rig.host.link.status().backlog.events).toBe(2);

    await rig.center.start();
    await waitUntil(() => rig.host.link.status().backlog.events === 0, 30_000, 'offline tickets acked by the center');
    await rig.page.waitForSelector('[data-testid=offline-mark]', { state: 'detached', timeout: 15_000 });

    const db = new Database(join(rig.center.dataDir, 'center.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT body FROM hall_events WHERE type = 'TicketIssued'").all() as { body: string }[];
      const all = rows.map((r) => JSON.parse(r.body) as { number: string; offline: boolean; issuerId: string; categoryId: string; day: string });
      // The demo hall carries past days (reports), whose numbers repeat: compare within today only.
      const today = all.map((e) => e.day).sort().at(-1);
      const issued = all.filter((e) => e.day === today);
      for (const n of [offline1.number, offline2.number]) {
        const same = issued.filter((e) => e.number === n && e.categoryId === 'general');
        expect(same).toHaveLength(1);
        expect(same[0]).toMatchObject({ offline: true, issuerId: 'kiosk-1' });
      }
    } finally {
      db.close();
    }
    const follow = await fetch(`${rig.center.httpUrl}/api/m/t/${followToken}`);
    expect(follow.status).toBe(200);
    expect(JSON.stringify(await follow.json())).toContain(offline1.number);
    // And online again: the next ticket comes from the center.
    expect((await takeTicket('general')).offline).toBe(false);
  }, 120_000);

  it('a session left alone: a visible countdown, a prompt in the last seconds, then home (idle time from the center config)', async () => {
    // The per-kiosk config, as the center sends it: retained, versioned.
    const client = await mqtt.connectAsync(rig.mosquitto.url, { clientId: 'test-config', clean: true });
    const body = { v: 1, technicianPin: TECH_PIN, elderAge: 65, idleSeconds: 15 };
    await client.publishAsync(topics.deviceConfig('yantai', 'kiosk-1', 'kiosk'), JSON.stringify({ v: 1, hallId: 'yantai', deviceId: 'kiosk-1', kind: 'kiosk', version: 1, at: Date.now(), body }), { qos: 1, retain: true });
    await client.endAsync();
    await waitUntil(() => rig.host.state().idleSeconds === 15, 10_000, 'kiosk config applied');

    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=go-progress]');
    const badge = Number(await p.getAttribute('[data-testid=idle-countdown]', 'data-remaining'));
    expect(badge).toBeGreaterThan(10);
    expect(badge).toBeLessThanOrEqual(15);
    await p.waitForSelector('[data-testid=idle-prompt]', { timeout: 15_000 });
    // "Continue" keeps the session.
    await p.click('[data-testid=idle-continue]');
    await p.waitForSelector('[data-testid=idle-prompt]', { state: 'detached' });
    expect(await p.getAttribute('.kiosk', 'data-screen')).toBe('progress');
    // Left alone again: back home, nothing of the session kept.
    await p.waitForSelector('[data-screen=home]', { timeout: 20_000 });
  }, 45_000);
});
