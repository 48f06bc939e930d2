// The hall definition's translated names reach the rating pad: an admin saves a service item's 繁體 and
// English names in the hall editor's save (the admin API the editor posts to), and the pad — a real host
// process over Mosquitto, the renderer in Chromium — names the item in zh-TW and en when it asks for a
// rating. Nothing in the pad changes for this: it shows what the hall definition says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HallDefinition } from '@hallkit/core';
import { launchChromium, Mosquitto, shippedHall } from '@hallkit/testkit';
import { CenterProcess } from './harness/CenterProcess.ts';
import { HttpSession } from './harness/HttpSession.ts';
import { Kiosk } from './harness/Kiosk.ts';
import { PadProcess } from './harness/PadProcess.ts';

const CATEGORY = Kiosk.categoryFor('w5');
const ITEM = shippedHall('yantai', { allDay: true }).catalog.items.find((i) => i.categoryId === CATEGORY);
const NAMES = { 'zh-TW': '企業開辦一窗通辦（測試）', en: 'One-window business start-up (test)' } as const;

let mosq: Mosquitto;
let center: CenterProcess;
let pad: PadProcess;
let kiosk: Kiosk;
let staff: HttpSession;
let admin: HttpSession;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mosq = await Mosquitto.start();
  center = await CenterProcess.start(mosq.url);
  [pad, kiosk, browser] = await Promise.all([
    PadProcess.start({ dataDir: mkdtempSync(join(tmpdir(), 'hallkit-ev-names-')), mqttUrl: mosq.url }),
    Kiosk.start(mosq.url),
    launchChromium(),
  ]);
  staff = new HttpSession(center.httpUrl);
  await staff.login('/api/login/staff', { staffNo: 'YT0501', pin: '0501' });
  admin = new HttpSession(center.httpUrl);
  await admin.login('/api/login/admin', { username: 'admin', password: 'hallkit-admin' });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled([pad?.stop(), kiosk?.stop()]);
  await center?.stop();
  await mosq?.stop();
});

describe('translated item names on the rating pad', () => {
  it('an item name saved in 繁體 and English is what the pad asks about in zh-TW and en', { timeout: 120_000 }, async () => {
    if (!ITEM) throw new Error(`no item in ${CATEGORY}`);
    const { definition } = (await admin.get('/api/admin/hall-definition')) as { definition: HallDefinition };
    const item = definition.catalog.items.find((i) => i.id === ITEM.id);
    if (!item) throw new Error(`no item ${ITEM.id}`);
    item.i18n = { ...NAMES };
    const saved = await admin.post('/api/admin/hall-definition', { v: 1, definition, note: 'item names in 繁體 and English' });
    expect(saved.version).toBe(definition.version + 1);

    for (const lang of ['zh-TW', 'en'] as const) {
      await page.goto(pad.url);
      await page.waitForSelector('[data-screen="idle"]', { timeout: 15_000 });
      await page.click(`.pad-bar [data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 5000 });
      await kiosk.issue(CATEGORY);
      await staff.post('/api/windows/w5/call-next');
      await staff.post('/api/windows/w5/finish', { outcome: 'completed', itemId: ITEM.id });
      await page.waitForSelector('[data-screen="rating"]', { timeout: 15_000 });
      await expect.poll(() => page.getByTestId('prompt-service').textContent(), { timeout: 10_000 }).toBe(NAMES[lang]);
      await page.click('[data-level="satisfied"]');
      await page.waitForSelector('[data-screen="thanks"]', { timeout: 15_000 });
    }
  });
});
