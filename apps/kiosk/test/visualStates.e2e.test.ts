// The kiosk's error, result and staff states against docs/visual-standard.md at 1080×1920, in zh-CN,
// zh-TW and en, normal and elder mode (visual.e2e.test.ts walks the ordinary screens): a refused card
// (wrong check character, expired permit), a card read that failed (bad checksum), check-in refused
// (unknown code, too early today with its time, booked for another day), progress by card (cases, no
// cases, and a second person's card: the first one's cases gone), the rating point with a 差评's
// reasons and the comment keyboard, the technician screen (in words, no raw keys), a slip that could
// not print (paper out), a full disk, the center offline (an offline number, 「● 离线」 in the header),
// the idle warning and a reader that answers nothing. Every state: axe, text size, target size, the
// page inside the screen; every screenshot in artifacts/screenshots/kiosk-visual/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallLocalTime, idCheckCharacter } from '@hallkit/core';
import type { SimulatedCard } from '@hallkit/devices';
import { KioskRig, TECH_PIN, waitUntil } from './support/KioskRig.ts';
import { bookNow } from './support/booking.ts';
import { RatingPad } from './support/ratingPad.ts';
import { fillKioskStore } from './support/fullStore.ts';
import { ELDER, KIOSK, look, type Lang } from './support/kioskStandard.ts';
import { CITIZEN_CARD } from '../src/host/demo/demoCards.ts';

const valid = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const WRONG_CHECK: SimulatedCard = { ...CITIZEN_CARD, idNumber: `${CITIZEN_CARD.idNumber.slice(0, 17)}${CITIZEN_CARD.idNumber.endsWith('9') ? '8' : '9'}` };
const EXPIRED: SimulatedCard = {
  kind: 'hmt-permit', name: '陈家乐', gender: '男', nation: '', birthDate: '1990-11-02', address: '香港特别行政区',
  idNumber: valid('81000019901102001'), authority: '公安部出入境管理局', validFrom: '2014-01-01', validTo: '2019-01-01', passNumber: 'H12345678', issueCount: '02',
};
/** Nobody has cases under this number (the demo's cases are 张建国's). */
const SECOND_PERSON: SimulatedCard = { ...CITIZEN_CARD, name: '李秀梅', gender: '女', birthDate: '1990-07-15', idNumber: valid('37060219900715002') };

let rig: KioskRig;
let pad: RatingPad;
/** Booking codes refused for their time, and the QR of a ticket whose service waits to be rated. */
const codes = { laterToday: '', otherDay: '', rateUrl: '' };

beforeAll(async () => {
  rig = await KioskRig.start();
  const now = hallLocalTime(new Date(), 'Asia/Shanghai');
  const tomorrow = hallLocalTime(Date.now() + 24 * 3600_000, 'Asia/Shanghai').day;
  const laterHour = Math.floor(now.minuteOfDay / 60) + 2;
  // Two hours on, check-in opens 30 minutes before: too early, with the time. Late in the evening
  // there is no later slot today, and tomorrow's stands in (its message names the day as well).
  codes.laterToday = await bookNow(rig.center, 'social', valid('37060219800101101'), '13900001101', laterHour < 24 ? { day: now.day, slotFrom: laterHour * 60 } : { day: tomorrow, slotFrom: 9 * 60 });
  codes.otherDay = await bookNow(rig.center, 'social', valid('37060219800101102'), '13900001102', { day: tomorrow, slotFrom: 10 * 60 });
  pad = await RatingPad.start(rig);
  codes.rateUrl = await pad.ticketToRate();
}, 180_000);
afterAll(async () => {
  rig?.center.resume();
  await pad?.stop();
  await rig?.stop();
});

/** Places a card, lifts it once read (or refused), as a person would. */
async function swipe(card: SimulatedCard): Promise<void> {
  rig.idCard.placeCard(card);
  await waitUntil(() => rig.host.devices.reader?.readerState === 'card-present', 10_000, 'card read');
  rig.idCard.removeCard();
  await waitUntil(() => rig.host.devices.reader?.readerState === 'no-card', 10_000, 'card lifted');
}

