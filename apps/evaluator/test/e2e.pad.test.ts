// End to end, as in a hall: real Mosquitto, the real center (child process), the pad's host as a real
// child process (SIGKILLed and restarted), the renderer in Chromium. Staff act through the center's
// console API; tickets come from a dispenser over sync; the center's SQLite record is the judge.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Mosquitto, screenshotDir, shippedHall } from '@hallkit/testkit';
import { CenterProcess } from './harness/CenterProcess.ts';
import { HttpSession } from './harness/HttpSession.ts';
import { Kiosk } from './harness/Kiosk.ts';
import { PadProcess } from './harness/PadProcess.ts';
import { TcpCut } from './harness/TcpCut.ts';
import { WindowWatch } from './harness/WindowWatch.ts';

const SHOTS = screenshotDir();
const CATEGORY = Kiosk.categoryFor('w5');
const ITEM = shippedHall('yantai', { allDay: true }).catalog.items.find((i) => i.categoryId === CATEGORY);

let mosq: Mosquitto;
let center: CenterProcess;
let cut: TcpCut;
let pad: PadProcess;
let padDir: string;
let kiosk: Kiosk;
let watch: WindowWatch;
let staff: HttpSession;
let admin: HttpSession;
let browser: Browser;
let page: Page;
let pageLog = '';

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- pad log ---\n${pad.log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A citizen takes a ticket, staff call it and finish it; returns the finished service. */
async function serveOne(itemId?: string): Promise<{ ticketId: string; number: string; serviceId: string }> {
  const t = await kiosk.issue(CATEGORY);
  await staff.post('/api/windows/w5/call-next');
  await staff.post('/api/windows/w5/finish', { outcome: 'completed', ...(itemId ? { itemId } : {}) });
  const fin = center.events(['TicketFinished']).find((e) => e.body.ticketId === t.ticketId);
  if (!fin) throw new Error(`no TicketFinished for ${t.ticketId}`);
  return { ...t, serviceId: String(fin.body.serviceId) };
}

const given = (serviceId: string) => center.events(['EvaluationGiven']).filter((e) => e.body.serviceId === serviceId);
const screen = (name: string) => page.locator(`[data-screen="${name}"]`);

async function openPage(): Promise<void> {
  await page.goto(pad.url);
  await screen('idle')
    .or(screen('rating'))
    .waitFor({ timeout: 15_000 })
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\n--- page ---\n${pageLog}\n${(await page.content()).slice(0, 1500)}\n--- pad ---\n${pad.log.slice(-3000)}`);
    });
}

beforeAll(async () => {
  mosq = await Mosquitto.start();
  center = await CenterProcess.start(mosq.url);
  cut = await TcpCut.start(mosq.port);
  padDir = mkdtempSync(join(tmpdir(), 'hallkit-ev-pad-'));
  [pad, kiosk, watch, browser] = await Promise.all([PadProcess.start({ dataDir: padDir, mqttUrl: cut.url }), Kiosk.start(mosq.url), WindowWatch.start(mosq.url, 'w5'), launchChromium()]);
  staff = new HttpSession(center.httpUrl);
  await staff.login('/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
  admin = new HttpSession(center.httpUrl);
  await admin.login('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => (pageLog += `error: ${e.message}\n`));
  page.on('console', (m) => (pageLog += `${m.type()}: ${m.text()}\n`));
  await openPage();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000); // a center, a pad, a kiosk and Chromium starting on a loaded 2-core machine

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled([pad?.stop(), kiosk?.stop(), watch?.stop()]);
  await center?.stop();
  await cut?.cut();
  await mosq?.stop();
});

describe('evaluator pad through the real broker and center', { timeout: 90_000 }, () => {
  test('idle shows window, staff and state; staff finish → rating screen by itself → 满意 → the center has the evaluation', async () => {
    const t = await kiosk.issue(CATEGORY);
    await staff.post('/api/windows/w5/call-next');
    await expect.poll(() => page.getByTestId('current-ticket').textContent(), { timeout: 10_000 }).toContain(t.number);
    await expect(page.getByTestId('window-number').textContent()).resolves.toBe('5号窗口');
    await expect(page.getByTestId('window-status').textContent()).resolves.toBe('服务中');
    const staffText = await page.getByTestId('staff').textContent();
    expect(staffText).toContain('王晓燕');
    expect(staffText).toContain('工号 YT0501');
    await page.screenshot({ path: join(SHOTS, 'evaluator-idle.png') });
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: join(SHOTS, 'evaluator-idle-portrait.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await staff.post('/api/windows/w5/finish', { outcome: 'completed', ...(ITEM ? { itemId: ITEM.id } : {}) });
    const serviceId = String(center.events(['TicketFinished']).find((e) => e.body.ticketId === t.ticketId)?.body.serviceId);
    await screen('rating').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('prompt-number').textContent()).resolves.toContain(t.number);
    await page.screenshot({ path: join(SHOTS, 'evaluator-rating.png') });
    // Accessibility: every touch target ≥ 60×60 px, every level label ≥ 4.5:1 against its button.
    const checks = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        const st = getComputedStyle(b);
        const [l1, l2] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))].sort((x, y) => y - x) as [number, number];
        return { text: b.textContent, w: r.width, h: r.height, contrast: (l1 + 0.05) / (l2 + 0.05) };
      });
    });
    expect(checks.length).toBeGreaterThanOrEqual(9);
    for (const c of checks) {
      expect(Math.min(c.w, c.h), String(c.text)).toBeGreaterThanOrEqual(60);
      expect(c.contrast, String(c.text)).toBeGreaterThanOrEqual(4.5);
    }

    await page.locator('[data-level="satisfied"]').click();
    await screen('thanks').waitFor();
    await page.screenshot({ path: join(SHOTS, 'evaluator-thanks.png') });
    const [e] = await until('the evaluation at the center', () => given(serviceId).length > 0 && given(serviceId));
    expect(e!.source).toBe('pad-w5');
    expect(e!.body).toMatchObject({ level: 'satisfied', ticketId: t.ticketId, windowId: 'w5', staffId: 'YT0501', channel: 'hall-pad', reasons: [] });
    if (ITEM) expect(e!.body.itemId).toBe(ITEM.id);
    await screen('idle').waitFor({ timeout: 10_000 });
  });

  test('a bad review needs a reason and opens a follow-up case with its deadline', async () => {
    const s = await serveOne();
    await screen('rating').waitFor({ timeout: 10_000 });
    await page.locator('[data-level="very-dissatisfied"]').click();
    await screen('reasons').waitFor();
    await page.getByTestId('submit-reasons').click();
    await expect(page.locator('.hint').textContent()).resolves.toBe('请至少选择一项原因');
    expect(given(s.serviceId)).toHaveLength(0);
    await page.locator('[data-reason="long-wait"]').click();
    await page.locator('[data-reason="unclear-answer"]').click();
    await page.screenshot({ path: join(SHOTS, 'evaluator-reasons.png') });
    // A short comment in Chinese on the on-screen keyboard: pinyin "deng" → 等.
    await page.getByTestId('comment-box').click();
    for (const k of 'DENG') await page.getByTestId('comment-keyboard').locator(`[data-key="${k}"]`).click();
    await page.getByTestId('comment-keyboard').locator('[data-candidate="等"]').first().click();
    await page.screenshot({ path: join(SHOTS, 'evaluator-comment.png') });
    await page.getByTestId('comment-keyboard').locator('[data-key="enter"]').click();
    await expect(page.getByTestId('comment-box').textContent()).resolves.toBe('等');
    await page.getByTestId('submit-reasons').click();
    await screen('thanks').waitFor();
    const [e] = await until('the bad review at the center', () => given(s.serviceId).length > 0 && given(s.serviceId));
    expect(e!.body).toMatchObject({ level: 'very-dissatisfied', reasons: ['long-wait', 'unclear-answer'], comment: '等', channel: 'hall-pad', staffId: 'YT0501' });
    const fu = center.events(['FollowUpOpened']).find((x) => x.body.evaluationId === e!.body.evaluationId);
    expect(fu?.body.deadline).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const view = await admin.get('/api/admin/view');
    expect(JSON.stringify(view.followUps)).toContain(String(fu?.body.deadline));
  });

  test('a double tap gives one rating; a replayed prompt for a rated service is ignored', async () => {
    const s = await serveOne();
    await screen('rating').waitFor({ timeout: 10_000 });
    await page.locator('[data-level="very-satisfied"]').dblclick();
    await screen('thanks').waitFor();
    await until('the rating at the center', () => given(s.serviceId).length > 0);
    const replay = await watch.promptFor(s.serviceId);
    await pad.deliverWindowMessage(replay); // the very message that asked for this rating, again
    await until('the replay logged', () => /prompt for a closed service ignored|older window message ignored/.test(pad.log));
    await new Promise((r) => setTimeout(r, 1500)); // anything a second touch or the replay could have sent
    expect(given(s.serviceId)).toHaveLength(1);
    expect(await screen('rating').count()).toBe(0);
    expect(center.rejectedEvents()).toEqual([]);
  });

  test('offline for the day: ratings are kept on the pad and all arrive once when it reconnects', async () => {
    await cut.cut();
    await page.getByTestId('offline').waitFor({ timeout: 10_000 });
    const levels = ['very-satisfied', 'basically-satisfied', 'dissatisfied'] as const;
    const services: { serviceId: string }[] = [];
    for (const level of levels) {
      const s = await serveOne();
      services.push(s);
      // The center cannot reach the pad: its window message is handed over through the test hook.
      await pad.deliverWindowMessage(await watch.promptFor(s.serviceId));
      await screen('rating').waitFor({ timeout: 10_000 });
      await page.locator(`[data-level="${level}"]`).click();
      if (level === 'dissatisfied') {
        await screen('reasons').waitFor();
        await page.locator('[data-reason="attitude"]').click();
        await page.getByTestId('submit-reasons').click();
      }
      await screen('thanks').waitFor();
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const s of services) expect(given(s.serviceId)).toHaveLength(0);
    await cut.restore();
    await until('all offline ratings at the center', () => services.every((s) => given(s.serviceId).length > 0), 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(services.map((s) => given(s.serviceId).map((e) => e.body.level))).toEqual(levels.map((l) => [l]));
    await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 10_000 });
  });

  test('kill -9 right after the thank-you screen: the rating survives the crash and arrives once', async () => {
    const s = await serveOne();
    await screen('rating').waitFor({ timeout: 10_000 });
    await cut.cut(); // so that the pad's disk is the only place the rating can be
    await page.locator('[data-level="satisfied"]').click();
    await screen('thanks').waitFor();
    await pad.kill9();
    expect(given(s.serviceId)).toHaveLength(0);
    pad = await PadProcess.start({ dataDir: padDir, mqttUrl: cut.url });
    await cut.restore();
    await until('the rating after the crash', () => given(s.serviceId).length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(given(s.serviceId)).toHaveLength(1);
    await openPage();
    await screen('idle').waitFor();
  });

  test('kill -9 during the rating screen resumes it; no touch in the configured time → recorded as not rated', async () => {
    const s = await serveOne();
    await screen('rating').waitFor({ timeout: 10_000 });
    await pad.kill9();
    pad = await PadProcess.start({ dataDir: padDir, mqttUrl: cut.url });
    await openPage();
    await screen('rating').waitFor();
    await expect(page.getByTestId('prompt-number').textContent()).resolves.toContain(s.number);
    // ratingSeconds is 30 in the demo hall: the pad returns to idle by itself and records a lapse.
    await screen('idle').waitFor({ timeout: 40_000 });
    await until('the lapse at the center', () => center.events(['EvaluationLapsed']).some((e) => e.body.serviceId === s.serviceId));
    expect(given(s.serviceId)).toHaveLength(0);
    expect(center.rejectedEvents()).toEqual([]);
  }, 60_000);
});
