// How a hall plugs in its SMS provider without code: a settings file (provider, endpoint, app id,
// signature, one template id per purpose, per-number limits) and a secrets file (API key, mode 0600)
// — HALLKIT_SMS_SETTINGS and HALLKIT_SMS_SECRETS (or sms-secrets.json in the secrets directory),
// read by the center's one settings+secrets loader. docs/operations.md shows both.
import { z } from 'zod';
import { SMS_PURPOSES } from './SmsTemplates.ts';
import { loadProviderSettings, type ProviderFiles } from '../../server/secrets/ProviderSettings.ts';

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

/** Wrong or missing SMS files (the shared loader's error). */
export { ProviderSettingsError as SmsSettingsError } from '../../server/secrets/ProviderSettings.ts';

export const SMS_FILES: ProviderFiles = { what: 'SMS', settingsVar: 'HALLKIT_SMS_SETTINGS', secretsVar: 'HALLKIT_SMS_SECRETS', secretsName: 'sms-secrets.json' };

export function loadSmsSettings(settingsFile: string, secretsFile: string): { settings: SmsSettings; secrets: SmsSecrets } {
  return loadProviderSettings('SMS', { settingsFile, secretsFile }, SmsSettingsSchema, SmsSecretsSchema);
}
