// 好差评 auditor (issue 14): a read-only view of ratings, bad-review follow-ups, the audit log and the
// reports — checked at the API: an auditor reads, never changes; other staff roles do not read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let center: Center;

beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.saveStaff({ staffNo: 'YTPJ01', name: '吴督查', role: 'auditor' }, '975310');
  center.ctx.accounts.saveStaff({ staffNo: 'YTDF01', name: '周导服', role: 'desk' }, '1357');
}, 60_000);
afterAll(async () => center?.stop());

const as = async (staffNo: string, pin: string) => {
  const c = new ConsoleClient(center.httpUrl);
  await c.login('staff', { staffNo, pin });
  return c;
};

describe('the 好差评 auditor', () => {
  it('reads ratings, follow-ups, the audit log and the reports', async () => {
    const a = await as('YTPJ01', '975310');
    const v = await a.get<Record<string, unknown>>('/api/audit/view');
    expect(v.status).toBe(200);
    expect(Object.keys(v.json).sort()).toEqual(['audit', 'evaluations', 'followUps', 'hall', 'rejected', 'v']);
    const days = await a.get<{ today: string }>('/api/admin/reports/days');
    expect(days.status).toBe(200);
    const r = await a.get(`/api/admin/reports?from=${days.json.today}&to=${days.json.today}&dim=window&period=day`);
    expect(r.status).toBe(200);
  });

  it('changes nothing: follow-up steps, staff, 调流, the hall definition, what-if and the admin view are refused', async () => {
    const a = await as('YTPJ01', '975310');
    expect((await a.post('/api/admin/follow-ups/x/advance', { to: 'closed' })).status).toBe(403);
    expect((await a.get('/api/admin/view')).status).toBe(403);
    expect((await a.get('/api/admin/staff')).status).toBe(403);
    expect((await a.post('/api/staffing/windows/w5/open', { staffNo: 'YTPJ01' })).status).toBe(403);
    expect((await a.post('/api/admin/whatif', { v: 1, day: '2026-01-01', changes: [] })).status).toBe(403);
    expect((await a.post('/api/desk/tickets', { v: 1, categoryId: 'general', green: null })).status).toBe(403);
  });

  it('is for auditors (and admins) only', async () => {
    const d = await as('YTDF01', '1357');
    expect((await d.get('/api/audit/view')).status).toBe(403);
    expect((await d.get('/api/admin/reports/days')).status).toBe(403);
    expect((await new ConsoleClient(center.httpUrl).get('/api/audit/view')).status).toBe(401);
  });
});
