// Which SMS gateway the center uses: the hall's provider when HALLKIT_SMS_SETTINGS and
// HALLKIT_SMS_SECRETS name its files, else the log (demo, tests; refused in production).
import type { Logger } from '@hallkit/sync';
import type { SmsGateway } from './SmsGateway.ts';
import { LogSmsGateway } from './LogSmsGateway.ts';
import { loadSmsSettings, SMS_FILES, type SmsSettings } from './SmsSettings.ts';
import { providerFilesFrom } from '../../server/secrets/ProviderSettings.ts';
import { TencentSmsGateway } from './TencentSmsGateway.ts';

export interface SmsFiles {
  settingsFile: string;
  secretsFile: string;
}

export function smsFilesFromEnv(env: NodeJS.ProcessEnv = process.env, secretsDir?: string): SmsFiles | undefined {
  return providerFilesFrom(SMS_FILES, env, secretsDir);
}

export function smsGateway(files: SmsFiles | undefined, logger: Logger): { gateway: SmsGateway; real: boolean; settings?: SmsSettings } {
  if (!files) return { gateway: new LogSmsGateway(logger), real: false };
  const { settings, secrets } = loadSmsSettings(files.settingsFile, files.secretsFile);
  const gateway = new TencentSmsGateway(settings, secrets);
  logger.info('SMS provider configured', { gateway: gateway.describe, sign: settings.signName, templates: Object.keys(settings.templates).filter((k) => settings.templates[k as keyof typeof settings.templates]) });
  return { gateway, real: true, settings };
}
