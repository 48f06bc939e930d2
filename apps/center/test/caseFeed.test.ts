// The 政务服务平台's case feed in a running center, against the platform stand-in: a pushed case is
// at the kiosk (case-lookup by ID card) and on the phone (by case number) within a second; a
// malformed push is refused with its issues and stores nothing; an older record never replaces a
// newer one; a failing pull keeps the last good cases; 证照寄送 with an address reaches the platform.
import { afterEach, describe, expect, it } from 'vitest';
import { APPOINTMENT_REQUESTS, type ApplicationCase } from '@hallkit/core';
import { mobileModule } from '../src/mobile/MobileModule.ts';
import type { Center } from '../src/server/Center.ts';
import { PlatformStandIn } from '../src/mobile/cases/feed/standin/PlatformStandIn.ts';
import { feedIdHash } from '../src/mobile/cases/feed/CaseFeedIntake.ts';
import type { CaseFeedRecord } from '../src/mobile/cases/feed/CaseFeedRecord.ts';
import { idCheckCharacter } from '../src/mobile/identity/idNumber.ts';
import { LogCodeSender } from '../src/mobile/identity/CodeSender.ts';
import { startCenter, tempDir, waitUntil } from './support/centerHarness.ts';
import { codeCapturingLogger } from './support/phone.ts';

const TOKEN = 'platform-token-0123456789abcdef';
const KEY = 'shared-id-hash-key-0123';
const ID = '37060219850312123' + idCheckCharacter('37060219850312123');

let center: Center | undefined;
let platform: PlatformStandIn | undefined;
afterEach(async () => {
  await center?.stop();
  center = undefined;
  await platform?.close();
  platform = undefined;
});

const record = (over: Partial<CaseFeedRecord> = {}): CaseFeedRecord => ({
  caseNo: 'YT2026A0042',
  applicantIdHash: feedIdHash(KEY, ID),
  applicantMasked: '3706**********' + ID.slice(-4),
  item: '企业开办（设立登记）',
  department: '市行政审批服务局',
  acceptedAt: '2026-03-10T09:12:00+08:00',
  dueDay: '2026-03-13',
  status: 'in-progress',
  steps: [
    { name: '受理', state: 'done', at: '2026-03-10T09:12:00+08:00', by: '综合受理3号窗口' },
    { name: '审核', state: 'current', by: '市场准入科' },
    { name: '领取', state: 'pending' },
  ],
  mailing: { allowed: true, requested: false },
  updatedAt: '2026-03-10T09:12:00+08:00',
  ...over,
});

async function boot(pullUrl?: string) {
  const { log, codes } = codeCapturingLogger();
  const c = await startCenter({
    dataDir: tempDir(),
    logger: log,
    modules: [mobileModule({ sms: false, codeSender: () => new LogCodeSender(log), login: { resendAfterMs: 0 }, caseFeed: { settings: { v: 1, push: true, ...(pullUrl ? { pull: { url: pullUrl, everySeconds: 3600, timeoutSeconds: 2 } } : {}) }, secrets: { token: TOKEN, idHashKey: KEY } } })],
  });
  return { c, codes };
}

/** The kiosk's case-lookup as the module answers it over MQTT. */
function kioskLookup(c: Center, body: unknown): { ok: boolean; cases?: ApplicationCase[] } {
  const handlers: Record<string, (b: unknown, rc: { deviceId: string }) => unknown> = {};
  centerMobileModule(c).requests?.({ handle: (n: string, _s: unknown, fn: (b: unknown, rc: { deviceId: string }) => unknown) => void (handlers[n] = fn) } as never, c.ctx);
  return handlers[APPOINTMENT_REQUESTS.caseLookup]!(body, { deviceId: 'kiosk-1' }) as { ok: boolean; cases?: ApplicationCase[] };
}

