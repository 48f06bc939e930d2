// SMS through the official Tencent Cloud SDK against the local stand-in (signed requests, real
// response shapes): delivered once across restarts and outages, settings faults parked for the
// admin, per-number limits, the secrets file's mode.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCenterDb } from '../../src/server/store/CenterStore.ts';
import { AuditLog } from '../../src/server/auth/AuditLog.ts';
import { MOBILE_MIGRATIONS } from '../../src/mobile/store/mobileMigrations.ts';
import { SmsOutbox, defaultSmsOutboxLimits, type SmsOutboxLimits } from '../../src/mobile/sms/SmsOutbox.ts';
import { smsGateway } from '../../src/mobile/sms/SmsSetup.ts';
import { SmsSettingsError } from '../../src/mobile/sms/SmsSettings.ts';
import { OutboxCodeSender } from '../../src/mobile/sms/OutboxCodeSender.ts';
import { PhoneLogin } from '../../src/mobile/identity/PhoneLogin.ts';
import type { TencentSmsStandIn } from '../../src/mobile/sms/standin/TencentSmsStandIn.ts';
import { quiet, tempDir } from '../support/centerHarness.ts';
import { SMS_APP, startSmsStandIn, writeSmsFiles } from '../support/smsStandIn.ts';

const PHONE = '13800138000';
let standIn: TencentSmsStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function rig(over: Parameters<typeof writeSmsFiles>[2] = {}, limits: Partial<SmsOutboxLimits> = {}) {
  const started = await startSmsStandIn();
  standIn = started.standIn;
  const dir = tempDir('hallkit-sms-');
  const files = writeSmsFiles(dir, started.endpoint, over);
  let now = Date.now();
  const dbPath = join(dir, 'center.sqlite');
  const open = () => {
    const db = openCenterDb(dbPath, [{ namespace: 'module:mobile', migrations: MOBILE_MIGRATIONS }]);
    const outbox = new SmsOutbox(db, smsGateway(files, quiet).gateway, new AuditLog(db), quiet, () => now, { ...defaultSmsOutboxLimits, retryBaseMs: 1000, ...limits });
    return { db, outbox };
  };
  return { standIn: started.standIn, files, open, advance: (ms: number) => (now += ms), now: () => now };
}

const audit = (db: Database.Database) => new AuditLog(db).recent().filter((e) => e.action.startsWith('sms.'));

