// Alarms (issue 14): a category with people waiting and no open window, a wait over its threshold,
// a window open with nobody logged in — raised at once, shown to the zone's supervisor only, cleared
// when resolved, kept with raised/cleared times for the reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import type { AlarmRow } from '../src/server/alarms/AlarmLog.ts';
import { ConsoleClient, startCenter, tempDir, waitUntil } from './support/centerHarness.ts';

describe('alarms', () => {
  let center: Center;
  let admin: ConsoleClient;
  let clock = Date.parse('2026-11-23T09:00:00+08:00');
  const at = () => new Date(clock);
  beforeAll(async () => {
    center = await startCenter({ dataDir: tempDir(), now: at });
    center.ctx.accounts.upsertAdmin('boss', 'Boss-password-1');
    center.ctx.accounts.saveStaff({ staffNo: 'ZB-GJJ', name: '公积金值班长', role: 'supervisor', zones: ['gjj'] }, '135790');
    center.ctx.accounts.saveStaff({ staffNo: 'ZB-ZH', name: '综合值班长', role: 'supervisor', zones: ['zhzw'] }, '246810');
    center.ctx.accounts.saveStaff({ staffNo: 'YT3001', name: '冯晓', role: 'staff', windows: '*' }, '3001');
    admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'boss', password: 'Boss-password-1' });
  });
  afterAll(async () => center?.stop());

  const alarms = async (c: ConsoleClient) => (await c.get<{ alarms: AlarmRow[] }>('/api/alarms')).json.alarms;

  it('a stranded 公积金 line is raised for its zone’s supervisor, cleared when a supervisor opens a window for it', async () => {
    const fundWindow = [...center.hall.state.windows.values()].find((w) => w.config.categoryIds.includes('fund'));
    expect(fundWindow).toBeDefined();
    center.hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'fund', source: 'on-site', priority: 'normal', issuerId: 'center', at: at().toISOString() }));
    await waitUntil('stranded alarm', async () => (await alarms(admin)).some((a) => a.key === 'stranded:fund' && a.clearedAt === null));
    const gjj = new ConsoleClient(center.httpUrl);
    await gjj.login('staff', { staffNo: 'ZB-GJJ', pin: '135790' });
    const zh = new ConsoleClient(center.httpUrl);
    await zh.login('staff', { staffNo: 'ZB-ZH', pin: '246810' });
    expect((await alarms(gjj)).map((a) => a.key)).toContain('stranded:fund');
    expect((await alarms(zh)).map((a) => a.key)).not.toContain('stranded:fund'); // not their zone
    // The supervisor puts 冯晓 on a 公积金 window: the line has a window, the alarm clears (and
    // the window is flagged until 冯晓 logs in there).
    const id = (fundWindow as { config: { id: string } }).config.id;
    expect((await gjj.post(`/api/staffing/windows/${id}/open`, { staffNo: 'YT3001' })).status).toBe(200);
    await waitUntil('cleared', async () => (await alarms(gjj)).find((a) => a.key === 'stranded:fund')?.clearedAt != null);
    await waitUntil('unstaffed raised', async () => (await alarms(gjj)).some((a) => a.key === `unstaffed:${id}` && a.clearedAt === null));
    const staff = new ConsoleClient(center.httpUrl);
    await staff.login('staff', { staffNo: 'YT3001', pin: '3001', windowId: id });
    await waitUntil('unstaffed cleared', async () => (await alarms(gjj)).find((a) => a.key === `unstaffed:${id}`)?.clearedAt != null);
    const row = (await alarms(admin)).find((a) => a.key === 'stranded:fund') as AlarmRow;
    expect(row.day).toBe('2026-11-23');
    expect(row.raisedAt).toBeLessThanOrEqual(row.clearedAt as number);
  });

  it('a wait over the category’s threshold raises long-wait; a lower threshold set by an admin applies at once', async () => {
    center.hall.run('kiosk-1', (h) => h.issueTicket({ categoryId: 'tax', source: 'on-site', priority: 'normal', issuerId: 'center', at: at().toISOString() }));
    clock += 20 * 60_000;
    expect((await admin.post('/api/admin/alarms/threshold', { categoryId: 'tax', minutes: 15 })).status).toBe(200);
    await waitUntil('long wait', async () => (await alarms(admin)).some((a) => a.key === 'wait:tax' && a.clearedAt === null));
    const supervisor = new ConsoleClient(center.httpUrl);
    await supervisor.login('staff', { staffNo: 'ZB-ZH', pin: '246810' });
    expect((await supervisor.post('/api/admin/alarms/threshold', { categoryId: 'tax', minutes: 5 })).status).toBe(403);
    expect(center.ctx.audit.recent(10).map((a) => a.action)).toContain('alarm-threshold-set');
  });
});
