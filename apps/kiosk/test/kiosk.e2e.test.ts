// The kiosk end to end: Chromium at 1080×1920 on the real host, simulated printer/reader/scanner,
// a real Mosquitto and the real center. The printed ticket is checked through the printer simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskRig, TECH_PIN, waitUntil } from './support/KioskRig.ts';
import { CITIZEN_CARD, ELDER_CARD } from '../src/host/demo/demoCards.ts';
import { bookNow } from './support/booking.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await KioskRig.start();
}, 90_000);
afterAll(async () => {
  await rig?.stop();
});

const tileWaiting = async (id: string): Promise<number | null> => {
  const v = await rig.page.getAttribute(`[data-testid=waiting-${id}]`, 'data-waiting');
  return v === null || v === '' ? null : Number(v);
};

/** Taps the on-screen keyboard, switching between its letter and digit layouts as needed. */
async function typeOnKeyboard(text: string): Promise<void> {
  const p = rig.page;
  for (const k of text) {
    const want = /\d/.test(k) ? 'digits' : 'letters';
    if ((await p.getAttribute('.hk-keyboard', 'data-mode')) !== want) await p.click(`.hk-keyboard [data-key="mode:${want}"]`);
    await p.click(`.hk-keyboard [data-key="${k}"]`);
  }
}

