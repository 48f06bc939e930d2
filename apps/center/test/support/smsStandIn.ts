// A Tencent Cloud SMS stand-in with a hall's approved signature and templates, and the settings
// and secrets files (0600) that point the center at it.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TencentSmsStandIn } from '../../src/mobile/sms/standin/TencentSmsStandIn.ts';
import { SMS_TEMPLATE_TEXT } from '../../src/mobile/sms/SmsTemplates.ts';
import type { SmsFiles } from '../../src/mobile/sms/SmsSetup.ts';

export const SMS_APP = { sdkAppId: '1400123456', secretId: 'AKIDhallkitTestSecretId', secretKey: 'hallkit-test-secret-key-0123', signName: '烟台政务服务' };
export const SMS_TEMPLATE_IDS = { loginCode: '2001001', queueAhead: '2001002', called: '2001003', bookingReminder: '2001004' } as const;

export async function startSmsStandIn(now?: () => number): Promise<{ standIn: TencentSmsStandIn; endpoint: string }> {
  const standIn = new TencentSmsStandIn({
    secretId: SMS_APP.secretId,
    secretKey: SMS_APP.secretKey,
    sdkAppId: SMS_APP.sdkAppId,
    signNames: [SMS_APP.signName],
    templates: Object.fromEntries(Object.entries(SMS_TEMPLATE_IDS).map(([purpose, id]) => [id, { text: SMS_TEMPLATE_TEXT[purpose as keyof typeof SMS_TEMPLATE_IDS].text }])),
    ...(now ? { now } : {}),
  });
  return { standIn, endpoint: await standIn.listen() };
}

export function writeSmsFiles(dir: string, endpoint: string, over: { signName?: string; templates?: Partial<Record<keyof typeof SMS_TEMPLATE_IDS, string>>; secretKey?: string; secretsMode?: number } = {}): SmsFiles {
  const settingsFile = join(dir, 'sms.json');
  const secretsFile = join(dir, 'sms-secrets.json');
  writeFileSync(settingsFile, JSON.stringify({ v: 1, provider: 'tencentcloud', endpoint, protocol: 'http', sdkAppId: SMS_APP.sdkAppId, signName: over.signName ?? SMS_APP.signName, templates: { ...SMS_TEMPLATE_IDS, ...over.templates }, timeoutSeconds: 5 }));
  writeFileSync(secretsFile, JSON.stringify({ secretId: SMS_APP.secretId, secretKey: over.secretKey ?? SMS_APP.secretKey }));
  chmodSync(secretsFile, over.secretsMode ?? 0o600);
  return { settingsFile, secretsFile };
}
