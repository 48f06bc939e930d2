// The log-in steps every console and phone-page e2e test takes, in one place: the admin console
// (/admin), a window console (/console/{window}) and the phone pages' SMS-code log-in (the code read
// from the center's log, see phone.ts). Language-independent selectors, so a test may switch the
// page to 繁體 or English first.
import type { Page } from 'playwright-core';
import { waitUntil } from './centerHarness.ts';

/** The admin account the e2e centers create with `center.ctx.accounts.upsertAdmin(...)`. */
export const E2E_ADMIN = { username: 'admin', password: 'pw-admin' } as const;

/** Fills and submits the console log-in form already on the page (admin, staff or 值班长). */
export async function submitConsoleLogin(page: Page, user: string, secret: string): Promise<void> {
  const form = page.locator('form.login');
  await form.locator('input[name=user]').fill(user);
  await form.locator('input[name=secret]').fill(secret);
  await form.locator('button[type=submit]').click();
}

/** Opens the admin console and logs in; resolves once the console's tabs are there. */
export async function logInAsAdmin(page: Page, centerUrl: string, account: { username: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto(`${centerUrl}/admin`);
  await submitConsoleLogin(page, account.username, account.password);
  await page.locator('nav.tabs').waitFor();
}

/** Opens a window's console and logs staff in there; resolves once 呼叫下一位 is offered. */
export async function logInAtWindow(page: Page, centerUrl: string, windowId: string, staffNo: string, pin: string): Promise<void> {
  await page.goto(`${centerUrl}/console/${windowId}`);
  await submitConsoleLogin(page, staffNo, pin);
  await page.getByTestId('call-next').waitFor();
}

export interface PhoneLogInOptions {
  /** The codes the center logged (codeCapturingLogger in phone.ts). */
  codes: { phone: string; code: string }[];
  /** Called at each stage, e.g. to measure contrast of the form as the citizen sees it. */
  check?: (stage: 'form' | 'phone typed' | 'logged in') => Promise<void>;
}

/** On a phone page that asks for the SMS log-in (/m/take, /m/book, …): number, code, log in. */
export async function logInByPhone(page: Page, phoneNo: string, { codes, check }: PhoneLogInOptions): Promise<void> {
  const form = page.getByTestId('login');
  await form.waitFor();
  await check?.('form');
  await form.locator('input[name=phone]').fill(phoneNo);
  await check?.('phone typed');
  const before = codes.length;
  await page.getByTestId('login-send').click();
  const masked = `${phoneNo.slice(0, 3)}****${phoneNo.slice(7)}`;
  await waitUntil('login code in the log', () => codes.slice(before).some((c) => c.phone === masked));
  const code = codes.filter((c) => c.phone === masked).at(-1)?.code ?? '';
  await form.locator('input[name=code]').fill(code);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logged-in').waitFor();
  await check?.('logged in');
}
