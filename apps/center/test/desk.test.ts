// 导服台 (issue 14): the service desk issues tickets for citizens — 绿色通道 with its ground — looks a
// ticket up by number and re-queues a late 过号 within the hall's minutes; only the desk (and admins)
// may, checked where the request enters; every issue and re-queue is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let center: Center;
const desk = () => new ConsoleClient(center.httpUrl);

beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir() });
  center.ctx.accounts.saveStaff({ staffNo: 'YTDF01', name: '周导服', role: 'desk' }, '1357');
  center.ctx.accounts.saveStaff({ staffNo: 'YTPJ01', name: '吴督查', role: 'auditor' }, '975310');
  center.ctx.accounts.upsertStaff({ staffNo: 'YT0501', name: '王晓燕', windowId: 'w5' }, '0501');
}, 60_000);
afterAll(async () => center?.stop());

interface Issued { ok: true; number: string; ticketId: string; priority: string; categoryName: string; qrSvg: string; followUrl: string }

describe('the service desk API', () => {
  it('issues a green ticket with its ground (audited); the green ticket is called before earlier normal ones', async () => {
    const d = desk();
    await d.login('staff', { staffNo: 'YTDF01', pin: '1357' });
    const view = await d.get<{ categories: { id: string; items: unknown[] }[] }>('/api/desk/view');
    expect(view.status).toBe(200);
    expect(view.json.categories.map((c) => c.id)).toContain('general');
    const normal = await d.post<Issued>('/api/desk/tickets', { v: 1, categoryId: 'general', green: null });
    expect(normal.status).toBe(200);
    const green = await d.post<Issued>('/api/desk/tickets', { v: 1, categoryId: 'general', green: { ground: 'disabled' } });
    expect(green.status).toBe(200);
    expect(green.json).toMatchObject({ priority: 'green', categoryName: expect.any(String) });
    expect(green.json.qrSvg).toMatch(/^<svg/);
    expect(center.hall.state.tickets.get(green.json.ticketId)).toMatchObject({ priority: 'green', source: 'on-site', issuerId: 'desk:YTDF01' });
    const audit = center.ctx.audit.recent(20).find((a) => a.action === 'green-ticket-issued');
    expect(audit).toMatchObject({ actor: 'desk:YTDF01', target: green.json.number });
    expect(JSON.stringify(audit)).toContain('disabled');
    // 'other' needs the reason written down.
    const bare = await d.post<{ error: string }>('/api/desk/tickets', { v: 1, categoryId: 'general', green: { ground: 'other' } });
    expect(bare).toMatchObject({ status: 400, json: { error: 'green-note-required' } });
    // An unknown category is refused with a code, nothing issued.
    const before = center.hall.state.tickets.size;
    expect((await d.post('/api/desk/tickets', { v: 1, categoryId: 'nope', green: null })).status).toBe(404);
    expect(center.hall.state.tickets.size).toBe(before);
    // The window calls the green ticket first although the normal one came earlier.
    const w = new ConsoleClient(center.httpUrl);
    await w.login('staff', { staffNo: 'YT0501', pin: '0501', windowId: 'w5' });
    const called = await w.post<{ result: string }>('/api/windows/w5/call-next');
    expect(called.json.result).toBe(green.json.number);
  });

  it('looks a ticket up by its number and re-queues a late 过号 (audited); a waiting ticket is refused', async () => {
    const d = desk();
    await d.login('staff', { staffNo: 'YTDF01', pin: '1357' });
    const t = await d.post<Issued>('/api/desk/tickets', { v: 1, categoryId: 'general', green: null });
    const w = new ConsoleClient(center.httpUrl);
    await w.login('staff', { staffNo: 'YT0501', pin: '0501', windowId: 'w5' });
    // Call until this ticket is at the counter, then recalls and 过号.
    for (let i = 0; i < 10 && center.hall.state.tickets.get(t.json.ticketId)?.status === 'waiting'; i++) await w.post('/api/windows/w5/call-next');
    await w.post('/api/windows/w5/recall');
    await w.post('/api/windows/w5/recall');
    expect((await w.post('/api/windows/w5/no-show')).status).toBe(200);
    const found = await d.get<{ tickets: { ticketId: string; status: string; late: { state: string } | null }[] }>(`/api/desk/tickets?number=${t.json.number.toLowerCase()}`);
    expect(found.json.tickets).toHaveLength(1);
    expect(found.json.tickets[0]).toMatchObject({ status: 'no-show', late: { state: 'open' } });
    const back = await d.post<{ ticket: { status: string } }>(`/api/desk/tickets/${encodeURIComponent(t.json.ticketId)}/requeue`);
    expect(back).toMatchObject({ status: 200, json: { ticket: { status: 'waiting' } } });
    expect(center.ctx.audit.recent(10).some((a) => a.action === 'requeue' && a.actor === 'desk:YTDF01')).toBe(true);
    const again = await d.post<{ error: string }>(`/api/desk/tickets/${encodeURIComponent(t.json.ticketId)}/requeue`);
    expect(again).toMatchObject({ status: 409, json: { error: 'ticket-not-no-show' } });
    expect((await d.get('/api/desk/tickets?number=not a number')).status).toBe(400);
  });

  it('is the desk role only: window staff and auditors are refused, and nobody without a session', async () => {
    expect((await desk().post('/api/desk/tickets', { v: 1, categoryId: 'general', green: null })).status).toBe(401);
    const aud = desk();
    await aud.login('staff', { staffNo: 'YTPJ01', pin: '975310' });
    expect((await aud.post('/api/desk/tickets', { v: 1, categoryId: 'general', green: { ground: 'elderly' } })).status).toBe(403);
    expect((await aud.get('/api/desk/view')).status).toBe(403);
    const w = desk();
    await w.login('staff', { staffNo: 'YT0501', pin: '0501', windowId: 'w5' });
    expect((await w.post('/api/desk/tickets', { v: 1, categoryId: 'general', green: { ground: 'elderly' } })).status).toBe(403);
  });
});
