// The citizen's phone pages as screens (issue 16): at 375×667 and 360×800, in 简体, 繁體 and English,
// standard and elder size, every page and state that matters passes axe-core (WCAG 2.x A/AA and best
// practice), WCAG AA contrast, touch targets ≥ 44 px, no sideways scrolling and, in elder size, no text
// under 20 px. The follow page has a main heading and tells a screen reader when the queue moves or
// the ticket is called; times are the hall's even on a phone set to another zone.
// Screenshots: phone-screen-<state>-<lang>-<size>[-elder].png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotDir, shippedHall } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import { LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { codeCapturingLogger, PHONE } from './support/phone.ts';
import { ConsoleClient, openDevice, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';
import { lowContrast } from './support/contrast.ts';
import { axeViolations, sidewaysOverflow, smallTargets, smallText } from './support/screenChecks.ts';
import { logInByPhone } from './support/logIn.ts';
import { DEMO_APPLICANTS } from '../src/mobile/cases/demoCases.ts';

const SHOTS = screenshotDir();
const FUND_WINDOW = 'w97';
const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
type Lang = (typeof LANGS)[number];
const DEPARTMENT: Record<Lang, string> = { 'zh-CN': '市行政审批服务局', 'zh-TW': '市行政審批服務局', en: 'Municipal Administrative Approval Service Bureau' };
const FUND: Record<Lang, string> = { 'zh-CN': '住房公积金', 'zh-TW': '住房公積金', en: 'Housing Provident Fund' };
const ITEM: Record<Lang, string> = { 'zh-CN': '企业开办（设立登记）', 'zh-TW': '企業開辦（設立登記）', en: 'Business start-up registration' };
const SIZES = { '375x667': { width: 375, height: 667 }, '360x800': { width: 360, height: 800 } } as const;

let center: Center;
let browser: Browser;
let staff: ConsoleClient;
const dir = tempDir('hallkit-phone-screens-');
const { log, codes } = codeCapturingLogger();
let phoneSeq = 0;

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({
    dataDir: dir,
    hallConfig: shippedHall('yantai', { allDay: true }),
    logger: log,
    // Six citizens log in from one address (127.0.0.1) within a minute: more codes per IP than a real
    // phone would ask for (5 in a burst); the limit itself is tested in mobile.e2e.
    modules: [mobileModule({ codeSender: () => new LogCodeSender(log), seedSlotPlans: true, login: { resendAfterMs: 0 }, rateRules: { code: { burst: 20, perMinute: 10 } } })],
  });
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0971', name: '刘静', windowId: FUND_WINDOW }, '0971');
  staff = new ConsoleClient(center.httpUrl);
  await staff.login('staff', { staffNo: 'YT0971', pin: '0971' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const atWindow = async (action: string, body: unknown = {}) => {
  const r = await staff.post<{ result: unknown }>(`/api/windows/${FUND_WINDOW}/${action}`, body);
  if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.result;
};
const onsite = () => {
  const r = center.ctx.desk.issue({ categoryId: 'fund', source: 'on-site', priority: 'normal' }, 'kiosk-1');
  if (!r.ok) throw new Error(r.code);
  return r;
};
async function drain(): Promise<void> {
  while ((await atWindow('call-next')) !== null) await atWindow('finish', { outcome: 'completed' });
}

async function phone(lang: Lang, size: keyof typeof SIZES, o: { elder?: boolean; timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, viewport: SIZES[size], ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}) });
  // What the page remembers from an earlier visit: the citizen's language and size choice.
  await context.addInitScript(
    ([l, elder]) => {
      localStorage.setItem('hallkit.m.lang', l as string);
      if (elder) localStorage.setItem('hallkit.m.elder', '1');
    },
    [lang, o.elder ?? false] as const,
  );
  return { context, page: await context.newPage() };
}

/** Every check of the visual standard, on the page as it is now. */
async function expectScreen(page: Page, where: string, lang: Lang, elder: boolean): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  expect(await page.getAttribute('html', 'lang'), `${where}: lang`).toBe(lang);
  const found = {
    axe: await axeViolations(page),
    contrast: await lowContrast(page),
    targets: await smallTargets(page),
    overflow: await sidewaysOverflow(page),
    text: await smallText(page, elder ? 20 : 14),
  };
  expect.soft(found, where).toEqual({ axe: [], contrast: [], targets: [], overflow: [], text: [] });
}

