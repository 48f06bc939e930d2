// The demo's SMS provider: the Tencent Cloud stand-in on this machine, with settings and secrets
// files written into the demo's data directory and named in HALLKIT_SMS_SETTINGS/_SECRETS, so the
// demo center sends every SMS through the real SDK and outbox. Each message is printed (a log-in
// code too: that is how whoever runs the demo logs in on the phone pages).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '@hallkit/sync';
import { maskPhone } from '../../identity/CodeSender.ts';
import { SMS_TEMPLATE_TEXT, SMS_PURPOSES } from '../SmsTemplates.ts';
import { TencentSmsStandIn } from './TencentSmsStandIn.ts';

const DEMO_TEMPLATE_IDS = { loginCode: '1900001', queueAhead: '1900002', called: '1900003', bookingReminder: '1900004' } as const;
const DEMO_APP = { sdkAppId: '1400900000', signName: '烟台市政务服务中心' };

/** Starts the stand-in unless the environment already names a provider; returns it (to close) or undefined. */
export async function startDemoSmsStandIn(dataDir: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<TencentSmsStandIn | undefined> {
  if (env.HALLKIT_SMS_SETTINGS || env.HALLKIT_SMS_SECRETS) return undefined;
  const secretId = `AKIDdemo${randomBytes(8).toString('hex')}`;
  const secretKey = randomBytes(24).toString('base64url');
  const standIn = new TencentSmsStandIn({
    secretId,
    secretKey,
    sdkAppId: DEMO_APP.sdkAppId,
    signNames: [DEMO_APP.signName],
    templates: Object.fromEntries(SMS_PURPOSES.map((p) => [DEMO_TEMPLATE_IDS[p], { text: SMS_TEMPLATE_TEXT[p].text }])),
    onDeliver: (m) => {
      const login = m.templateId === DEMO_TEMPLATE_IDS.loginCode;
      logger.info(login ? 'login code delivered by the SMS stand-in (demo)' : 'SMS delivered by the SMS stand-in (demo)', { phone: maskPhone(m.phone), ...(login ? { code: m.params[0] } : {}), text: m.text });
    },
  });
  const endpoint = await standIn.listen(Number(env.HALLKIT_SMS_STANDIN_PORT ?? 0));
  const dir = join(dataDir, 'sms');
  mkdirSync(dir, { recursive: true });
  const settingsFile = join(dir, 'sms.json');
  const secretsFile = join(dir, 'sms-secrets.json');
  writeFileSync(settingsFile, `${JSON.stringify({ v: 1, provider: 'tencentcloud', endpoint, protocol: 'http', sdkAppId: DEMO_APP.sdkAppId, signName: DEMO_APP.signName, templates: DEMO_TEMPLATE_IDS }, null, 2)}\n`);
  writeFileSync(secretsFile, `${JSON.stringify({ secretId, secretKey }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(secretsFile, 0o600);
  env.HALLKIT_SMS_SETTINGS = settingsFile;
  env.HALLKIT_SMS_SECRETS = secretsFile;
  env.HALLKIT_SMS_DEMO_STANDIN = '1';
  logger.info('SMS stand-in (Tencent Cloud SMS API) for the demo', { endpoint, settings: settingsFile });
  return standIn;
}
