// The audit log is stamped by the center's clock (the one the hall runs on, set by a test or a
// replayed day), not by the machine's: an entry made at the center's 10:00 says 10:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Center } from '../src/server/Center.ts';
import { ConsoleClient, startCenter, tempDir } from './support/centerHarness.ts';

const hallTime = Date.parse('2026-03-02T10:00:00+08:00');
let center: Center;

beforeAll(async () => {
  center = await startCenter({ dataDir: tempDir(), now: () => new Date(hallTime) });
  center.ctx.accounts.saveStaff({ staffNo: 'YTDF01', name: '周导服', role: 'desk' }, '1357');
}, 60_000);
afterAll(async () => center?.stop());

describe('audit time', () => {
  it("an action's entry carries the center's time", async () => {
    const desk = new ConsoleClient(center.httpUrl);
    await desk.login('staff', { staffNo: 'YTDF01', pin: '1357' });
    const r = await desk.post<{ ok: boolean; number: string }>('/api/desk/tickets', { v: 1, categoryId: 'general', green: { ground: 'disabled' } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const entry = center.ctx.audit.recent(50).find((a) => a.action === 'green-ticket-issued');
    expect(entry?.at).toBe(hallTime);
  });
});
