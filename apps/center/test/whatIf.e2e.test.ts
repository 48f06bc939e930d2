// ★ 推演 in the admin console, in Chromium against the real center with generated past days: the
// director picks a day, asks for more windows in a zone, and sees the day's arrivals replayed both
// ways — the figures on screen are the API's for the same request, more windows never make the waits
// longer, and with no change the what-if equals what happened.
// Screenshot: center-admin-whatif.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotDir } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { reportsModule } from '../src/server/reports/ReportsModule.ts';
import { seedDemoHistory } from '../src/server/reports/demoHistory.ts';
import type { WhatIfResult } from '../src/server/reports/WhatIf.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt } from './support/webBuild.ts';

const SHOTS = screenshotDir();
let center: Center;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  center = await startCenter({ dataDir: tempDir('hallkit-whatif-e2e-'), modules: [reportsModule()] });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  seedDemoHistory(center.hall, new Date(), new Map(), 3);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

const minutesOf = (s: number | null) => (s === null ? '—' : `${(s / 60).toFixed(1)} 分`);

describe('推演 (what-if) in the admin console', () => {
  it('replays a past day with more windows, shows both side by side, and an unchanged plan equals the day', async () => {
    const api = new ConsoleClient(center.httpUrl);
    await api.login('admin', { username: 'admin', password: 'pw-admin' });
    const options = (await api.get<{ days: string[]; zones: { id: string; name: string; windows: number }[] }>('/api/admin/whatif/options')).json;
    expect(options.days).toHaveLength(3);
    const day = options.days[1]!;
    // The zone with the most windows (the busiest line in the generated days).
    const zone = [...options.zones].sort((a, b) => b.windows - a.windows)[0]!;

    const page = await browser.newPage({ viewport: { width: 1360, height: 1400 } });
    await page.goto(`${center.httpUrl}/admin#whatIf`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-whatIf').click();
    await page.getByTestId('whatif-day').selectOption(day);
    await page.getByLabel('第 1 项改动：方式').selectOption('add');
    await page.getByLabel('第 1 项改动：窗口数').fill('3');
    await page.getByLabel('第 1 项改动：增开给').selectOption(`zone:${zone.id}`);
    await page.getByLabel('第 1 项改动：开始时间').fill('08:00');
    await page.getByLabel('第 1 项改动：结束时间').fill('18:00');
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-result').waitFor();

    const expected = (await api.post<WhatIfResult>('/api/admin/whatif', { v: 1, day, changes: [{ kind: 'add', count: 3, zoneId: zone.id, fromMinute: 480, toMinute: 1080 }] })).json;
    expect(await page.getByTestId('whatif-avg-planned').textContent()).toBe(minutesOf(expected.asPlanned.avgWaitSeconds));
    expect(await page.getByTestId('whatif-avg-changed').textContent()).toBe(minutesOf(expected.whatIf.avgWaitSeconds));
    expect(expected.whatIf.avgWaitSeconds!).toBeLessThanOrEqual(expected.asPlanned.avgWaitSeconds!);
    expect(await page.getByTestId('whatif-by-category').locator('tbody tr').count()).toBe(expected.byCategory.length);
    expect(await page.getByTestId('whatif-by-hour').locator('tbody tr').count()).toBe(expected.byHour.length);
    await page.screenshot({ path: join(SHOTS, 'center-admin-whatif.png'), fullPage: true });

    // No change: the replay is the day as it happened.
    await page.getByLabel('删除第 1 项改动').click();
    await page.getByTestId('whatif-run').click();
    await expect.poll(() => page.getByTestId('whatif-avg-changed').textContent()).toBe(minutesOf(expected.asPlanned.avgWaitSeconds));
    expect(await page.getByTestId('whatif-avg-planned').textContent()).toBe(minutesOf(expected.asPlanned.avgWaitSeconds));

    // A change the day cannot carry is said, not hidden: moving more windows than were staffed.
    await page.getByRole('button', { name: '再加一项改动' }).click();
    await page.getByLabel('第 1 项改动：方式').selectOption('move');
    await page.getByLabel('第 1 项改动：窗口数').fill('40');
    await page.getByTestId('whatif-run').click();
    await expect.poll(() => page.getByTestId('whatif-problems').textContent()).toMatch(/当时只有 \d+ 个窗口在岗（要调 40 个）/);
    // The problem is a code with figures, worded by the console in each of its languages.
    expect(await page.getByTestId('whatif-problems').locator('li').first().getAttribute('data-code')).toBe('too-few-staffed');
    await page.getByLabel('language').selectOption('en');
    await expect.poll(() => page.getByTestId('whatif-problems').textContent()).toMatch(/only \d+ of the 40 windows asked for were staffed in .+ then/);
    // The zone it names, the zones offered and the categories of the result in English too (the hall file's translations).
    expect(await page.getByTestId('whatif-problems').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByLabel('Change 1: from zone').locator('option').allTextContents()).toContain('General Government Services');
    const categories = await page.getByTestId('whatif-by-category').locator('tbody td:first-child').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(c, 'a category named in Chinese on the English screen').not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByLabel('language').selectOption('zh-TW');
    await expect.poll(() => page.getByTestId('whatif-problems').textContent()).toMatch(/當時只有 \d+ 個窗口在崗（要調 40 個）/);
    await page.getByLabel('language').selectOption('zh-CN');
  }, 120_000);
});
