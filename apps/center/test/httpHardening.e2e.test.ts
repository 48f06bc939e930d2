// Issue 15 item 9 in Chromium: with the full content security policy the center's pages still work —
// the window console calls a ticket (showing an unprinted ticket's mark), every admin tab renders
// (charts, tables), the phone pages and the service desk load — and the browser reports no CSP
// violation anywhere. Screenshot: artifacts/screenshots/center-console-unprinted.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';

let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

/** A page that records every CSP violation the browser reports (event and console line). */
async function watchedPage(size: { width: number; height: number }): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = [];
  const page = await browser.newPage({ viewport: size });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

describe('pages under the full CSP', () => {
  it('window console, admin tabs, phone pages and desk work with no CSP violation', async () => {
    const t = center.ctx.desk.issue({ categoryId: 'general', source: 'on-site', priority: 'normal' }, 'kiosk-1');
    if (!t.ok) throw new Error('no ticket');
    center.hall.run('kiosk-1', (h) => h.ingest({ type: 'TicketPrinted', v: 1, at: new Date().toISOString(), ticketId: t.ticketId, by: 'kiosk-1', printed: false, problem: 'paper-empty' }));

    const { page, violations } = await watchedPage({ width: 1280, height: 820 });
    await page.goto(`${center.httpUrl}/console/w5`);
    await page.getByLabel('工号').fill('YT0501');
    await page.getByLabel('密码（PIN）').fill('0501');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId(`unprinted-${t.number}`).waitFor();
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(t.number);
    expect(await page.getByTestId('current-unprinted').textContent()).toBe('未打印');
    await page.screenshot({ path: join(SCREENSHOTS, 'center-console-unprinted.png') });

    const admin = await watchedPage({ width: 1360, height: 900 });
    await admin.page.goto(`${center.httpUrl}/admin`);
    await admin.page.getByLabel('用户名').fill('admin');
    await admin.page.getByLabel('密码').fill('pw-admin');
    await admin.page.getByRole('button', { name: '登录' }).click();
    await admin.page.getByTestId('tab-queue').waitFor();
    const tabs = await admin.page.locator('[data-testid^=tab-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    expect(tabs.length).toBeGreaterThan(3);
    for (const tab of tabs) {
      await admin.page.getByTestId(tab).click();
      await admin.page.waitForTimeout(300);
    }

    const phone = await watchedPage({ width: 375, height: 812 });
    for (const p of ['/m/', '/m/take', '/m/book', '/m/progress', '/desk']) {
      await phone.page.goto(`${center.httpUrl}${p}`);
      await phone.page.waitForSelector('#root > *', { timeout: 10_000 });
    }
    expect([...violations, ...admin.violations, ...phone.violations]).toEqual([]);
  }, 120_000);
});
