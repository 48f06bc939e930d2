// The SMS provider in a running center: production refuses to start without one and starts with
// one; a phone log-in code goes through the stand-in once, across a center restart in an outage;
// the admin console sees a settings fault.
import { afterEach, describe, expect, it } from 'vitest';
import { mobileModule } from '../../src/mobile/MobileModule.ts';
import type { Center } from '../../src/server/Center.ts';
import type { TencentSmsStandIn } from '../../src/mobile/sms/standin/TencentSmsStandIn.ts';
import { ConsoleClient, startCenter, tempDir, waitUntil } from '../support/centerHarness.ts';
import { startSmsStandIn, writeSmsFiles } from '../support/smsStandIn.ts';

const PHONE = '13900139000';
let center: Center | undefined;
let standIn: TencentSmsStandIn | undefined;
afterEach(async () => {
  await center?.stop();
  center = undefined;
  await standIn?.close();
  standIn = undefined;
});

const requestCode = (base: string, phone = PHONE) => fetch(`${base}/api/m/login/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });

describe('a center with an SMS provider', () => {
  it('refuses to start in production without an SMS provider, saying what to set', async () => {
    await expect(startCenter({ dataDir: tempDir(), modules: [mobileModule({ production: true, sms: false })] })).rejects.toThrow(/HALLKIT_SMS_SETTINGS and HALLKIT_SMS_SECRETS/);
  });

  it('starts in production with the provider configured and delivers a log-in code once across a restart during an outage', async () => {
    const s = await startSmsStandIn();
    standIn = s.standIn;
    const dataDir = tempDir();
    const files = writeSmsFiles(dataDir, s.endpoint);
    const mod = () => mobileModule({ production: true, sms: files, smsLimits: { retryBaseMs: 100, retryMaxMs: 200, pollMs: 50 } });
    s.standIn.outage = 'unavailable';
    center = await startCenter({ dataDir, modules: [mod()] });
    expect((await requestCode(center.httpUrl)).status).toBe(200);
    await waitUntil('a first attempt', () => s.standIn.requests >= 1);
    await center.stop();
    center = undefined;
    s.standIn.outage = 'none';
    center = await startCenter({ dataDir, modules: [mod()] });
    await waitUntil('the code delivered', () => s.standIn.delivered.length === 1);
    const code = s.standIn.delivered[0]!.params[0]!;
    const verify = await fetch(`${center.httpUrl}/api/m/login/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONE, code }) });
    expect(verify.status).toBe(200);
    // Nothing more arrives: the pump keeps running and finds nothing due.
    const seen = s.standIn.requests;
    await new Promise((r) => setTimeout(r, 400));
    expect(s.standIn.delivered).toHaveLength(1);
    expect(s.standIn.requests).toBe(seen);
  });

  it('shows a wrong login-code template to the admin', async () => {
    const s = await startSmsStandIn();
    standIn = s.standIn;
    const dataDir = tempDir();
    center = await startCenter({ dataDir, modules: [mobileModule({ production: true, sms: writeSmsFiles(dataDir, s.endpoint, { templates: { loginCode: '1234' } }), smsLimits: { pollMs: 50 } })] });
    center.ctx.accounts.upsertAdmin('admin', 'pw');
    expect((await requestCode(center.httpUrl)).status).toBe(200);
    const admin = new ConsoleClient(center.httpUrl);
    await admin.login('admin', { username: 'admin', password: 'pw' });
    type Summary = { configFaults: { code: string; purpose: string }[]; counts: { failed: number } };
    let summary: Summary | undefined;
    await waitUntil('the fault in the admin summary', async () => {
      summary = (await admin.get<Summary>('/api/m/admin/sms')).json;
      return summary.configFaults.length === 1;
    });
    expect(summary?.configFaults[0]).toMatchObject({ code: 'FailedOperation.TemplateIncorrectOrUnapproved', purpose: 'loginCode' });
    expect((await fetch(`${center.httpUrl}/api/m/admin/sms`)).status).toBe(401);
  });
});
