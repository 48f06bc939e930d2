// How a hall connects its case feed: HALLKIT_CASE_FEED (settings: push, pull URL and interval) and
// HALLKIT_CASE_FEED_SECRETS (0600: the bearer token both directions use, the shared ID-hash key).
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

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

export class CaseFeedSettingsError extends Error {
  override name = 'CaseFeedSettingsError';
}

function json(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CaseFeedSettingsError(`${what} ${path}: ${(e as Error).message}`);
  }
}

export function loadCaseFeed(env: NodeJS.ProcessEnv = process.env): CaseFeedConfig | undefined {
  const settingsFile = env.HALLKIT_CASE_FEED?.trim();
  const secretsFile = env.HALLKIT_CASE_FEED_SECRETS?.trim();
  if (!settingsFile && !secretsFile) return undefined;
  if (!settingsFile || !secretsFile) throw new CaseFeedSettingsError('set both HALLKIT_CASE_FEED (settings file) and HALLKIT_CASE_FEED_SECRETS (secrets file, mode 0600), or neither');
  const s = CaseFeedSettingsSchema.safeParse(json(settingsFile, 'case feed settings'));
  if (!s.success) throw new CaseFeedSettingsError(`case feed settings ${settingsFile}: ${s.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  let mode = 0;
  try {
    mode = statSync(secretsFile).mode & 0o777;
  } catch (e) {
    throw new CaseFeedSettingsError(`case feed secrets ${secretsFile}: ${(e as Error).message}`);
  }
  if ((mode & 0o077) !== 0) throw new CaseFeedSettingsError(`case feed secrets ${secretsFile} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  const k = CaseFeedSecretsSchema.safeParse(json(secretsFile, 'case feed secrets'));
  if (!k.success) throw new CaseFeedSettingsError(`case feed secrets ${secretsFile}: ${k.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { settings: s.data, secrets: k.data };
}
