// Accounts and roles (issue 14): first-run admin without default passwords, a production start
// refusing the demo's accounts, roles checked where requests enter, staff managed by admins (and
// from the workbook's 人员 rows), staff at any window they may use, 下班, idle sessions closing windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateForNewTicket } from '@hallkit/core';
import type { Center } from '../src/server/Center.ts';
import { adminCommand } from '../src/cli/admin.ts';
import { DemoCredentialsRefused } from '../src/server/auth/DemoCredentials.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

const io = () => {
  const out: string[] = [];
  return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
};

describe('first run: hallkit-center admin create', () => {
  it('an empty center has no admin; the setup link makes one with the password the admin chooses, once', async () => {
    const dataDir = tempDir();
    const center = await startCenter({ dataDir });
    try {
      expect(center.ctx.accounts.adminNames()).toEqual([]);
      const o = io();
      // No terminal under the test runner: the command prints a one-time link.
      expect(await adminCommand(['create', 'zhangwei', `--data=${dataDir}`, `--public-url=${center.httpUrl}`], o.io)).toBe(0);
      const link = o.out.join('\n').match(/\/setup#token=([\w-]+)/);
      expect(link, o.out.join('\n')).not.toBeNull();
      const token = (link as RegExpMatchArray)[1] as string;
      const post = (path: string, body: unknown) => fetch(`${center.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(await (await post('/api/setup/check', { token })).json()).toEqual({ ok: true, username: 'zhangwei' });
      const weak = await post('/api/setup', { token, password: 'short' });
      expect(weak.status).toBe(400);
      expect(((await weak.json()) as { message: string }).message).toMatch(/至少 10/);
      const ok = await post('/api/setup', { token, password: 'Yantai-hall-2026' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('set-cookie')).toMatch(/hk_session=/);
      expect(center.ctx.accounts.adminNames()).toEqual(['zhangwei']);
      expect((await post('/api/setup', { token, password: 'Another-pass-2026' })).status).toBe(410); // spent
      const admin = new ConsoleClient(center.httpUrl);
      await admin.login('admin', { username: 'zhangwei', password: 'Yantai-hall-2026' });
      expect((await admin.get('/api/admin/staff')).status).toBe(200);
      // The same name again is refused (a reset needs --reset).
      const again = io();
      expect(await adminCommand(['create', 'zhangwei', `--data=${dataDir}`], again.io)).toBe(1);
      expect(again.out.join('\n')).toMatch(/已存在/);
    } finally {
      await center.stop();
    }
  });

  it('a production start on data holding the demo accounts refuses and says what to do; remove-demo clears it', async () => {
    const dataDir = tempDir();
    const demo = await startCenter({ dataDir });
    demo.ctx.accounts.upsertAdmin('admin', 'hallkit-admin');
    demo.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
    await demo.stop();
    const err = await startCenter({ dataDir, refuseDemoCredentials: true }).then(
      (c) => c.stop().then(() => undefined),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DemoCredentialsRefused);
    expect((err as Error).message).toMatch(/admin\/hallkit-admin, YT0501/);
    expect((err as Error).message).toMatch(/hallkit-center admin create/);
    const o = io();
    expect(await adminCommand(['remove-demo', `--data=${dataDir}`], o.io)).toBe(0);
    expect(o.out.join('\n')).toMatch(/admin\/hallkit-admin, YT0501/);
    const prod = await startCenter({ dataDir, refuseDemoCredentials: true });
    await prod.stop();
  });
});

describe('roles where requests enter; staff at any window they may use', () => {
  let center: Center;
  let admin: ConsoleClient;
  let clock = Date.parse('2026-11-23T09:00:00+08:00');
  const at = () => new Date(clock);
  beforeAll(async () => {
    center = await startCenter({ dataDir: tempDir(), now: at, staffing: { idleMinutes: 10, sweepMs: 3_600_000 } });
    center.ctx.accounts.upsertAdmin('boss', 'Boss-password-1');
    admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'boss', password: 'Boss-password-1' });
  });
  afterAll(async () => center?.stop());

  it('admins add staff with field-by-field refusals, every change audited; PINs never in the audit', async () => {
    const bad = await admin.post<{ issues: { field: string; message: string }[] }>('/api/admin/staff', { staffNo: 'YT0901', name: '孙丽', role: 'staff', windows: '5,7-x' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i) => i.field)).toEqual(['windows']);
    const none = await admin.post<{ issues: { field: string; message: string }[] }>('/api/admin/staff', { staffNo: 'YT0901', name: '孙丽', role: 'staff', windows: '500-600' });
    expect(none.json.issues[0]?.message).toMatch(/没有 500-600 号窗口/);
    const sup = await admin.post<{ issues: { field: string }[] }>('/api/admin/staff', { staffNo: 'ZB01', name: '陈值班', role: 'supervisor', zones: [], pin: '1234' });
    expect(sup.json.issues.map((i) => i.field).sort()).toEqual(['pin', 'zones']); // 6 digits and a zone for a supervisor
    const added = await admin.post<{ ok: boolean; pin?: string }>('/api/admin/staff', { staffNo: 'YT0901', name: '孙丽', role: 'staff', windows: '5, 7-9' });
    expect(added.json.ok).toBe(true);
    expect(added.json.pin).toMatch(/^\d{4}$/); // a first PIN, shown once
    expect((await admin.post('/api/admin/staff', { staffNo: 'ZB01', name: '陈值班', role: 'supervisor', zones: ['zhzw'], pin: '135790' })).status).toBe(200);
    expect((await admin.post('/api/admin/staff', { staffNo: 'DF01', name: '周导服', role: 'desk', pin: '2468' })).status).toBe(200);
    expect((await admin.post('/api/admin/staff', { staffNo: 'PJ01', name: '吴督查', role: 'auditor', pin: '975310' })).status).toBe(200);
    expect((await admin.post('/api/admin/staff/YT0901/pin', { pin: '0901' })).status).toBe(200);
    const audit = center.ctx.audit.recent(20).filter((a) => a.actor === 'admin:boss');
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['staff-added', 'staff-pin-reset']));
    expect(JSON.stringify(audit)).not.toMatch(/135790|\\"0901\\"/);
  });

  it('staff log in only at windows they may use; the window opens under them; moving on hands the old one back', async () => {
    const staff = new ConsoleClient(center.httpUrl);
    const refused = await fetch(`${center.httpUrl}/api/login/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNo: 'YT0901', pin: '0901', windowId: 'w6' }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('window-not-allowed');
    await staff.login('staff', { staffNo: 'YT0901', pin: '0901', windowId: 'w8' });
    expect(center.hall.state.windows.get('w8')?.staff?.id).toBe('YT0901');
    center.hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'center', at: at().toISOString() }));
    expect((await staff.post<{ result: string }>('/api/windows/w8/call-next')).json.result).toBe('A001');
    // Another day, another window: window 8 is handed back with the citizen keeping their place.
    clock += 60_000;
    const other = new ConsoleClient(center.httpUrl);
    await other.login('staff', { staffNo: 'YT0901', pin: '0901', windowId: 'w5' });
    expect(center.hall.state.windows.get('w8')?.status).toBe('closed');
    expect(center.hall.state.windows.get('w5')?.staff?.id).toBe('YT0901');
    const a001 = [...center.hall.state.tickets.values()].find((t) => t.number === 'A001');
    expect(a001?.status).toBe('waiting');
    expect((await staff.get('/api/windows/w8')).status).toBe(401); // the old session ended with its window
    // 下班: the citizen at the counter is finished, the window closes, the session ends.
    expect((await other.post<{ result: string }>('/api/windows/w5/call-next')).json.result).toBe('A001');
    const off = await other.post('/api/windows/w5/close', { atCounter: 'finish', outcome: 'completed' });
    expect(off.status).toBe(200);
    expect(center.hall.state.windows.get('w5')?.status).toBe('closed');
    expect(a001?.status).toBe('done');
    expect((await other.get('/api/windows/w5')).status).toBe(401);
  });

  it('a window session without its console past the idle time is closed; the estimates stop counting it', async () => {
    const staff = new ConsoleClient(center.httpUrl);
    await staff.login('staff', { staffNo: 'YT0901', pin: '0901', windowId: 'w7' });
    const servers = () => estimateForNewTicket(center.hall.state, 'general', 'normal');
    center.hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'general', source: 'on-site', priority: 'normal', issuerId: 'center', at: at().toISOString() }));
    expect(servers().minutes).not.toBeNull();
    clock += 5 * 60_000;
    expect(center.ctx.staffing.sweep()).toEqual([]);
    clock += 6 * 60_000;
    expect(center.ctx.staffing.sweep()).toEqual(['w7']);
    expect(center.hall.state.windows.get('w7')?.status).toBe('closed');
    expect(servers().minutes).toBeNull(); // no open window serves 综合受理 now: no made-up number
    expect((await staff.get('/api/windows/w7')).status).toBe(401);
    expect(center.ctx.audit.recent(5).map((a) => a.action)).toContain('session-timeout');
  });

  it('roles: supervisors 调流 only in their zones; the desk, auditors and staff not at all; only admins manage staff', async () => {
    const sup = new ConsoleClient(center.httpUrl);
    await sup.login('staff', { staffNo: 'ZB01', pin: '135790' });
    const desk = new ConsoleClient(center.httpUrl);
    await desk.login('staff', { staffNo: 'DF01', pin: '2468' });
    const auditor = new ConsoleClient(center.httpUrl);
    await auditor.login('staff', { staffNo: 'PJ01', pin: '975310' });
    const staff = new ConsoleClient(center.httpUrl);
    await staff.login('staff', { staffNo: 'YT0901', pin: '0901', windowId: 'w9' });
    // Window 9 is in 综合政务 (zhzw); window 100 is not.
    expect((await sup.post('/api/staffing/windows/w9/pause', { reason: '午休' })).status).toBe(200);
    expect(center.hall.state.windows.get('w9')?.status).toBe('paused');
    const far = center.hall.state.windows.get('w100')?.config.zoneId;
    expect(far).not.toBe('zhzw');
    expect((await sup.post<{ error: string }>('/api/staffing/windows/w100/open', { staffNo: 'YT0901' })).json.error).toBe('not-your-zone');
    for (const who of [desk, auditor, staff]) expect((await who.post('/api/staffing/windows/w9/resume')).status).toBe(403);
    for (const who of [sup, desk, auditor, staff]) expect((await who.get('/api/admin/staff')).status).toBe(403);
    const view = await sup.get<{ zones: { id: string; windows: { id: string; loggedIn: boolean }[] }[] }>('/api/staffing/view');
    expect(view.json.zones.map((z) => z.id)).toEqual(['zhzw']);
    expect(view.json.zones[0]?.windows.find((w) => w.id === 'w9')?.loggedIn).toBe(true);
    // A disabled account is out at once, and its window closes.
    expect((await admin.post('/api/admin/staff/YT0901/disable', { disabled: true })).status).toBe(200);
    expect((await staff.get('/api/windows/w9')).status).toBe(401);
    expect(center.hall.state.windows.get('w9')?.status).toBe('closed');
  });

  it('the workbook’s 人员 rows: a preview lists what changes and every problem by row; applying creates accounts', async () => {
    const rows = [
      { 工号: 'YT2001', 姓名: '马红', 可登录窗口: '20-25', 角色: '窗口人员' },
      { 工号: 'ZB02', 姓名: '高值班', 可登录窗口: '18-60', 角色: '值班长' },
      { 工号: 'YT2002', 姓名: '钱多', 可登录窗口: '1000', 角色: '厨师' },
    ];
    const preview = await admin.post<{ ok: boolean; issues: { row: number; field: string }[] }>('/api/admin/staff/sheet', { dryRun: true, rows });
    expect(preview.json.ok).toBe(false);
    expect(preview.json.issues.map((i) => [i.row, i.field])).toEqual([[4, '角色'], [4, '可登录窗口']]);
    expect(center.ctx.accounts.staff('YT2001')).toBeUndefined();
    const applied = await admin.post<{ ok: boolean; rows: { staffNo: string; action: string; pin?: string }[] }>('/api/admin/staff/sheet', { dryRun: false, rows: rows.slice(0, 2) });
    expect(applied.json.ok).toBe(true);
    expect(applied.json.rows.map((r) => [r.staffNo, r.action, /^\d+$/.test(r.pin ?? '')])).toEqual([['YT2001', 'add', true], ['ZB02', 'add', true]]);
    expect(center.ctx.accounts.staff('ZB02')?.zones).toEqual(['zhzw']);
  });
});