const lookup = async (c: Center, receiptCode: string) => fetch(`${c.httpUrl}/api/m/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receiptCode, idLast4: ID.slice(-4) }) });

describe('case feed', () => {
  it('a pushed case is at the kiosk and on the phone within a second', async () => {
    ({ c: center } = await boot());
    platform = new PlatformStandIn(TOKEN);
    const res = await platform.push(center.httpUrl, [record()]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, stored: 1 });
    const phone = await lookup(center, 'yt2026a0042');
    expect(phone.status).toBe(200);
    const shown = ((await phone.json()) as { cases: ApplicationCase[] }).cases[0]!;
    const kiosk = kioskLookup(center, { v: 1, idNumber: ID });
    // No poll, no cache: the lookups right after the push's answer already find it.
    expect(shown).toMatchObject({ receiptCode: 'YT2026A0042', itemName: '企业开办（设立登记）', status: 'in-progress', mailing: { allowed: true, requested: false } });
    expect(shown.steps.map((s) => s.status)).toEqual(['done', 'current', 'pending']);
    expect(kiosk.cases?.map((c) => c.receiptCode)).toEqual(['YT2026A0042']);
  });

  it('refuses a malformed push with its issues and stores nothing of it; a wrong token is refused', async () => {
    ({ c: center } = await boot());
    platform = new PlatformStandIn(TOKEN);
    const bad = { ...record({ caseNo: 'YT2026B0001' }), steps: [{ name: '受理', state: 'finished' }] } as unknown as CaseFeedRecord;
    const res = await platform.push(center.httpUrl, [record({ caseNo: 'YT2026B0002' }), bad]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string; issues: string[] };
    expect(body.error).toBe('bad-feed');
    expect(body.message).toMatch(/nothing was stored/);
    expect(body.issues.join('\n')).toMatch(/cases\.1\.steps\.0\.state/);
    expect((await lookup(center, 'YT2026B0002')).status).toBe(404);
    const wrong = await new PlatformStandIn('not-the-token-at-all-000000').push(center.httpUrl, [record()]);
    expect(wrong.status).toBe(401);
    expect((await lookup(center, 'YT2026A0042')).status).toBe(404);
  });

  it('never lets an older record replace a newer one', async () => {
    ({ c: center } = await boot());
    platform = new PlatformStandIn(TOKEN);
    await platform.push(center.httpUrl, [record({ status: 'completed', updatedAt: '2026-03-12T10:00:00+08:00' })]);
    const late = await platform.push(center.httpUrl, [record({ status: 'in-progress', updatedAt: '2026-03-11T10:00:00+08:00' })]);
    expect(await late.json()).toMatchObject({ stored: 0, unchanged: 1 });
    expect(((await (await lookup(center, 'YT2026A0042')).json()) as { cases: ApplicationCase[] }).cases[0]!.status).toBe('completed');
  });

  it('pulls from the platform; a failing pull keeps the last good cases', async () => {
    platform = new PlatformStandIn(TOKEN);
    platform.put(record());
    const url = await platform.listen();
    ({ c: center } = await boot(url));
    expect((await lookup(center, 'YT2026A0042')).status).toBe(200);
    const m = centerMobileModule(center).service();
    for (const fault of ['down', 'garbage'] as const) {
      platform.fault = fault;
      const st = await m.casePuller!.pull();
      expect(st.ok).toBe(false);
      expect(st.error).toMatch(fault === 'down' ? /HTTP 503/ : /breaks the contract/);
      expect((await lookup(center, 'YT2026A0042')).status).toBe(200);
    }
    platform.fault = 'none';
    platform.put(record({ status: 'completed', updatedAt: '2026-03-12T10:00:00+08:00' }));
    expect((await m.casePuller!.pull()).ok).toBe(true);
    expect(((await (await lookup(center, 'YT2026A0042')).json()) as { cases: ApplicationCase[] }).cases[0]!.status).toBe('completed');
  });

  it('证照寄送: a logged-in citizen leaves an address once; the platform collects it', async () => {
    const booted = await boot();
    center = booted.c;
    platform = new PlatformStandIn(TOKEN);
    await platform.push(center.httpUrl, [record()]);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${center!.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const address = { recipient: '张伟', phone: '13912345678', address: '山东省烟台市芝罘区南大街 100 号 2 单元 301', idLast4: ID.slice(-4) };
    expect((await post('/api/m/cases/YT2026A0042/mailing', address)).status).toBe(401);
    await post('/api/m/login/code', { phone: '13912345678' });
    await waitUntil('code', () => booted.codes.length > 0);
    const v = await post('/api/m/login/verify', { phone: '13912345678', code: booted.codes.at(-1)!.code });
    const cookie = (v.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await post('/api/m/cases/YT2026A0042/mailing', { ...address, address: '短' }, { cookie })).status).toBe(400);
    const ok = await post('/api/m/cases/YT2026A0042/mailing', address, { cookie });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { case: ApplicationCase }).case.mailing).toEqual({ allowed: true, requested: true });
    expect(((await (await post('/api/m/cases/YT2026A0042/mailing', address, { cookie })).json()) as { error: string }).error).toBe('mailing-already-requested');
    const collect = await fetch(`${center.httpUrl}/api/m/feed/mailing-requests`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await collect.json()) as { requests: unknown[] }).requests).toEqual([expect.objectContaining({ caseNo: 'YT2026A0042', recipient: '张伟', address: address.address })]);
    expect((await fetch(`${center.httpUrl}/api/m/feed/mailing-requests`)).status).toBe(401);
  });
});

/** The center's own mobile module (its service holds the case feed's key). */
function centerMobileModule(c: Center): ReturnType<typeof mobileModule> {
  const mod = (c as unknown as { parts: { modules: { name: string }[] } }).parts.modules.find((x) => x.name === 'mobile');
  return mod as ReturnType<typeof mobileModule>;
}
