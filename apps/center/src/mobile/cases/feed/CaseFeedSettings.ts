// How a hall connects its case feed: HALLKIT_CASE_FEED (settings: push, pull URL and interval) and
// HALLKIT_CASE_FEED_SECRETS (0600: the bearer token both directions use, the shared ID-hash key; or
// case-feed-secrets.json in the secrets directory), read by the center's one settings+secrets loader.
import { z } from 'zod';
import { loadProviderSettings, providerFilesFrom, type ProviderFiles } from '../../../server/secrets/ProviderSettings.ts';

export const CaseFeedSettingsSchema = z.object({
  v: z.literal(1),
  /** Accept pushes at POST /api/m/feed/cases. */
  push: z.boolean().default(true),
  /** Poll this URL (GET, the same JSON) — optional. */
  pull: z.object({ url: z.string().url(), everySeconds: z.number().min(1).max(3600).default(30), timeoutSeconds: z.number().min(1).max(60).default(10) }).optional(),
});
export type CaseFeedSettings = z.infer<typeof CaseFeedSettingsSchema>;

export const CaseFeedSecretsSchema = z.object({
  /** Bearer token: the platform sends it when pushing; the center sends it when pulling. */
  token: z.string().min(24, 'at least 24 characters'),
  /** The HMAC key of applicantIdHash, shared with the platform. */
  idHashKey: z.string().min(16, 'at least 16 characters'),
});
export type CaseFeedSecrets = z.infer<typeof CaseFeedSecretsSchema>;

export interface CaseFeedConfig {
  settings: CaseFeedSettings;
  secrets: CaseFeedSecrets;
}

export { ProviderSettingsError as CaseFeedSettingsError } from '../../../server/secrets/ProviderSettings.ts';

export const CASE_FEED_FILES: ProviderFiles = { what: 'case feed', settingsVar: 'HALLKIT_CASE_FEED', secretsVar: 'HALLKIT_CASE_FEED_SECRETS', secretsName: 'case-feed-secrets.json' };

export function loadCaseFeed(env: NodeJS.ProcessEnv = process.env, secretsDir?: string): CaseFeedConfig | undefined {
  const files = providerFilesFrom(CASE_FEED_FILES, env, secretsDir);
  return files ? loadProviderSettings('case feed', files, CaseFeedSettingsSchema, CaseFeedSecretsSchema) : undefined;
}
