// 大厅评价机 end to end: Chromium at the kiosk's real 1080×1920 on the real host, the scanner simulator
// on a PTY, a real Mosquitto and the real center (demo staff at windows 5 and 6, the demo pad of
// window 5). A citizen is served at window 5, transferred to window 6, finished there, and leaves
// without rating; at the kiosk they scan their ticket's QR code and rate each window's service apart,
// under the center's rules: the window pad's say first, a 差评 with a reason from the national list
// and a comment, once. Screens are checked for overflow and axe in zh-CN, zh-TW and en. Also the SMS
// reminder opt-in on the ticket screen (consent, number checked in the citizen's words, masked).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WindowMessageSchema, windowTopicName, type WindowMessage } from '@hallkit/core';
import { DeviceLink, DeviceStore } from '@hallkit/sync';
import { KioskRig, waitUntil } from './support/KioskRig.ts';
import { Session } from './support/booking.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let rig: KioskRig;
let pad: { link: DeviceLink; store: DeviceStore; prompts: WindowMessage[] };

beforeAll(async () => {
  rig = await KioskRig.start();
  // Window 5's pad (provisioned by the demo center): what it is asked to rate, and its "not rated".
  const store = DeviceStore.open({ path: join(rig.dir, 'pad-w5.db'), logger: quiet });
  const prompts: WindowMessage[] = [];
  const link = new DeviceLink({ store, url: rig.mosquitto.url, hallId: 'yantai', deviceId: 'pad-w5', password: 'demo-pad-w5', logger: quiet, heartbeatMs: 2000, backoff: { initialMs: 50, maxMs: 300 } });
  link.subscribeHall(windowTopicName('w5'), WindowMessageSchema, (m) => void prompts.push(m));
  link.start();
  pad = { link, store, prompts };
}, 90_000);
afterAll(async () => {
  await pad?.link.stop();
  pad?.store.close();
  await rig?.stop();
});

async function axeSerious(page: Page): Promise<unknown[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const v = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((x) => ({ id: x.id, nodes: x.nodes.slice(0, 3).map((n) => n.target) }));
  });
  return v.filter((x) => ['color-contrast', 'button-name', 'html-has-lang', 'valid-lang', 'label', 'aria-allowed-role', 'aria-required-children'].includes(x.id));
}
const fits = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= 1080 && document.documentElement.scrollHeight <= 1920);

async function staffAt(windowId: string, staffNo: string, pin: string): Promise<(action: string, body?: unknown) => Promise<unknown>> {
  const s = new Session(rig.center.httpUrl);
  await s.post('/api/login/staff', { staffNo, pin });
  return async (action, body = {}) => (await s.post<{ result: unknown }>(`/api/windows/${windowId}/${action}`, body)).result;
}

/** A ticket taken at this kiosk, served at window 5, transferred to window 6 and finished there. */
async function servedAtTwoWindows(): Promise<{ number: string; followUrl: string }> {
  const p = rig.page;
  await rig.reset();
  await p.click('[data-testid=go-take]');
  await p.click('[data-testid=tile-general]');
  await p.waitForSelector('[data-testid=ticket-number]');
  const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
  const followUrl = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
  await p.click('[data-testid=ticket-done]');
  const w5 = await staffAt('w5', 'YT0501', '0501');
  const w6 = await staffAt('w6', 'YT0601', '0601');
  expect(await w5('call-next')).toBe(number);
  await w5('transfer', { to: { kind: 'window', windowId: 'w6' } });
  expect(await w6('call-next')).toBe(number);
  await w6('finish', { outcome: 'completed' });
  return { number, followUrl };
}

/** Window 5's pad was asked to rate the transferred service of ticket `number` and records "not rated". */
async function padOfWindow5LetsLapse(number: string): Promise<void> {
  await waitUntil(() => pad.prompts.some((m) => m.evaluation?.number === number), 10_000, `window 5's pad prompted for ${number}`);
  const prompt = pad.prompts.find((m) => m.evaluation?.number === number)?.evaluation;
  pad.store.append({ type: 'EvaluationLapsed', v: 1, at: new Date().toISOString(), serviceId: prompt?.serviceId ?? '', ticketId: prompt?.ticketId ?? '' });
  await waitUntil(() => pad.link.status().backlog.events === 0, 10_000, 'lapse delivered');
}

const rows = (p: Page) => p.$$eval('[data-testid=rate-service]', (els) => els.map((e) => [Number(e.getAttribute('data-window')), e.getAttribute('data-state')]));