describe('SMS outbox through the Tencent Cloud SDK', () => {
  it('sends a log-in code once, signed, with the approved signature and template; the code does not stay in the database', async () => {
    const r = await rig();
    const { db, outbox } = r.open();
    const login = new PhoneLogin(db, new OutboxCodeSender(outbox), r.now);
    await login.requestCode(PHONE);
    await outbox.pump();
    expect(r.standIn.delivered).toHaveLength(1);
    const sms = r.standIn.delivered[0]!;
    expect(sms.phone).toBe(PHONE);
    expect(sms.text).toMatch(/^【烟台政务服务】您的验证码为\d{6}，5分钟内有效/);
    // The delivered code logs in.
    expect(login.verify(PHONE, sms.params[0]!).token).toBeTruthy();
    await outbox.pump();
    expect(r.standIn.delivered).toHaveLength(1);
    const stored = db.prepare('SELECT params, status FROM m_sms_outbox').all() as { params: string; status: string }[];
    expect(stored).toEqual([{ params: '["",""]', status: 'sent' }]);
    const log = audit(db);
    expect(log.map((e) => e.action).sort()).toEqual(['sms.queued', 'sms.sent']);
    expect(JSON.stringify(log)).not.toContain(sms.params[0]!);
    expect(log[0]!.target).toBe('138****8000');
    db.close();
  });

  it('keeps a message through a provider outage and a center restart, then delivers it exactly once', async () => {
    const r = await rig();
    let { db, outbox } = r.open();
    r.standIn.outage = 'unavailable';
    expect(outbox.enqueue({ key: 'called:t1:1', phone: PHONE, purpose: 'called', params: ['A012', '5'] })).toBe(true);
    await outbox.pump();
    expect(r.standIn.requests).toBe(1);
    expect(outbox.status('called:t1:1')).toBe('pending');
    r.standIn.outage = 'reset';
    r.advance(2_000);
    await outbox.pump();
    expect(r.standIn.requests).toBe(2);
    expect(r.standIn.delivered).toHaveLength(0);
    // The center stops and starts again (same database file); the stand-in comes back.
    db.close();
    ({ db, outbox } = r.open());
    r.standIn.outage = 'none';
    // The same event again (e.g. replayed after the restart) is not a second message.
    expect(outbox.enqueue({ key: 'called:t1:1', phone: PHONE, purpose: 'called', params: ['A012', '5'] })).toBe(false);
    r.advance(10_000);
    await outbox.pump();
    r.advance(60_000);
    await outbox.pump();
    expect(r.standIn.delivered.map((d) => d.text)).toEqual(['【烟台政务服务】请A012号到5号窗口办理，过号需重新排队。']);
    expect(outbox.status('called:t1:1')).toBe('sent');
    db.close();
  });

  it.each([
    ['a template id the provider has not approved', { templates: { called: '9999999' } }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    ['a signature the provider has not approved', { signName: '某某公司' }, 'FailedOperation.SignatureIncorrectOrUnapproved'],
    ['a wrong API key', { secretKey: 'not-the-right-secret-key' }, 'AuthFailure.SignatureFailure'],
  ])('reports %s to the admin and does not retry it', async (_what, over, code) => {
    const r = await rig(over);
    const { db, outbox } = r.open();
    outbox.enqueue({ key: 'called:t2:1', phone: PHONE, purpose: 'called', params: ['A013', '6'] });
    await outbox.pump();
    for (let i = 0; i < 5; i++) {
      r.advance(3_600_000);
      await outbox.pump();
    }
    expect(r.standIn.requests).toBe(1);
    expect(outbox.status('called:t2:1')).toBe('failed');
    const s = outbox.summary();
    expect(s.configFaults).toHaveLength(1);
    expect(s.configFaults[0]).toMatchObject({ code, configFault: true, phone: '138****8000', purpose: 'called' });
    expect(audit(db).find((e) => e.action === 'sms.failed')?.detail).toContain(code);
    db.close();
  });

  it('holds a number to its hourly limit and sends the rest later', async () => {
    const r = await rig({}, { perHour: 2 });
    const { db, outbox } = r.open();
    for (const n of [1, 2, 3]) outbox.enqueue({ key: `ahead:t${n}`, phone: PHONE, purpose: 'queueAhead', params: [`A00${n}`, '3', '社保'] });
    await outbox.pump();
    expect(r.standIn.delivered).toHaveLength(2);
    r.advance(30 * 60_000);
    await outbox.pump();
    expect(r.standIn.delivered).toHaveLength(2);
    r.advance(31 * 60_000);
    await outbox.pump();
    expect(r.standIn.delivered.map((d) => d.params[0])).toEqual(['A001', 'A002', 'A003']);
    db.close();
  });

  it('drops a log-in code that could not be sent before it expired', async () => {
    const r = await rig();
    const { db, outbox } = r.open();
    r.standIn.outage = 'unavailable';
    const login = new PhoneLogin(db, new OutboxCodeSender(outbox), r.now);
    await login.requestCode(PHONE);
    await outbox.pump();
    r.standIn.outage = 'none';
    r.advance(6 * 60_000);
    await outbox.pump();
    expect(r.standIn.delivered).toHaveLength(0);
    expect((db.prepare('SELECT status FROM m_sms_outbox').get() as { status: string }).status).toBe('expired');
    db.close();
  });

  it('refuses a secrets file others can read, and half a configuration', async () => {
    const dir = tempDir('hallkit-sms-');
    const files = writeSmsFiles(dir, '127.0.0.1:9', { secretsMode: 0o644 });
    expect(() => smsGateway(files, quiet)).toThrow(/readable by others.*chmod 600/);
    const { smsFilesFromEnv } = await import('../../src/mobile/sms/SmsSetup.ts');
    expect(() => smsFilesFromEnv({ HALLKIT_SMS_SETTINGS: files.settingsFile })).toThrow(SmsSettingsError);
    expect(SMS_APP.sdkAppId).toMatch(/^\d+$/);
  });
});
