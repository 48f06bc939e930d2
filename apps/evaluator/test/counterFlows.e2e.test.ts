// The window console's counter flows seen from the pad, end to end (real Mosquitto, the real center,
// the pad's host as a child process, its renderer in Chromium): after 挂起 → another citizen → 回呼,
// the pad asks the citizen at the counter about THEIR service; a paused window invites no rating.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto } from '@hallkit/testkit';
import { CenterProcess } from './harness/CenterProcess.ts';
import { HttpSession } from './harness/HttpSession.ts';
import { Kiosk } from './harness/Kiosk.ts';
import { PadProcess } from './harness/PadProcess.ts';

const CATEGORY = Kiosk.categoryFor('w5');

let mosq: Mosquitto;
let center: CenterProcess;
let pad: PadProcess;
let kiosk: Kiosk;
let staff: HttpSession;
let browser: Browser;
let page: Page;

const screen = (name: string) => page.locator(`[data-screen="${name}"]`);
const finishedFor = (ticketId: string) => center.events(['TicketFinished']).filter((e) => e.body.ticketId === ticketId);
const given = (serviceId: string) => center.events(['EvaluationGiven']).filter((e) => e.body.serviceId === serviceId);

beforeAll(async () => {
  mosq = await Mosquitto.start();
  center = await CenterProcess.start(mosq.url);
  [pad, kiosk, browser] = await Promise.all([PadProcess.start({ dataDir: mkdtempSync(join(tmpdir(), 'hallkit-ev-flows-')), mqttUrl: mosq.url }), Kiosk.start(mosq.url), launchChromium()]);
  staff = new HttpSession(center.httpUrl);
  await staff.login('/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pad.url);
  await screen('idle').waitFor({ timeout: 15_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled([pad?.stop(), kiosk?.stop()]);
  await center?.stop();
  await mosq?.stop();
});

describe('counter flows on the pad', () => {
  test('hold → call another → call back: nothing is finished unasked, and the pad rates the service of the citizen at the counter', async () => {
    const a = await kiosk.issue(CATEGORY);
    const b = await kiosk.issue(CATEGORY);
    expect((await staff.post('/api/windows/w5/call-next')).result).toBe(a.number);
    await staff.post('/api/windows/w5/hold');
    expect((await staff.post('/api/windows/w5/call-next')).result).toBe(b.number);
    // 回呼 A with B at the counter and no choice: refused, B stays.
    await expect(staff.post('/api/windows/w5/call-back', { ticketId: a.ticketId })).rejects.toThrow(/409.*counter-occupied/);
    await staff.post('/api/windows/w5/call-back', { ticketId: a.ticketId, counter: { kind: 'hold' } });
    await expect.poll(() => page.getByTestId('current-ticket').textContent(), { timeout: 10_000 }).toContain(a.number);
    expect(finishedFor(b.ticketId)).toHaveLength(0);
    expect(await screen('rating').count()).toBe(0);

    await staff.post('/api/windows/w5/finish', { outcome: 'completed' });
    await screen('rating').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('prompt-number').textContent()).resolves.toContain(a.number);
    await page.locator('[data-level="satisfied"]').click();
    await screen('thanks').waitFor();
    const serviceA = String(finishedFor(a.ticketId)[0]?.body.serviceId);
    await expect.poll(() => given(serviceA).length, { timeout: 10_000 }).toBe(1);
    expect(given(serviceA)[0]?.body).toMatchObject({ ticketId: a.ticketId, level: 'satisfied' });

    // B comes back from hold and is served: now the pad asks about B.
    await staff.post('/api/windows/w5/call-back', { ticketId: b.ticketId });
    await staff.post('/api/windows/w5/finish', { outcome: 'needs-supplement' });
    await expect.poll(() => page.getByTestId('prompt-number').textContent().catch(() => ''), { timeout: 15_000 }).toContain(b.number);
  }, 90_000);

  test('a paused window invites no rating', async () => {
    await screen('idle').or(screen('rating')).or(screen('thanks')).first().waitFor();
    const c = await kiosk.issue(CATEGORY);
    await staff.post('/api/windows/w5/call-next');
    // Staff finish and pause at once (lunch): the pad must not invite the next person passing by.
    await staff.post('/api/windows/w5/finish', { outcome: 'completed' });
    await staff.post('/api/windows/w5/pause', { reason: '午休' });
    await expect.poll(() => page.getByTestId('window-status').textContent(), { timeout: 10_000 }).toBe('暂停服务');
    expect(finishedFor(c.ticketId)).toHaveLength(1);
    expect(await screen('rating').count()).toBe(0);
    // A pause needs a reason (what the hall map and the audit show).
    await staff.post('/api/windows/w5/resume');
    await expect(staff.post('/api/windows/w5/pause', {})).rejects.toThrow(/400.*bad-request/);
  }, 60_000);
});
