// Every card layout the hall serves, through the kiosk (issue 16): resident (incl. 长期), HK/Macau/TW
// residence permit, foreign permanent resident card 2017 (15 characters) and 2023 (18 digits, 9…) —
// each gets an online ticket from the center, books on the phone and checks in by card, and looks
// up progress by card. Invalid numbers and expired cards are refused in plain words (core's one rule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '@hallkit/core';
import type { SimulatedCard } from '@hallkit/devices';
import { KioskRig, waitUntil } from './support/KioskRig.ts';
import { bookNow } from './support/booking.ts';
import { CITIZEN_CARD, ELDER_CARD } from '../src/host/demo/demoCards.ts';

let rig: KioskRig;
beforeAll(async () => {
  rig = await KioskRig.start();
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

const valid = (first17: string) => `${first17}${idCheckCharacter(first17)}`;
const HMT: SimulatedCard = {
  kind: 'hmt-permit', name: '陈家乐', gender: '男', nation: '', birthDate: '1990-11-02', address: '香港特别行政区',
  idNumber: valid('81000019901102001'), authority: '公安部出入境管理局', validFrom: '2021-01-01', validTo: '2031-01-01', passNumber: 'H12345678', issueCount: '02',
};
const FOREIGN_2017: SimulatedCard = {
  kind: 'foreign-permanent', name: '安娜', englishName: 'MUELLER, ANNA', gender: '女', nation: 'CAN', birthDate: '1980-03-04',
  address: '', idNumber: 'CAN370680030401', authority: '1500', validFrom: '2020-06-01', validTo: '2030-06-01',
};
const FOREIGN_2023: SimulatedCard = { ...FOREIGN_2017, name: '', englishName: 'SMITH, JOHN', nation: 'GBR', birthDate: '1975-09-21', idNumber: valid('93782619750921003') };

const LAYOUTS: [string, SimulatedCard][] = [
  ['resident', CITIZEN_CARD],
  ['resident 长期', ELDER_CARD],
  ['HK permit', HMT],
  ['foreign 2017', FOREIGN_2017],
  ['foreign 2023', FOREIGN_2023],
];

/** Places a card, lifts it once read, and waits until the reader has seen it go (as a person would). */
async function swipe(card: SimulatedCard): Promise<void> {
  rig.idCard.placeCard(card);
  await waitUntil(() => rig.host.devices.reader?.readerState === 'card-present', 10_000, 'card read');
  rig.idCard.removeCard();
  await waitUntil(() => rig.host.devices.reader?.readerState === 'no-card', 10_000, 'card lifted');
}

describe('every card layout through the kiosk', () => {
  it.each(LAYOUTS)('%s: an online ticket from the center (never the offline block), with the masked number', async (_name, card) => {
    await rig.reset();
    const p = rig.page;
    rig.idCard.placeCard(card);
    await p.waitForSelector('[data-screen=take]', { timeout: 10_000 });
    rig.idCard.removeCard();
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
    expect(await p.isVisible('[data-testid=ticket-offline]')).toBe(false);
  });

  it.each(LAYOUTS.filter(([n]) => n !== 'resident 长期'))('%s: books on the phone, checks in by card at the kiosk, looks up progress by card', async (name, card) => {
    const phone = `1390000${String(LAYOUTS.findIndex(([n]) => n === name)).padStart(4, '0')}`;
    await bookNow(rig.center, 'social', card.idNumber, phone);
    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=go-checkin]');
    await swipe(card);
    await p.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
    expect(await p.isVisible('.badge.priority')).toBe(true);
    // Progress by card: nobody has cases under these numbers but the demo citizen — the answer is
    // "none for this card", not a complaint about a receipt code or an error.
    await rig.reset();
    await p.click('[data-testid=go-progress]');
    await swipe(card);
    if (card === CITIZEN_CARD) {
      await p.waitForSelector('[data-testid=case]', { timeout: 10_000 });
    } else {
      await p.waitForSelector('[data-testid=lookup-failed][data-reason=not-found]', { timeout: 10_000 });
      expect(await p.textContent('[data-testid=lookup-failed]')).toContain('这张证件名下');
    }
  });

  it('a second card on the progress result screen never shows the first person\'s cases', async () => {
    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=go-progress]');
    await swipe(CITIZEN_CARD);
    await p.waitForSelector('[data-testid=case]', { timeout: 10_000 });
    await swipe(FOREIGN_2017);
    await p.waitForSelector('[data-testid=lookup-failed][data-reason=not-found]', { timeout: 10_000 });
    expect(await p.locator('[data-testid=case]').count()).toBe(0);
  });

  it.each([
    ['a wrong check character', { ...CITIZEN_CARD, idNumber: `${CITIZEN_CARD.idNumber.slice(0, 17)}${CITIZEN_CARD.idNumber.endsWith('9') ? '8' : '9'}` }, 'check-character', '最后一位校验不通过'],
    ['an impossible birth date', { ...CITIZEN_CARD, birthDate: '1985-02-30', idNumber: valid('37060219850230123') }, 'birth-date', '出生日期不存在'],
    ['an expired residence permit', { ...HMT, validFrom: '2014-01-01', validTo: '2019-01-01' }, 'expired', '证件已过有效期'],
  ] as const)('%s is refused in plain words, no ticket screen', async (_what, card, problem, words) => {
    await rig.reset();
    const p = rig.page;
    rig.idCard.placeCard(card as SimulatedCard);
    await p.waitForSelector(`[data-testid=card-refused][data-problem=${problem}]`, { timeout: 10_000 });
    rig.idCard.removeCard();
    const text = (await p.textContent('[data-testid=card-refused]')) ?? '';
    expect(text).toContain(words);
    expect(text).toContain('服务台');
    expect(await p.getAttribute('.kiosk', 'data-screen')).toBe('home');
  });

  it('a reader that finds cards but never answers a read is noticed: no more invitations to swipe, the fleet sees it', async () => {
    await rig.reset();
    const p = rig.page;
    await p.waitForSelector('[data-testid=go-take]');
    rig.idCard.muteReads(true);
    rig.idCard.placeCard(CITIZEN_CARD);
    try {
      await waitUntil(() => rig.host.devices.health().reader === 'offline', 20_000, 'reader counted out of use');
      await p.click('[data-testid=go-checkin]');
      // The reader's state reaches the screen through the host's next view: poll, never read once.
      await expect.poll(() => p.locator('text=刷身份证').count(), { timeout: 10_000 }).toBe(0);
      expect(rig.host.devices.reader?.fault).toMatch(/failed exchanges/);
    } finally {
      rig.idCard.muteReads(false);
    }
    // Works again at the next good read.
    await waitUntil(() => rig.host.devices.health().reader === 'ready', 20_000, 'reader back');
    rig.idCard.removeCard();
  });

  it('bad checksums while nobody placed a card never tell the citizen to lift one', async () => {
    await rig.reset();
    const p = rig.page;
    rig.idCard.injectFault('bad-checksum', 2);
    await waitUntil(() => rig.idCard.commands.length > 0, 5000, 'polling');
    await p.waitForTimeout(1500);
    expect(await p.locator('[data-testid=card-error]').count()).toBe(0);
  });
});
