// 语音导航 on the screens added last (issue 16): the idle screen with the door QR, the rating point,
// 过号重排 and the full-disk message (设备维护中 is in care.e2e.test.ts, which runs the device shell).
// Each screen must queue its own words — the exact text the screen's language has for it, in that
// language: zh-CN and zh-TW are read by the Mandarin voice (繁體 through its pinyin), English by the
// English voice; the renderer always asks in the citizen's language (the existing rule of say()).
// Read from the kiosk's voice itself (what it was asked to say), not only that something was said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Espeak } from '@hallkit/host';
import { KioskRig, waitUntil } from './support/KioskRig.ts';
import { RatingPad } from './support/ratingPad.ts';
import { Session } from './support/booking.ts';
import { fillKioskStore } from './support/fullStore.ts';
import { type Lang } from './support/kioskStandard.ts';
import { i18n } from '../src/renderer/i18n/i18n.ts';

const LANGS: Lang[] = ['zh-CN', 'zh-TW', 'en'];
const tr = (lang: Lang, key: string, vars: Record<string, unknown> = {}): string => i18n.getFixedT(lang)(key, vars);

let rig: KioskRig;
let pad: RatingPad;
beforeAll(async () => {
  rig = await KioskRig.start();
  pad = await RatingPad.start(rig);
}, 180_000);
afterAll(async () => {
  await pad?.stop();
  await rig?.stop();
});

/** Waits until the kiosk's voice was asked, after utterance `from`, to say exactly `text` in `lang`. */
async function queued(text: string, lang: Lang, from: number, what: string): Promise<void> {
  const said = () => rig.voice.said.slice(from);
  try {
    await waitUntil(() => said().some((u) => u.text === text && u.language === lang), 15_000, what);
  } catch {
    throw new Error(`${what} (${lang}) should say 「${text}」; said: ${JSON.stringify(said().map((u) => `${u.language}: ${u.text}`))}`);
  }
}

/** Fresh home screen in `lang` with 语音导航 on. */
async function startIn(lang: Lang): Promise<void> {
  await rig.reset();
  if (lang !== 'zh-CN') await rig.page.click(`[data-lang=${lang}]`);
  await rig.page.click('[data-testid=voice-toggle]');
}

describe('语音导航 on the idle screen, the rating point, 过号重排 and the full-disk message', () => {
  it('the idle screen says its invitation and the door QR\'s way in, in each language', { timeout: 120_000 }, async () => {
    const p = rig.page;
    await rig.setIdleSeconds(15);
    try {
      await rig.reset();
      // Home without a card goes to the idle screen after twice the idle time.
      await p.waitForSelector('[data-screen=attract]', { timeout: 45_000 });
    } finally {
      await rig.setIdleSeconds(60);
    }
    await p.waitForSelector('[data-testid=door-qr]', { timeout: 15_000 });
    let first = true;
    for (const lang of LANGS) {
      const from = rig.voice.said.length;
      if (lang !== 'zh-CN') await p.click(`[data-lang=${lang}]`);
      if (first) await p.click('[data-testid=voice-toggle]');
      first = false;
      await queued(`${tr(lang, 'say.attract')} ${tr(lang, 'say.attractDoor')}`, lang, from, 'idle screen with the door QR');
    }
  });

  it('the rating point says how to rate', { timeout: 120_000 }, async () => {
    const url = await pad.ticketToRate();
    for (const lang of LANGS) {
      await startIn(lang);
      const from = rig.voice.said.length;
      await rig.scanner.scan(url);
      await rig.page.waitForSelector('[data-testid=rate-form]', { timeout: 10_000 });
      await queued(tr(lang, 'say.rate'), lang, from, 'rating point');
    }
  });

  it('过号重排 says the number back in line, digit by digit, and the people ahead', { timeout: 240_000 }, async () => {
    const p = rig.page;
    const staff = new Session(rig.center.httpUrl);
    await staff.post('/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
    for (const lang of LANGS) {
      await rig.reset();
      await p.click('[data-testid=go-take]');
      await p.click('[data-testid=tile-general]');
      await p.waitForSelector('[data-testid=ticket-number]');
      const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
      const url = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
      let current = '';
      for (let i = 0; i < 40 && current !== number; i++) current = String((await staff.post<{ result: unknown }>('/api/windows/w5/call-next', {})).result);
      expect(current).toBe(number);
      await staff.post('/api/windows/w5/recall', {});
      await staff.post('/api/windows/w5/recall', {});
      await staff.post('/api/windows/w5/no-show', {});
      await startIn(lang);
      const from = rig.voice.said.length;
      await rig.scanner.scan(url);
      await p.waitForSelector('[data-testid=requeue-ok]', { timeout: 20_000 });
      const how = (await p.textContent('[data-testid=requeue-ok] p')) ?? '';
      const ahead = ((await p.textContent('[data-testid=requeue-ahead]')) ?? '').split(' · ')[0] ?? '';
      await queued(tr(lang, 'say.requeueOk', { number: [...number].join(' '), how, ahead }), lang, from, '过号重排');
    }
  });

  it('a full disk: the message on screen is said as written', { timeout: 120_000 }, async () => {
    const p = rig.page;
    for (const lang of LANGS) {
      await startIn(lang);
      await p.click('[data-testid=go-take]');
      await p.waitForSelector('[data-testid=tile-general]');
      const from = rig.voice.said.length;
      const release = fillKioskStore(rig.host.store.db);
      try {
        await p.click('[data-testid=tile-general]');
        await p.waitForSelector('[data-testid=take-failed][data-code=storage-full]', { timeout: 10_000 });
        await queued(tr(lang, 'take.failed.storage-full'), lang, from, 'full disk');
      } finally {
        release();
      }
      await waitUntil(() => rig.host.counter.withdrawals.pending().length === 0, 10_000, 'withdrawal answered');
    }
  });

  it('the new screens\' words are read as Mandarin in 简体 and 繁體 (no fallback to another language)', { timeout: 60_000 }, async () => {
    const espeak = new Espeak();
    for (const lang of ['zh-CN', 'zh-TW'] as const) {
      for (const key of ['say.attract', 'say.attractDoor', 'say.rate', 'say.locked', 'take.failed.storage-full']) {
        const ph = await espeak.phonemes(tr(lang, key), lang);
        expect(ph.fallback, `${lang} ${key}: ${ph.input}`).toEqual([]);
      }
    }
  });
});
