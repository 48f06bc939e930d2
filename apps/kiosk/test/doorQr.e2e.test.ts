// 现场扫码取号 on the kiosk's idle screen, end to end: the kiosk (real host, Chromium at 1080×1920) gets
// the hall's door code from the real center over Mosquitto and shows it when idle; a phone (375×812)
// opening that code gets the door page with the hall's services — no admin had to log in anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskRig, waitUntil } from './support/KioskRig.ts';

let rig: KioskRig;
beforeAll(async () => {
  rig = await KioskRig.start({ idleSeconds: 15 });
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

describe('the door code on the idle screen', () => {
  it('shows the rotating door QR when idle; a phone scanning it gets the door page', async () => {
    const p = rig.page;
    // Nobody at the kiosk: home → idle (the home screen waits twice the idle time) → attract.
    await p.waitForSelector('[data-screen=attract]', { timeout: 60_000 });
    await p.waitForSelector('[data-testid=door-qr]', { timeout: 15_000 });
    const url = (await p.getAttribute('[data-testid=door-qr]', 'data-url')) ?? '';
    expect(url).toMatch(new RegExp(`^${rig.center.httpUrl}/m/door/\\d+\\.[A-Za-z0-9_-]{22}$`));
    expect(await p.getAttribute('[data-testid=door-qr] img[data-qr]', 'data-qr')).toBe(url);
    expect(await p.textContent('[data-testid=door-qr]')).toContain('手机扫码取号');
    expect(await p.evaluate(() => document.documentElement.scrollHeight <= 1920)).toBe(true);
    await rig.shot('idle-door-qr');
    for (const lang of ['zh-TW', 'en'] as const) {
      await p.click(`[data-lang=${lang}]`);
      await waitUntil(async () => (await p.getAttribute('html', 'lang')) === lang, 5000, lang);
      expect(await p.evaluate(() => document.documentElement.scrollHeight <= 1920), `${lang} overflows`).toBe(true);
      await rig.shot(`idle-door-qr-${lang}`);
    }

    const phone = await rig.browser.newPage({ viewport: { width: 375, height: 812 } });
    await phone.goto(url);
    await phone.waitForSelector('text=住房公积金', { timeout: 15_000 });
    await phone.close();
  }, 120_000);
});
