// 申诉 of a 差评 over HTTP: who may file (an admin, or the 值班长 of the case's zone) and who may
// decide (an admin, never the appellant nor whoever entered it — 复核 is a second person's), each
// refusal with its own code where the request enters, every step in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

let center: Center;
const clients: Record<'admin' | 'reviewer' | 'zoneBoss' | 'otherBoss' | 'auditor' | 'clerk', ConsoleClient> = {} as never;

/** A 差评 given now at a closed window of zone `zoneId`; returns its follow-up case and the window. */
function badReview(zoneId: string, n: number): { caseId: string; windowId: string } {
  const at = () => new Date().toISOString();
  return center.hall.run('center', (h) => {
    const w = [...h.state.windows.values()].find((x) => x.status === 'closed' && x.config.zoneId === zoneId)!.config;
    h.openWindow(w.id, { id: `YT98${n}`, name: '测试员' }, at());
    h.issueTicket({ categoryId: w.categoryIds[0]!, source: 'on-site', priority: 'normal', issuerId: 'center', at: at() });
    h.callNext(w.id, at());
    const [fin] = h.finish(w.id, 'completed', at());
    if (fin?.type !== 'TicketFinished') throw new Error('not finished');
    h.evaluate({ evaluationId: `ev-roles-${n}`, serviceId: fin.serviceId, level: 'dissatisfied', reasons: ['attitude'], channel: 'hall-pad', at: at() });
    return { caseId: `fu/ev-roles-${n}`, windowId: w.id };
  });
}

const appeal = (who: ConsoleClient, caseId: string, body: unknown = { reason: '群众误按' }) => who.post<{ ok?: boolean; error?: string }>(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal`, body);
const decide = (who: ConsoleClient, caseId: string, upheld = true) => who.post<{ ok?: boolean; error?: string }>(`/api/admin/follow-ups/${encodeURIComponent(caseId)}/appeal-decision`, { upheld });
const answer = (r: { status: number; json: { ok?: boolean; error?: string } }) => [r.status, r.json.error ?? r.json.ok];

beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir() });
  const a = center.ctx.accounts;
  a.upsertAdmin('admin', 'admin-password-1');
  a.upsertAdmin('reviewer', 'reviewer-password-1');
  a.saveStaff({ staffNo: 'ZB-ZH', name: '综合值班长', role: 'supervisor', zones: ['zhzw'] }, '246810');
  a.saveStaff({ staffNo: 'ZB-GJJ', name: '公积金值班长', role: 'supervisor', zones: ['gjj'] }, '135790');
  a.saveStaff({ staffNo: 'DC-01', name: '督查', role: 'auditor' }, '112233');
  a.saveStaff({ staffNo: 'YT3001', name: '冯晓', role: 'staff', windows: '*' }, '3001');
  for (const k of Object.keys(clients) as (keyof typeof clients)[]) delete clients[k];
  const log = async (k: keyof typeof clients, kind: 'admin' | 'staff', body: Record<string, string>) => {
    clients[k] = new ConsoleClient(center.httpUrl);
    await clients[k].login(kind, body);
  };
  await log('admin', 'admin', { username: 'admin', password: 'admin-password-1' });
  await log('reviewer', 'admin', { username: 'reviewer', password: 'reviewer-password-1' });
  await log('zoneBoss', 'staff', { staffNo: 'ZB-ZH', pin: '246810' });
  await log('otherBoss', 'staff', { staffNo: 'ZB-GJJ', pin: '135790' });
  await log('auditor', 'staff', { staffNo: 'DC-01', pin: '112233' });
  const w = center.hall.config.windows.find((x) => x.zoneId === 'zhzw')!;
  await log('clerk', 'staff', { staffNo: 'YT3001', pin: '3001', windowId: w.id });
}, 60_000);

afterAll(async () => {
  await center?.stop();
});

describe('申诉 roles at the HTTP layer', () => {
  it('a supervisor files for a case of their zone; others are refused with a code saying why', async () => {
    const { caseId } = badReview('zhzw', 1);
    expect(answer(await appeal(new ConsoleClient(center.httpUrl), caseId))).toEqual([401, 'login-required']);
    expect(answer(await appeal(clients.clerk, caseId))).toEqual([403, 'appeal-not-allowed']);
    expect(answer(await appeal(clients.auditor, caseId))).toEqual([403, 'appeal-not-allowed']);
    expect(answer(await appeal(clients.otherBoss, caseId))).toEqual([403, 'not-your-zone']);
    expect(answer(await appeal(clients.zoneBoss, 'fu/none'))).toEqual([404, 'unknown-follow-up']);
    expect(answer(await appeal(clients.zoneBoss, caseId, { reason: '   ' }))).toEqual([400, 'bad-request']);
    expect(answer(await appeal(clients.zoneBoss, caseId, { reason: '长'.repeat(501) }))).toEqual([400, 'bad-request']);
    expect(center.hall.state.followUps.get(caseId)?.appeal).toBeUndefined();

    expect(answer(await appeal(clients.zoneBoss, caseId, { reason: '群众误按，当场已说明' }))).toEqual([200, true]);
    expect(center.hall.state.followUps.get(caseId)?.appeal).toMatchObject({ state: 'filed', by: 'supervisor:ZB-ZH', reason: '群众误按，当场已说明' });
    expect(answer(await appeal(clients.admin, caseId))).toEqual([409, 'already-appealed']);

    // Only an admin decides; the supervisor who filed (or any supervisor) cannot.
    expect(answer(await decide(clients.zoneBoss, caseId))).toEqual([403, 'appeal-decision-admin-only']);
    expect(answer(await decide(clients.auditor, caseId))).toEqual([403, 'appeal-decision-admin-only']);
    expect(answer(await decide(clients.admin, caseId))).toEqual([200, true]);
    expect(answer(await decide(clients.reviewer, caseId, false))).toEqual([409, 'appeal-decided']);
    expect(center.hall.state.followUps.get(caseId)?.appeal).toMatchObject({ state: 'upheld', decidedBy: 'admin:admin' });

    const audit = center.ctx.audit.recent(20).filter((e) => e.target === caseId);
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['admin:admin', 'follow-up-appeal-upheld'],
      ['supervisor:ZB-ZH', 'follow-up-appealed'],
    ]);
  });

  it('an admin who filed (even for the staff evaluated) does not decide it: a second admin does', async () => {
    const { caseId } = badReview('zhzw', 2);
    expect(answer(await decide(clients.admin, caseId))).toEqual([409, 'no-appeal']);
    expect(answer(await appeal(clients.admin, caseId, { reason: '系统误判', staffId: 'YT982' }))).toEqual([200, true]);
    expect(center.hall.state.followUps.get(caseId)?.appeal).toMatchObject({ by: 'staff:YT982', enteredBy: 'admin:admin' });
    expect(answer(await decide(clients.admin, caseId))).toEqual([409, 'appeal-own-decision']);
    expect(answer(await decide(clients.reviewer, caseId, false))).toEqual([200, true]);
    expect(center.hall.state.followUps.get(caseId)?.appeal?.state).toBe('rejected');
    expect(center.ctx.audit.recent(20).filter((e) => e.target === caseId).map((e) => [e.actor, e.action])).toEqual([
      ['admin:reviewer', 'follow-up-appeal-rejected'],
      ['admin:admin', 'follow-up-appealed'],
    ]);
  });
});