describe('kiosk in Chromium against the host, simulated devices, Mosquitto and the center', () => {
  it('takes a ticket: live tiles, ticket on screen with its QR code, the printed ticket, the count moves', async () => {
    const p = rig.page;
    await rig.shot('home');
    await p.click('[data-testid=go-take]');
    // Live counts come from the center's retained snapshot.
    await waitUntil(async () => (await tileWaiting('social')) !== null, 15_000, 'live waiting count');
    const before = (await tileWaiting('social')) as number;
    await rig.shot('category-choice');
    const printed = rig.printer.nextReceipt(10_000);
    await p.click('[data-testid=tile-social]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    expect(number).toMatch(/^E\d{3}$/);
    await p.waitForSelector('[data-testid=print-ok]');
    const followUrl = (await p.getAttribute('img[data-qr]', 'data-qr')) ?? '';
    expect(followUrl).toContain(`${rig.center.httpUrl}/m/t/`);
    await printed;
    const text = rig.printer.receiptText();
    expect(text).toContain(number);
    expect(text).toContain('社保就业');
    expect(text).toContain('烟台市政务服务中心');
    expect(text).toContain(`[QR] ${followUrl}`);
    await rig.shot('ticket');
    // The ticket is in the center's line: the tile's count goes up by one.
    await p.click('[data-testid=ticket-done]');
    await p.click('[data-testid=go-take]');
    await waitUntil(async () => (await tileWaiting('social')) === before + 1, 10_000, 'waiting count +1');
  });

  it('finds a service by its Chinese name typed in pinyin on the on-screen keyboard, and prints it on the ticket', async () => {
    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=search-open]');
    for (const k of 'YANGLAO') await p.click(`.hk-keyboard [data-key="${k}"]`);
    expect(await p.textContent('[data-testid=composition]')).toBe('yanglao');
    await p.click('.hk-candidate[data-candidate="城乡居民养老保险参保登记"]');
    expect(await p.textContent('[data-testid=search-value]')).toBe('城乡居民养老保险参保登记');
    await rig.shot('pinyin-search');
    const printed = rig.printer.nextReceipt(10_000);
    await p.click('.search-hit');
    await p.waitForSelector('[data-testid=ticket-number]');
    await printed;
    expect(rig.printer.receiptText()).toContain('城乡居民养老保险参保登记');
  });

  it('paper runs out during the print: plain words, the ticket stays on screen with its QR code, reprint after reloading paper', async () => {
    await rig.reset();
    const p = rig.page;
    rig.printer.failAfter(200, 'paper-empty');
    await p.click('[data-testid=go-take]');
    await p.click('[data-testid=tile-fund]');
    await p.waitForSelector('[data-testid=print-failed][data-reason=paper-empty]');
    expect(await p.textContent('[data-testid=print-failed]')).toContain('打印机没纸了');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    expect(number).toMatch(/^C\d{3}$/);
    expect(await p.isVisible('img[data-qr]')).toBe(true);
    await rig.shot('paper-empty');
    // Paper loaded: print the same ticket again from its screen.
    rig.printer.setPaper('ok');
    const reprinted = rig.printer.nextReceipt(10_000);
    await p.click('[data-testid=reprint]');
    await p.waitForSelector('[data-testid=print-ok]', { timeout: 10_000 });
    await reprinted;
    expect(rig.printer.receiptText()).toContain(number);
    expect(rig.printer.receiptText()).toContain('住房公积金');
    // While the printer is out of paper, the ticket screens say so before anyone taps.
    rig.printer.setPaper('empty');
    await p.click('[data-testid=ticket-done]');
    await p.click('[data-testid=go-take]');
    await p.waitForSelector('[data-testid=printer-banner]', { timeout: 10_000 });
    expect(await p.textContent('[data-testid=printer-banner]')).toContain('打印机缺纸');
    rig.printer.setPaper('ok');
    await p.waitForSelector('[data-testid=printer-banner]', { state: 'detached', timeout: 10_000 });
  });

  it('elder mode: an ID card of a 78-year-old turns it on — bigger, fewer tiles, voice guidance, ticket said aloud, a 绿色通道 ticket by the hall policy', async () => {
    await rig.reset();
    const p = rig.page;
    const said = rig.voice.said.length;
    rig.idCard.placeCard(ELDER_CARD);
    await p.waitForSelector('[data-screen=take][data-elder="1"]', { timeout: 10_000 });
    rig.idCard.removeCard();
    expect(await p.locator('.tile').count()).toBe(4);
    await waitUntil(() => rig.voice.said.slice(said).some((u) => u.text.includes('请选择您要办的业务')), 5000, 'guidance spoken');
    await rig.shot('elder-mode');
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    await waitUntil(() => rig.voice.said.some((u) => u.text.startsWith(`您的号码是 ${[...number].join(' ')}`)), 5000, 'ticket spoken');
    // The ticket was issued for the card (masked number only ever leaves the kiosk for a ticket).
    expect(JSON.stringify(rig.voice.said)).not.toContain(ELDER_CARD.idNumber);
    // 78 ≥ the demo hall's 70: a 绿色通道 ticket, on screen, on paper and in the center's line.
    expect(await p.textContent('[data-testid=ticket-priority]')).toContain('绿色通道');
    await waitUntil(() => rig.printer.receiptText().includes(number), 10_000, 'ticket printed');
    expect(rig.printer.receiptText()).toContain('绿色通道');
  }, 60_000);

  it('appointment check-in: the booking QR code from the phone scanned → priority ticket printed; scanned again → already used, with a way on', async () => {
    await rig.reset();
    const p = rig.page;
    const code = await bookNow(rig.center, 'social', CITIZEN_CARD.idNumber, '13800138000');
    await p.click('[data-testid=go-checkin]');
    await rig.shot('appointment-check-in');
    // The scanner works from any screen: the code lands on the check-in screen and is submitted.
    const printed = rig.printer.nextReceipt(10_000);
    await rig.scanner.scan(code);
    await p.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
    const number = (await p.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    expect(number).toMatch(/^E\d{3}$/);
    expect(await p.isVisible('.badge.priority')).toBe(true);
    await printed;
    expect(rig.printer.receiptText()).toContain(number);
    expect(rig.printer.receiptText()).toContain('预约');
    await p.click('[data-testid=ticket-done]');
    await rig.scanner.scan(code);
    await p.waitForSelector('[data-testid=checkin-refused][data-reason=already-used]', { timeout: 10_000 });
    expect(await p.textContent('[data-testid=checkin-refused]')).toContain('已经签到过了');
    // The way on: a normal ticket.
    await p.click('[data-testid=take-normal]');
    await p.waitForSelector('[data-screen=take]');
    // A code nobody booked.
    await p.click('[data-testid=home-button]');
    await rig.scanner.scan('ZZZZ9999');
    await p.waitForSelector('[data-testid=checkin-refused][data-reason=not-found]', { timeout: 10_000 });
  });

  it('progress look-up by typed receipt code on the on-screen keyboard, a printed copy, and by ID card', async () => {
    await rig.reset();
    const p = rig.page;
    await p.click('[data-testid=go-progress]');
    await typeOnKeyboard('YT20260001');
    expect(await p.textContent('[data-testid=code-value]')).toBe('YT20260001');
    await p.click('[data-testid=code-submit]');
    await p.waitForSelector('[data-testid=case][data-receipt=YT20260001]', { timeout: 10_000 });
    expect(await p.locator('[data-testid=case-step]').count()).toBeGreaterThan(1);
    await rig.shot('progress');
    const copy = rig.printer.nextReceipt(10_000);
    await p.click('[data-testid=case-print]');
    await copy;
    expect(rig.printer.receiptText()).toContain('办件进度');
    expect(rig.printer.receiptText()).toContain('YT20260001');
    // By card: the holder's cases.
    await rig.reset();
    await p.click('[data-testid=go-progress]');
    rig.idCard.placeCard(CITIZEN_CARD);
    await p.waitForSelector('[data-testid=case]', { timeout: 10_000 });
    rig.idCard.removeCard();
    expect(await p.locator('[data-testid=case]').count()).toBeGreaterThanOrEqual(1);
  });

  it('technician mode behind five corner taps and the PIN: device status and a test print', async () => {
    await rig.reset();
    const p = rig.page;
    for (let i = 0; i < 5; i++) await p.click('[data-testid=tech-corner]', { timeout: 3000 });
    await p.waitForSelector('[data-screen=technician]', { timeout: 3000 });
    for (const d of '0000') await p.click(`.hk-keyboard [data-key="${d}"]`, { timeout: 3000 });
    await p.click('.hk-keyboard [data-key="enter"]', { timeout: 3000 });
    await p.waitForSelector('text=密码不正确', { timeout: 3000 });
    for (const d of TECH_PIN) await p.click(`.hk-keyboard [data-key="${d}"]`);
    await p.click('.hk-keyboard [data-key="enter"]');
    await p.waitForSelector('[data-testid=tech-status]');
    expect(await p.textContent('[data-testid=tech-status]')).toContain('kiosk-1');
    const test = rig.printer.nextReceipt(10_000);
    await p.click('[data-testid=tech-test-print]');
    await test;
    expect(rig.printer.receiptText()).toContain('打印机自检');
    await p.click('[data-testid=tech-exit]');
    await p.waitForSelector('[data-screen=home]');
  });
  it('shows the hall definition\'s own 繁體 and English names for categories and zones, not the Simplified ones', async () => {
    const p = rig.page;
    await p.click('[data-testid=home-button]').catch(() => undefined);
    await p.click('[data-lang=en]');
    await p.click('[data-testid=go-take]');
    // Six English tiles a page (their names take two or three lines): 办税服务 is on the second.
    await p.click('[data-testid=next-page]');
    await waitUntil(async () => ((await p.textContent('[data-testid=tile-tax]')) ?? '').includes('Tax Services'), 15_000, 'English category name');
    expect(await p.textContent('[data-testid=tile-tax]')).toContain('Taxation');
    await p.click('[data-lang=zh-TW]');
    await waitUntil(async () => ((await p.textContent('[data-testid=tile-tax]')) ?? '').includes('辦稅服務'), 15_000, '繁體 category name');
    await rig.shot('category-choice-zh-TW');
    await p.click('[data-lang=zh-CN]');
    await p.click('[data-testid=home-button]');
  }, 60_000);
  it('shows the zone\'s 楼层位置 in English and 繁體 on the tile and the ticket, a case\'s 实施部门 and 事项 in English; the printed ticket keeps the hall\'s Simplified words', async () => {
    const p = rig.page;
    await p.click('[data-testid=home-button]').catch(() => undefined);
    await p.click('[data-lang=en]');
    await p.click('[data-testid=go-take]');
    const tile = async () => (await p.textContent('[data-testid=tile-general]')) ?? '';
    await waitUntil(async () => (await tile()).includes('1F, East Hall'), 15_000, 'English location on the tile');
    expect(await tile()).not.toContain('一楼东厅');
    const printed = rig.printer.nextReceipt(10_000);
    await p.click('[data-testid=tile-general]');
    await p.waitForSelector('[data-testid=ticket-number]');
    const ticket = async () => (await p.textContent('[data-testid=ticket-view]')) ?? '';
    expect(await ticket()).toContain('1F, East Hall');
    expect(await ticket()).not.toContain('一楼东厅');
    // On paper the hall's names stay as the hall writes them (the zone's name is Simplified there too).
    await printed;
    expect(rig.printer.receiptText()).toContain('一楼东厅');
    await p.click('[data-lang=zh-TW]');
    await waitUntil(async () => (await ticket()).includes('一樓東廳'), 15_000, '繁體 location on the ticket');
    // A case's 实施部门 in the screen's language too (the case names it as the platform writes it).
    await p.click('[data-testid=ticket-done]');
    await p.click('[data-lang=en]');
    await p.click('[data-testid=go-progress]');
    await typeOnKeyboard('YT20260001');
    await p.click('[data-testid=code-submit]');
    await p.waitForSelector('[data-testid=case][data-receipt=YT20260001]', { timeout: 10_000 });
    expect(await p.textContent('[data-testid=case]')).toContain('Municipal Administrative Approval Service Bureau');
    // And its 事项: the platform names it in Simplified, the hall's item of that name says it in English.
    expect(await p.textContent('[data-testid=case]')).toContain('Business start-up registration');
    expect(await p.textContent('[data-testid=case]')).not.toContain('企业开办');
    await p.click('[data-lang=zh-CN]');
    await p.click('[data-testid=home-button]');
  }, 60_000);
});
