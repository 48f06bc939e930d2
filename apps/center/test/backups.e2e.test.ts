// 数据库备份 in the admin console (Chromium): the admin sees the last good copy, the next one and the
// files, presses 立即备份 and sees the new copy; a backup folder that cannot be written shows the
// failure in red with the reason. Screenshot: artifacts/screenshots/center-admin-backups.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@hallkit/testkit';
import type { Center } from '../src/server/Center.ts';
import { startCenter, tempDir } from './support/centerHarness.ts';
import { ensureWebBuilt, SCREENSHOTS } from './support/webBuild.ts';

let center: Center;
let browser: Browser;
const dir = tempDir();

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  center = await startCenter({ dataDir: dir, backups: { everyHours: 6, keep: 3 } });
  center.ctx.accounts.upsertAdmin('admin', 'pw-admin');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await center?.stop();
});

describe('admin console: 数据库备份', () => {
  it('立即备份 makes a copy the card then lists; only the newest `keep` stay', async () => {
    for (let i = 0; i < 3; i++) {
      await center.ctx.backups.backupNow('test');
      await new Promise((r) => setTimeout(r, 1100)); // file names carry the second
    }
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${center.httpUrl}/admin`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('pw-admin');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('tab-audit').click();
    await expect.poll(() => page.getByRole('heading', { name: '数据库备份' }).count()).toBe(1);
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^已备份：center-\d{8}T\d{6}Z\.sqlite$/);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(3);
    await expect.poll(async () => (await page.locator('.card', { hasText: '数据库备份' }).textContent()) ?? '').toMatch(/每 6 小时一次，保留 3 份/);
    await page.screenshot({ path: join(SCREENSHOTS, 'center-admin-backups.png') });

    // The backup folder is unusable (here: a file where the folder should be — root may write anywhere):
    // the admin sees why, and the card shows the failed run.
    renameSync(join(dir, 'backups'), join(dir, 'backups.kept'));
    writeFileSync(join(dir, 'backups'), '');
    try {
      await page.getByRole('button', { name: '立即备份' }).click();
      await expect.poll(() => page.getByRole('alert').last().textContent()).toMatch(/^备份失败：(unable to open database|ENOTDIR|not a directory).*请检查存放目录/i);
      // The card keeps the failed run (live update), and the audit has it.
      await expect.poll(async () => (await page.locator('.card', { hasText: '数据库备份' }).textContent()) ?? '').toContain('最近一次失败');
      await expect.poll(async () => (await page.locator('.card', { hasText: '操作日志' }).last().textContent()) ?? '').toContain('backup.failed');
      await page.screenshot({ path: join(SCREENSHOTS, 'center-admin-backups-failed.png') });
    } finally {
      rmSync(join(dir, 'backups'));
      renameSync(join(dir, 'backups.kept'), join(dir, 'backups'));
    }
    await page.close();
  }, 120_000);
});
