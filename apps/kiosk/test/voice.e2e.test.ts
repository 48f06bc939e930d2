// The kiosk speaks (issue 16): 语音导航 on every screen, always in elder mode; guidance, the ticket,
// errors, paper out and the idle warning are said by espeak-ng's Mandarin voice through the host's
// audio output — here a folder, so each utterance is a WAV this test opens and measures with sox.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Espeak } from '@hallkit/host';
import { measureAudio } from '@hallkit/testkit';
import { KioskRig, waitUntil } from './support/KioskRig.ts';
import { ELDER_CARD } from '../src/host/demo/demoCards.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await KioskRig.start({ idleSeconds: 15 });
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

/** Waits until the speaker played something containing `text`; returns its WAV path. */
async function heard(text: string, after: number, timeoutMs = 20_000): Promise<string> {
  let file = '';
  await waitUntil(
    () => {
      const hit = rig.spoken().slice(after).find((s) => s.label.includes(text));
      if (hit) file = join(rig.speaker.dir, hit.file);
      return hit !== undefined;
    },
    timeoutMs,
    `"${text}" spoken`,
  );
  return file;
}

describe('kiosk voice: 语音导航, spoken through the device audio', () => {
  it('offers 语音导航 on every screen, inside the screen', { timeout: 60_000 }, async () => {
    const p = rig.page;
    for (const [go, screen] of [['', 'home'], ['go-take', 'take'], ['go-checkin', 'checkIn'], ['go-progress', 'progress']] as const) {
      await rig.reset();
      if (go) await p.click(`[data-testid=${go}]`);
      await p.waitForSelector(`[data-screen=${screen}]`);
      const box = await p.locator('[data-testid=voice-toggle]').boundingBox();
      expect(box, screen).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1080);
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(await p.getAttribute('[data-testid=voice-toggle]', 'aria-pressed')).toBe('false');
    }
  });

  it('nothing is said while voice is off; switched on, the screen is said in Mandarin (pinyin voice, no English fallback) and measured', { timeout: 60_000 }, async () => {
    await rig.reset();
    const p = rig.page;
    const before = rig.spoken().length;
    await p.click('[data-testid=go-take]');
    await p.waitForSelector('[data-screen=take]');
    // Off: the screen change says nothing.
    await p.waitForTimeout(500);
    expect(rig.spoken().length).toBe(before);
    await p.click('[data-testid=voice-toggle]');
    expect(await p.getAttribute('[data-testid=voice-toggle]', 'aria-pressed')).toBe('true');
    const wav = await heard('请选择您要办的业务', before);
    const m = measureAudio(wav);
    expect(m.seconds).toBeGreaterThan(1.5);
    expect(m.seconds).toBeLessThan(12);
    expect(m.leadingSilence).toBeLessThan(0.5);
    expect(m.longestGap).toBeLessThan(1);
    const ph = await new Espeak().phonemes('请选择您要办的业务，点一下对应的大方块。', 'zh-CN');
    expect(ph.fallback).toEqual([]);
    expect(ph.input.startsWith('qing3 xuan3 ze2 nin2')).toBe(true);
  });

  it('with voice on, paper out and the idle warning are said; 首页 keeps voice, elder mode and the language', { timeout: 60_000 }, async () => {
    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=voice-toggle]');
    const before = rig.spoken().length;
    rig.printer.setPaper('empty');
    try {
      await p.click('[data-testid=go-take]');
      await p.waitForSelector('[data-testid=printer-banner]', { timeout: 10_000 });
      await heard('打印机缺纸', before);
    } finally {
      rig.printer.setPaper('ok');
    }
    await p.waitForSelector('[data-testid=printer-banner]', { state: 'detached', timeout: 10_000 });
    // The idle warning (idle 15 s here: the prompt shows for the last 5 s) is said, once.
    const idleFrom = rig.spoken().length;
    await p.waitForSelector('[data-testid=idle-prompt]', { timeout: 20_000 });
    await heard('还在吗？即将返回首页', idleFrom);
    expect(rig.spoken().slice(idleFrom).filter((s) => s.label.includes('即将返回首页'))).toHaveLength(1);
    await p.click('[data-testid=idle-continue]');
    // 首页 keeps the citizen's choices.
    await p.click('[data-lang=en]');
    await p.click('[data-testid=elder-toggle]');
    await p.click('[data-testid=home-button]');
    await p.waitForSelector('[data-screen=home]');
    expect(await p.getAttribute('.kiosk', 'data-elder')).toBe('1');
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.getAttribute('[data-testid=voice-toggle]', 'aria-pressed')).toBe('true');
  });

  it('elder mode always speaks: the ticket is said and lasts as long as its words need', { timeout: 60_000 }, async () => {
    await rig.reset();
    const p = rig.page;
    const before = rig.spoken().length;
    rig.idCard.placeCard(ELDER_CARD);
    await p.waitForSelector('[data-screen=take][data-elder="1"]', { timeout: 10_000 });
    rig.idCard.removeCard();
    expect(await p.getAttribute('[data-testid=voice-toggle]', 'aria-pressed')).toBe('true');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    const wav = await heard(`您的号码是 ${[...number].join(' ')}`, before);
    const m = measureAudio(wav);
    console.log(`kiosk ticket announcement: ${m.seconds.toFixed(2)} s, lead ${m.leadingSilence.toFixed(2)} s, tail ${m.trailingSilence.toFixed(2)} s, longest pause ${m.longestGap.toFixed(2)} s`);
    expect(m.seconds).toBeGreaterThan(3);
    expect(m.seconds).toBeLessThan(15);
    expect(m.longestGap).toBeLessThan(1);
  });
});
