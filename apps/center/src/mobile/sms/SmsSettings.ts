// How a hall plugs in its SMS provider without code: a settings file (provider, endpoint, app id,
// signature, one template id per purpose, per-number limits) and a secrets file (API key, mode 0600)
// — HALLKIT_SMS_SETTINGS and HALLKIT_SMS_SECRETS. docs/operations.md shows both.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { SMS_PURPOSES } from './SmsTemplates.ts';

const TemplateId = z.string().trim().regex(/^[0-9]{1,20}$/, 'a template id is the number the provider gave the approved template');

export const SmsSettingsSchema = z.object({
  v: z.literal(1),
  provider: z.literal('tencentcloud'),
  /** The API host (and port); the stand-in's is e.g. 127.0.0.1:18901. */
  endpoint: z.string().trim().min(1).default('sms.tencentcloudapi.com'),
  protocol: z.enum(['https', 'http']).default('https'),
  region: z.string().trim().min(1).default('ap-guangzhou'),
  /** SmsSdkAppId (短信应用 SDK AppID). */
  sdkAppId: z.string().trim().regex(/^[0-9]{6,20}$/, 'SmsSdkAppId is a number such as 1400006666'),
  /** 短信签名: the approved signature's text, e.g. 烟台市政务服务中心. */
  signName: z.string().trim().min(2).max(40),
  templates: z.object(Object.fromEntries(SMS_PURPOSES.map((p) => [p, TemplateId.optional()])) as Record<(typeof SMS_PURPOSES)[number], z.ZodOptional<typeof TemplateId>>).refine((t) => t.loginCode !== undefined, { message: 'templates.loginCode is required (phone log-in)' }),
  perNumber: z.object({ perHour: z.number().int().min(1).default(10), perDay: z.number().int().min(1).default(30) }).default({ perHour: 10, perDay: 30 }),
  timeoutSeconds: z.number().min(1).max(60).default(10),
});
export type SmsSettings = z.infer<typeof SmsSettingsSchema>;

export const SmsSecretsSchema = z.object({ secretId: z.string().trim().min(8), secretKey: z.string().trim().min(8) });
export type SmsSecrets = z.infer<typeof SmsSecretsSchema>;

export class SmsSettingsError extends Error {
  override name = 'SmsSettingsError';
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SmsSettingsError(`${what} ${path} cannot be read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SmsSettingsError(`${what} ${path} is not JSON: ${(e as Error).message}`);
  }
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
}

export function loadSmsSettings(settingsPath: string, secretsPath: string): { settings: SmsSettings; secrets: SmsSecrets } {
  const s = SmsSettingsSchema.safeParse(readJson(settingsPath, 'SMS settings file'));
  if (!s.success) throw new SmsSettingsError(`SMS settings file ${settingsPath}: ${issues(s.error)}`);
  // The API key may spend the hall's SMS budget: only the center's user may read it.
  let mode: number;
  try {
    mode = statSync(secretsPath).mode & 0o777;
  } catch (e) {
    throw new SmsSettingsError(`SMS secrets file ${secretsPath} cannot be read: ${(e as Error).message}`);
  }
  if ((mode & 0o077) !== 0) throw new SmsSettingsError(`SMS secrets file ${secretsPath} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  const k = SmsSecretsSchema.safeParse(readJson(secretsPath, 'SMS secrets file'));
  if (!k.success) throw new SmsSettingsError(`SMS secrets file ${secretsPath}: ${issues(k.error)}`);
  return { settings: s.data, secrets: k.data };
}