describe('phone pages at phone size, three languages, standard and elder size', () => {
  const combos = [
    ...LANGS.map((lang) => ({ lang, size: '375x667' as const, elder: false })),
    ...LANGS.map((lang) => ({ lang, size: '360x800' as const, elder: true })),
  ];
  // A finished ticket whose window rating has lapsed: its link offers 补充评价 in every combo below.
  let rateUrl = '';
  beforeAll(async () => {
    await drain();
    const t = onsite();
    expect(await atWindow('call-next')).toBe(t.number);
    await atWindow('finish', { outcome: 'completed' });
    await center.provisionKnown({ deviceId: 'pad-w97', role: 'evaluator', name: '97号窗口评价器', windowId: FUND_WINDOW }, 'pad-secret');
    const pad = openDevice(dir, center.mqttUrl, 'yantai', 'pad-w97', 'pad-secret');
    pad.link.start();
    const serviceId = center.hall.state.tickets.get(t.ticketId)?.services.at(-1)?.serviceId ?? '';
    pad.store.append({ type: 'EvaluationLapsed', v: 1, at: new Date().toISOString(), serviceId, ticketId: t.ticketId });
    const token = new URL(t.followUrl).pathname.split('/').at(-1) ?? '';
    await waitUntil('the phone may rate', async () => ((await (await fetch(`${center.httpUrl}/api/m/t/${token}`)).json()) as { rating: { state: string } }).rating.state === 'open');
    await pad.close();
    rateUrl = t.followUrl;
  }, 30_000);

  for (const { lang, size, elder } of combos) {
    it(`${lang} ${size}${elder ? ' elder' : ''}: home, queue, follow (waiting, called), rate later, take, book, progress`, { timeout: 120_000 }, async () => {
      const tag = `${lang}-${size}${elder ? '-elder' : ''}`;
      const { context, page } = await phone(lang, size, { elder });
      const shot = (state: string) => page.screenshot({ path: join(SHOTS, `phone-screen-${state}-${tag}.png`), fullPage: true });

      await page.goto(`${center.httpUrl}/m/`);
      await page.locator('.m-home').waitFor();
      await expectScreen(page, `${tag} home`, lang, elder);
      await shot('home');

      await page.goto(`${center.httpUrl}/m/queue`);
      await page.getByTestId('queue-list').waitFor();
      await expectScreen(page, `${tag} queue`, lang, elder);
      await shot('queue');

      await drain();
      onsite();
      const mine = onsite();
      await page.goto(mine.followUrl);
      await page.getByTestId('ahead').waitFor();
      // The ticket's category in the citizen's language (the page every ticket's QR code opens).
      expect(await page.getByTestId('follow-category').textContent()).toBe(FUND[lang]);
      await expectScreen(page, `${tag} follow waiting`, lang, elder);
      await shot('follow-waiting');
      await atWindow('call-next');
      await atWindow('finish', { outcome: 'completed' });
      await atWindow('call-next');
      await page.getByTestId('called').waitFor();
      await expectScreen(page, `${tag} follow called`, lang, elder);
      await shot('follow-called');
      await atWindow('finish', { outcome: 'completed' });

      await page.goto(rateUrl);
      await page.getByTestId('rate').waitFor();
      await page.locator('.m-level.bad').last().click(); // 非常不满意: the reasons appear
      await page.locator('.m-reasons').waitFor();
      await expectScreen(page, `${tag} rate later, dissatisfied`, lang, elder);
      await shot('rate');

      await page.goto(`${center.httpUrl}/m/take`);
      await logInByPhone(page, `1380013${String(8000 + phoneSeq++).padStart(4, '0')}`, { codes, check: (stage) => expectScreen(page, `${tag} take, log-in ${stage}`, lang, elder) });
      await page.locator('select[name=category]').waitFor();
      await shot('take');

      await page.goto(`${center.httpUrl}/m/book`);
      await page.locator('select[name=category]').selectOption('fund');
      await page.locator('.m-day').nth(1).click();
      await page.locator('button[data-slot]').first().waitFor();
      await expectScreen(page, `${tag} book`, lang, elder);
      await shot('book');

      await page.goto(`${center.httpUrl}/m/progress`);
      await page.locator('input[name=receiptCode]').fill('YT20260001');
      await page.locator('input[name=idLast4]').fill(DEMO_APPLICANTS.zhang.slice(-4));
      await page.locator('input[name=idLast4]').press('Enter');
      await page.getByTestId('case').waitFor();
      // The case's 实施部门 in the page's language (the hall file's translation of the platform's name).
      await expect.poll(() => page.getByTestId('case').textContent()).toContain(DEPARTMENT[lang]);
      // And its 事项 (the platform names it in Simplified; the hall's item of that name translates it).
      await expect.poll(() => page.getByTestId('case').locator('h2').textContent()).toBe(ITEM[lang]);
      await expectScreen(page, `${tag} progress`, lang, elder);
      await shot('progress');
      await context.close();
    });
  }
});

