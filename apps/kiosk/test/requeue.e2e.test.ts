// 过号重排 at the kiosk (issue 14): a citizen missed at the window scans their ticket's QR code at the
// kiosk's scanner and is back in line — Chromium kiosk on the real host, the scanner simulator on a
// PTY, real Mosquitto and the real center; window staff act through the center's HTTP API as the
// console does. The ticket is then in window 5's waiting list again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../../center/test/support/centerHarness.ts';
import { KioskRig, waitUntil } from './support/KioskRig.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await KioskRig.start();
}, 180_000);
afterAll(async () => {
  await rig?.stop();
});

interface WindowView {
  current: { number: string } | null;
  waitingList?: { number: string }[];
}

describe('过号重排 by scanning the ticket at the kiosk', () => {
  it('a 过号 ticket scanned at the kiosk is back in line; the same code scanned again is not re-queued twice', async () => {
    const p = rig.page;
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=tile-social]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    const followUrl = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
    expect(followUrl).toContain('/m/t/');
    await p.click('[data-testid=ticket-done]');

    // Window 5 (demo staff 王晓燕) calls until this citizen is at the counter; they do not come: 过号.
    const w5 = new ConsoleClient(rig.center.httpUrl);
    await w5.login('staff', { staffNo: 'YT0501', pin: '0501', windowId: 'w5' });
    let current = '';
    for (let i = 0; i < 40 && current !== number; i++) current = (await w5.post<{ view: WindowView }>('/api/windows/w5/call-next')).json.view.current?.number ?? '';
    expect(current).toBe(number);
    await w5.post('/api/windows/w5/recall');
    await w5.post('/api/windows/w5/recall');
    expect((await w5.post('/api/windows/w5/no-show')).status).toBe(200);

    await rig.scanner.scan(followUrl);
    await p.waitForSelector('[data-testid=requeue-ok]', { timeout: 20_000 });
    expect(await p.textContent('[data-testid=requeue-ok]')).toContain(number);
    const waiting = async () => JSON.stringify((await w5.get<WindowView>('/api/windows/w5')).json);
    await waitUntil(async () => (await waiting()).includes(`"number":"${number}"`), 10_000, `${number} back in window 5's line`);
    await p.click('[data-testid=requeue-done]');

    // Scanning the same ticket again does not put it in line a second time.
    await rig.scanner.scan(followUrl);
    await waitUntil(async () => (await p.locator('[data-testid=requeue-ok]').count()) === 0 && (await p.locator('main').first().getAttribute('data-testid')) !== null, 10_000, 'a screen after the second scan');
    await p.waitForTimeout(1500);
    expect(await p.locator('[data-testid=requeue-ok]').count()).toBe(0);
  }, 180_000);
});
