// `hallkit-center admin create NAME` on a real terminal (issue 14): it asks for the password twice
// without echoing it, refuses two different ones (nothing created), and with matching ones creates
// the admin who can then log in — driven through a PTY, the way hall IT types it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCenterDb } from '../src/server/store/CenterStore.ts';
import { Accounts } from '../src/server/auth/Accounts.ts';
import { tempDir } from './support/centerHarness.ts';
import { TerminalSession } from './support/terminal.ts';

// Starting node + tsx takes seconds on an idle machine and far longer on 2 cores shared by many test runs.
const START_MS = 100_000;
const CLI = join(import.meta.dirname, '../src/cli/main.ts');
const run = (dataDir: string, ...args: string[]) =>
  new TerminalSession(process.execPath, ['--import', 'tsx', CLI, 'admin', 'create', ...args, `--data=${dataDir}`], { env: { ...process.env, NODE_ENV: 'test' } });

describe('admin create on a terminal', () => {
  it('asks twice, hidden; different answers create nothing; the same answer creates an admin who can log in', async () => {
    const dataDir = tempDir();
    const secret = 'Zhaoyuan-hall-2026';

    const wrong = run(dataDir, 'liuyang');
    let at = await wrong.waitFor('新管理员 liuyang 的密码', 0, START_MS);
    wrong.type(secret);
    at = await wrong.waitFor('再输入一次', at);
    wrong.type('Something-else-2026');
    await wrong.waitFor('两次输入的密码不一致', at);
    expect(await wrong.exited).toBe(1);
    expect(wrong.screen).not.toContain(secret);
    expect(wrong.screen).not.toContain('Something-else');

    const right = run(dataDir, 'liuyang');
    at = await right.waitFor('新管理员 liuyang 的密码', 0, START_MS);
    // A typo corrected with backspace counts as the corrected text.
    right.type(`${secret}x\u007f`);
    at = await right.waitFor('再输入一次', at);
    right.type(secret);
    await right.waitFor('管理员 liuyang 已创建', at);
    expect(await right.exited).toBe(0);
    // Nothing typed was shown on the screen.
    expect(right.screen).not.toContain(secret);
    expect(right.screen).not.toMatch(/Zhaoyuan/);

    const db = openCenterDb(join(dataDir, 'center.sqlite'));
    try {
      const accounts = new Accounts(db);
      expect(accounts.adminNames()).toEqual(['liuyang']);
      expect(accounts.adminLogin('liuyang', secret)).toBeTruthy();
      expect(accounts.adminLogin('liuyang', `${secret}x`)).toBeUndefined();
    } finally {
      db.close();
    }
  }, 240_000);

  it('Ctrl-C at the prompt creates nothing', async () => {
    const dataDir = tempDir();
    const s = run(dataDir, 'wangfang');
    await s.waitFor('新管理员 wangfang 的密码', 0, START_MS);
    s.type('half-typed\u0003', false);
    expect(await s.exited).not.toBe(0);
    const db = openCenterDb(join(dataDir, 'center.sqlite'));
    try {
      expect(new Accounts(db).adminNames()).toEqual([]);
    } finally {
      db.close();
    }
  }, 240_000);
});