describe('the kiosk as the hall’s rating point (大厅评价机)', () => {
  it('scan the ticket → each window’s service rated apart, the pad first, 差评 with reason and comment, once', async () => {
    const p = rig.page;
    const { number, followUrl } = await servedAtTwoWindows();

    // Right after the service both windows' pads still have their say: nothing to rate here yet.
    await rig.scanner.scan(followUrl);
    await p.waitForSelector('[data-testid=rate-service]', { timeout: 10_000 });
    expect(await rows(p)).toEqual([[5, 'at-window'], [6, 'at-window']]);
    expect(await p.textContent('[data-screen=rate] .hint')).toContain(number);
    expect(await p.locator('[data-testid=rate-form]').count()).toBe(0);
    await rig.shot('rating-at-window');

    // Window 5's pad records "not rated" (the citizen had walked on to window 6).
    await padOfWindow5LetsLapse(number);

    await rig.scanner.scan(followUrl);
    await p.waitForSelector('[data-testid=rate-form]', { timeout: 10_000 });
    expect(await rows(p)).toEqual([[5, 'open'], [6, 'at-window']]);
    // The only open one is chosen for the citizen.
    expect(await p.getAttribute('[data-testid=rate-service].on', 'data-window')).toBe('5');
    // 不满意 without a reason: said on the screen, nothing sent.
    await p.click('[data-testid=rate-level-dissatisfied]');
    await p.click('[data-testid=rate-submit]');
    expect(await p.textContent('[data-testid=rate-error]')).toBe('不满意的评价请至少选择一个原因');
    // The national list's reasons, as the hall offers them.
    const offered = await p.$$eval('[data-testid^=rate-reason-]', (els) => els.map((e) => e.textContent));
    expect(offered).toContain('等候时间长');
    expect(offered).toContain('服务态度差');
    await p.click('[data-testid=rate-reason-long-wait]');
    // A comment typed on the kiosk's own keyboard (pinyin → 等, then letters and digits).
    await p.click('[data-testid=rate-comment]');
    await p.waitForSelector('[data-testid=rate-comment-keyboard]');
    for (const k of 'DENG') await p.click(`.hk-keyboard [data-key="${k}"]`);
    await p.click('.hk-candidate[data-candidate="等"]');
    await p.click('.hk-keyboard [data-key="mode:digits"]');
    for (const k of '40') await p.click(`.hk-keyboard [data-key="${k}"]`);
    await rig.shot('rating-comment');
    await p.click('.hk-keyboard [data-key=enter]');
    expect(await p.textContent('[data-testid=rate-comment]')).toBe('等40');
    expect(await fits(p)).toBe(true);
    await rig.shot('rating-reasons');
    await p.click('[data-testid=rate-submit]');
    await p.waitForSelector('[data-testid=rate-thanks]', { timeout: 10_000 });
    expect(await p.textContent('[data-testid=rate-thanks]')).toBe('感谢您的评价，我们会认真核实，并及时与您联系整改。');
    // The list is asked again from the center after the rating: it turns to 'given' when that answer is in.
    await expect.poll(() => rows(p), { timeout: 10_000 }).toEqual([[5, 'given'], [6, 'at-window']]);
    await rig.shot('rating-thanks');

    // At the center: one rating, of window 5's service, made at a hall terminal — and its follow-up.
    const admin = new Session(rig.center.httpUrl);
    await admin.post('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
    const view = await admin.get<{ evaluations: { recent: { ticketNumber: string; windowNumber: number; staffId: string; level: string; reasons: string[]; comment: string | null; channel: string }[] }; followUps: { ticketNumber: string; state: string }[] }>('/api/admin/view');
    const mine = view.evaluations.recent.filter((e) => e.ticketNumber === number);
    expect(mine.map((e) => [e.windowNumber, e.staffId, e.level, e.reasons, e.comment, e.channel])).toEqual([[5, 'YT0501', 'dissatisfied', ['long-wait'], '等40', 'hall-terminal']]);
    expect(view.followUps.filter((f) => f.ticketNumber === number).map((f) => f.state)).toEqual(['open']);

    // The same ticket again: window 5 is rated, nothing is open — no form, no second rating.
    await p.click('[data-testid=rate-done]');
    await rig.scanner.scan(followUrl);
    await waitUntil(async () => JSON.stringify(await rows(p)) === JSON.stringify([[5, 'given'], [6, 'at-window']]), 10_000, 'rated state on a new scan');
    expect(await p.locator('[data-testid=rate-form]').count()).toBe(0);
  }, 120_000);

  it('a ticket still in line is not rated; a code that is no ticket is refused in words', async () => {
    const p = rig.page;
    await rig.reset();
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    const followUrl = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
    await rig.scanner.scan(followUrl);
    await p.waitForSelector('[data-testid=rate-refused][data-reason=not-finished]', { timeout: 10_000 });
    expect(await p.textContent('[data-testid=rate-refused]')).toBe(`号码 ${number} 的业务还没有办结，办结后再来评价。请留意叫号。`);
    await rig.scanner.scan(`${rig.center.httpUrl}/m/t/${'A'.repeat(32)}`);
    await p.waitForSelector('[data-testid=rate-refused][data-reason=not-found]', { timeout: 10_000 });
    // Served now (the next tests find the line empty).
    const w5 = await staffAt('w5', 'YT0501', '0501');
    expect(await w5('call-next')).toBe(number);
    await w5('finish', { outcome: 'completed' });
  }, 60_000);

  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: the rating screens fit 1080×1920 and pass axe`, async () => {
      const p = rig.page;
      const { number, followUrl } = await servedAtTwoWindows();
      if (lang !== 'zh-CN') await p.click(`[data-lang=${lang}]`);
      await rig.scanner.scan(followUrl);
      await p.waitForSelector('[data-testid=rate-service]', { timeout: 10_000 });
      expect(await p.getAttribute('html', 'lang')).toBe(lang);
      await rig.shot(`rating-list-${lang}`);
      expect(await fits(p), `${lang} list overflows`).toBe(true);
      expect(await axeSerious(p)).toEqual([]);
      // Window 5's pad lets it lapse: the form, a 差评 with the reasons shown.
      await padOfWindow5LetsLapse(number);
      await rig.scanner.scan(followUrl);
      await p.waitForSelector('[data-testid=rate-form]', { timeout: 10_000 });
      await p.click('[data-testid=rate-level-very-dissatisfied]');
      await p.waitForSelector('[data-testid=rate-reason-attitude]');
      await rig.shot(`rating-form-${lang}`);
      expect(await fits(p), `${lang} form overflows`).toBe(true);
      expect(await axeSerious(p)).toEqual([]);
    }, 90_000);
  }
});

describe('SMS reminders from the ticket screen', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`${lang}: consent shown, a wrong number refused in words, the right one taken and shown masked; the call is texted`, async () => {
      const p = rig.page;
      await rig.reset();
      if (lang !== 'zh-CN') await p.click(`[data-lang=${lang}]`);
      await p.click('[data-testid=go-take]');
      await p.click('[data-testid=tile-general]');
      await p.waitForSelector('[data-testid=ticket-number]');
      const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
      expect(await fits(p), `${lang} ticket screen overflows`).toBe(true);
      await p.click('[data-testid=remind-open]');
      await p.waitForSelector('[data-testid=remind-consent]');
      for (const k of '1380013') await p.click(`[data-testid=remind-sheet] .hk-keyboard [data-key="${k}"]`);
      await p.click('[data-testid=remind-submit]');
      await p.waitForSelector('[data-testid=remind-refused][data-reason=bad-phone]');
      expect(await p.textContent('[data-testid=remind-refused]')).toBe({ 'zh-CN': '手机号格式不正确，请输入 11 位手机号码', 'zh-TW': '手機號格式不正確，請輸入 11 位手機號碼', en: 'That is not a mobile number: please type the 11 digits' }[lang]);
      for (const k of '8000') await p.click(`[data-testid=remind-sheet] .hk-keyboard [data-key="${k}"]`);
      expect(await p.textContent('[data-testid=remind-phone]')).toBe('138 0013 8000');
      expect(await fits(p), `${lang} opt-in sheet overflows`).toBe(true);
      expect(await axeSerious(p)).toEqual([]);
      await rig.shot(`remind-sheet-${lang}`);
      await p.click('[data-testid=remind-submit]');
      await p.waitForSelector('[data-testid=remind-ok]', { timeout: 10_000 });
      const ok = (await p.textContent('[data-testid=remind-ok]')) ?? '';
      expect(ok).toContain('138****8000');
      expect(ok).not.toContain('13800138000');
      await rig.shot(`remind-ok-${lang}`);
      // Window 5 calls the ticket: the center texts the number (its log shows it masked).
      const seen = rig.center.output.length;
      const w5 = await staffAt('w5', 'YT0501', '0501');
      expect(await w5('call-next')).toBe(number);
      await waitUntil(() => rig.center.output.slice(seen).includes('138****8000'), 15_000, 'the call texted');
      expect(rig.center.output.slice(seen)).not.toContain('13800138000');
      await w5('finish', { outcome: 'completed' });
    }, 60_000);
  }
});