/** Walks every error, result and staff state in one language and mode; returns every finding. */
async function walk(lang: Lang, elder: boolean): Promise<string[]> {
  await rig.reset();
  rig.printer.setPaper('ok');
  const p = rig.page;
  const std = elder ? ELDER : KIOSK;
  const tag = `${lang}${elder ? '-elder' : ''}`;
  if (lang !== 'zh-CN') await p.click(`[data-lang=${lang}]`);
  if (elder) await p.click('[data-testid=elder-toggle]');
  const found: string[] = [];
  const shot = async (name: string) => {
    found.push(...(await look(p, `${tag}-${name}`, std)));
    // The top bar is one row in every language, 「● 离线」 or not (English's buttons wrapped onto a
    // second row: 170 px); the hall's name may take two lines inside it.
    const bar = await p.$eval('.top', (el) => Math.round(el.getBoundingClientRect().height));
    if (bar > (elder ? 140 : 120)) found.push(`${tag}-${name}: header: ${bar} px high, more than one row`);
  };
  const home = async () => {
    if ((await p.getAttribute('.kiosk', 'data-screen')) !== 'home') await p.click('[data-testid=home-button]');
    await p.waitForSelector('[data-screen=home]');
  };
  const go = async (testId: string, screen: string) => {
    await home();
    await p.click(`[data-testid=${testId}]`);
    await p.waitForSelector(`[data-screen=${screen}]`);
  };
  const kept = async () => {
    // Every state keeps the citizen's language and mode.
    expect(await p.getAttribute('html', 'lang')).toBe(lang);
    expect(await p.getAttribute('.kiosk', 'data-elder')).toBe(elder ? '1' : '0');
  };

  // A refused card: plain words, on the home screen.
  for (const [name, card, problem] of [['card-refused-check', WRONG_CHECK, 'check-character'], ['card-refused-expired', EXPIRED, 'expired']] as const) {
    await home();
    rig.idCard.placeCard(card);
    await p.waitForSelector(`[data-testid=card-refused][data-problem=${problem}]`, { timeout: 10_000 });
    rig.idCard.removeCard();
    await kept();
    await shot(name);
    await p.click('[data-testid=card-refused]');
  }
  // A card whose read came back with a bad checksum: lift it and place it again.
  await home();
  const badRead = (cmd: string) => cmd === '2002' && setImmediate(() => rig.idCard.injectFault('bad-checksum'));
  rig.idCard.on('command', badRead);
  try {
    rig.idCard.placeCard(CITIZEN_CARD);
    await p.waitForSelector('[data-testid=card-error]', { timeout: 10_000 });
    rig.idCard.removeCard();
  } finally {
    rig.idCard.off('command', badRead);
    rig.idCard.removeCard();
  }
  await waitUntil(() => rig.host.devices.reader?.readerState === 'no-card', 10_000, 'card lifted');
  await shot('card-error');

  // Check-in refused: an unknown code, too early today (with the time), booked for another day.
  for (const [name, code, reason] of [['checkin-not-found', 'ZZ9999', 'not-found'], ['checkin-too-early', codes.laterToday, 'too-early'], ['checkin-other-day', codes.otherDay, 'too-early']] as const) {
    await go('go-checkin', 'checkIn');
    await rig.scanner.scan(code);
    await p.waitForSelector(`[data-testid=checkin-refused][data-reason=${reason}]`, { timeout: 10_000 });
    const text = (await p.textContent('[data-testid=checkin-refused]')) ?? '';
    if (reason === 'too-early') expect(text, `${name}: the time check-in opens`).toMatch(/\d{1,2}:\d{2}/);
    await kept();
    await shot(name);
  }

  // Progress by card: the cases, then a second person's card — the first person's cases go.
  await go('go-progress', 'progress');
  await swipe(CITIZEN_CARD);
  await p.waitForSelector('[data-testid=case]', { timeout: 10_000 });
  await shot('progress-cases');
  // One case a screen; the next one a touch away.
  expect(await p.locator('[data-testid=case]').count()).toBe(1);
  await p.click('[data-testid=case-next]');
  await waitUntil(async () => (await p.getAttribute('[data-testid=case]', 'data-receipt')) !== null && (await p.isDisabled('[data-testid=case-prev]')) === false, 5000, 'the second case');
  await shot('progress-cases-next');
  await swipe(SECOND_PERSON);
  await p.waitForSelector('[data-testid=lookup-failed][data-reason=not-found]', { timeout: 10_000 });
  expect(await p.locator('[data-testid=case]').count(), 'the first person\'s cases after the second card').toBe(0);
  await kept();
  await shot('progress-second-card');

  // The rating point: a ticket's QR, 不满意 with its reasons, the comment keyboard.
  await home();
  await rig.scanner.scan(codes.rateUrl);
  await p.waitForSelector('[data-testid=rate-form]', { timeout: 10_000 });
  await kept();
  await shot('rate');
  await p.click('[data-testid=rate-level-dissatisfied]');
  await p.waitForSelector('[data-testid^=rate-reason-]');
  await shot('rate-reasons');
  await p.click('[data-testid=rate-comment]');
  await p.waitForSelector('[data-testid=rate-comment-keyboard]');
  await shot('rate-comment');
  await p.click('[data-testid=rate-comment-keyboard] [data-key=enter]');

  // The technician screen: the PIN, then the devices in words.
  await home();
  for (let i = 0; i < 5; i++) await p.click('[data-testid=tech-corner]');
  await p.waitForSelector('[data-screen=technician]');
  await shot('technician-pin');
  for (const d of TECH_PIN) await p.click(`.hk-keyboard [data-key="${d}"]`);
  await p.click('.hk-keyboard [data-key="enter"]');
  await p.waitForSelector('[data-testid=tech-status]');
  const techText = (await p.textContent('[data-screen=technician]')) ?? '';
  // No message keys, no link states or driver words in English, no category ids (were 「online」,
  // 「paper ok, cover closed」, 「general 50」).
  expect(techText, 'technician screen: raw keys').not.toMatch(/\b(device|tech|link)\.[a-z]|\b(online|connecting|waiting|stopped|paper ok|cover closed)\b|\bgeneral \d/);
  await shot('technician');
  await p.click('[data-testid=tech-exit]');

  // Paper out: the ticket on screen, the slip not printed, a way to print it again.
  rig.printer.setPaper('empty');
  try {
    await go('go-take', 'take');
    await p.waitForSelector('[data-testid=printer-banner]');
    await p.click('.tile:enabled >> nth=0');
    await p.waitForSelector('[data-testid=print-failed]', { timeout: 10_000 });
    await shot('ticket-paper-out');
  } finally {
    rig.printer.setPaper('ok');
  }
  await waitUntil(() => rig.host.devices.health().printer === 'ready', 10_000, 'printer ready');

  // A full disk: the kiosk cannot keep a ticket and says so in plain words.
  const release = fillKioskStore(rig.host.store.db);
  try {
    await go('go-take', 'take');
    await p.click('.tile:enabled >> nth=0');
    await p.waitForSelector('[data-testid=take-failed][data-code=storage-full]', { timeout: 10_000 });
    await shot('take-disk-full');
  } finally {
    release();
  }
  await waitUntil(() => rig.host.counter.withdrawals.pending().length === 0, 10_000, 'withdrawal answered');

  // The center offline: an offline number, 「● 离线」 in the header.
  await waitUntil(() => rig.host.counter.remaining('general') > 0, 15_000, 'offline number block leased');
  rig.center.pause();
  try {
    await go('go-take', 'take');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-offline]', { timeout: 10_000 });
    await p.waitForSelector('[data-testid=offline-mark]', { timeout: 10_000 });
    await shot('ticket-offline');
  } finally {
    rig.center.resume();
  }
  await waitUntil(() => rig.host.state().centerOnline && rig.host.link.status().backlog.events === 0, 30_000, 'center back');

  // A reader that answers nothing to reads: the screens stop inviting a card and say so.
  rig.idCard.muteReads(true);
  rig.idCard.placeCard(CITIZEN_CARD);
  try {
    await waitUntil(() => rig.host.devices.health().reader === 'offline', 30_000, 'reader counted out of use');
    await go('go-checkin', 'checkIn');
    await p.waitForSelector('[data-testid=reader-out]', { timeout: 10_000 });
    await shot('checkin-reader-silent');
  } finally {
    rig.idCard.muteReads(false);
  }
  await waitUntil(() => rig.host.devices.health().reader === 'ready', 30_000, 'reader back');
  rig.idCard.removeCard();
  await waitUntil(() => rig.host.devices.reader?.readerState === 'no-card', 10_000, 'card lifted');

  // The idle warning before going home (idle time 15 s for this: the warning shows for 5 s).
  await rig.setIdleSeconds(15);
  try {
    await go('go-take', 'take');
    await p.waitForSelector('[data-testid=idle-prompt]', { timeout: 20_000 });
    await shot('idle-prompt');
    await p.click('[data-testid=idle-continue]');
  } finally {
    await rig.setIdleSeconds(60);
  }
  return found;
}

describe('kiosk error, result and staff states at 1080×1920', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    for (const elder of [false, true]) {
      it(`${lang}${elder ? ' elder mode' : ''}: every state fits, reads and passes axe`, { timeout: 300_000 }, async () => {
        const found = await walk(lang, elder);
        expect(found, found.join('\n')).toEqual([]);
      });
    }
  }
});