describe('the follow page for a screen reader', () => {
  it('has one main heading, and a live region announces the people ahead and then the call', async () => {
    await drain();
    onsite();
    const mine = onsite();
    const { context, page } = await phone('zh-CN', '375x667');
    await page.goto(mine.followUrl);
    await page.getByTestId('ahead').waitFor();
    expect(await page.locator('h1').allTextContents()).toEqual([`您的号码 ${mine.number}`]);
    const polite = page.locator('[aria-live=polite][data-testid=announce]');
    const loud = page.locator('[aria-live=assertive][data-testid=announce-call]');
    expect([await polite.count(), await loud.count()]).toEqual([1, 1]);
    await atWindow('call-next');
    await expect.poll(() => polite.textContent()).toMatch(/^前面还有 0 人/);
    await atWindow('finish', { outcome: 'completed' });
    await atWindow('call-next');
    await expect.poll(() => loud.textContent()).toBe(`${mine.number}，请到 97 号窗口办理`);
    await atWindow('recall');
    await expect.poll(() => loud.textContent()).toBe(`${mine.number}，第 1 次重呼：请尽快到 97 号窗口`);
    await atWindow('finish', { outcome: 'completed' });
    await expect.poll(() => polite.textContent()).toBe('业务已办结，感谢您的耐心');
    await context.close();
  });
});

describe('elder size', () => {
  it('is one tap in the header, remembered, and makes every text at least 20 px', async () => {
    const { context, page } = await phone('zh-CN', '375x667');
    await page.goto(`${center.httpUrl}/m/queue`);
    await page.getByTestId('queue-list').waitFor();
    const toggle = page.getByTestId('elder-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.m-root')!).fontSize));
    const before = await rootSize();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await rootSize()).toBeGreaterThanOrEqual(before * 1.25);
    expect(await smallText(page, 20)).toEqual([]);
    await page.reload();
    await page.getByTestId('queue-list').waitFor();
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('times on the phone pages are the hall’s', () => {
  it('a phone set to Los Angeles shows a case’s times in Yantai time', async () => {
    const { context, page } = await phone('zh-CN', '375x667', { timezoneId: 'America/Los_Angeles' });
    const res = await fetch(`${center.httpUrl}/api/m/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptCode: 'YT20260001', idLast4: DEMO_APPLICANTS.zhang.slice(-4) }) });
    const acceptedAt = ((await res.json()) as { cases: { acceptedAt: string }[] }).cases[0]?.acceptedAt ?? '';
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(acceptedAt)).map((x) => [x.type, x.value]));
    await page.goto(`${center.httpUrl}/m/progress`);
    await page.locator('input[name=receiptCode]').fill('YT20260001');
    await page.locator('input[name=idLast4]').fill(DEMO_APPLICANTS.zhang.slice(-4));
    await page.locator('input[name=idLast4]').press('Enter');
    await page.getByTestId('case').waitFor();
    expect(await page.getByTestId('case-accepted').textContent()).toBe(`${p.month}-${p.day} ${p.hour}:${p.minute}`);
    await context.close();
  });
});
