// How a hall reports to its province's 好差评 platform: HALLKIT_PROVINCE_FEED (settings: transport,
// region and code tables, level numbering) and HALLKIT_PROVINCE_FEED_SECRETS (0600: the bearer token).
// Provinces differ in transport and numbering, so all of it is configuration, none of it code.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { EVALUATION_CHANNELS, BAD_REVIEW_REASON_IDS } from '@hallkit/core';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ProvinceFeedSettingsSchema = z.object({
  v: z.literal(1),
  /** `http-json`: pushed to the province's receiver; `file`: the hall uploads exported files by hand. */
  transport: z.enum(['http-json', 'file']),
  /** The receiver's base URL (http-json): records go to POST <endpoint>/records. */
  endpoint: z.string().url().optional(),
  /** 12-digit 区划代码 of the hall, for a hall definition that has none (`catalog.hall.regionCode` wins). */
  regionCode: z.string().regex(/^\d{12}$/, '12 digits').optional(),
  /** The hall's code at the province (default: the hall id). */
  hallCode: z.string().min(1).optional(),
  /** `5-best`: 5 = 非常满意 … 1 = 非常不满意 (evalNum of most provincial interfaces); `1-best`: GB/T numbering. */
  levelNumbering: z.enum(['5-best', '1-best']).default('5-best'),
  /** Overrides of the channel codes (core CHANNEL_CODES) for provinces that number hotline/SMS otherwise. */
  channelCodes: z.partialRecord(z.enum(EVALUATION_CHANNELS), z.number().int().min(1).max(9)).default({}),
  /** 事项编码 by catalog item id, for items the hall definition gives no `code` (then: their id). */
  itemCodes: z.record(z.string(), z.string()).default({}),
  /** Department codes by department name, for items the hall definition gives no `departmentCode`. */
  departmentCodes: z.record(z.string(), z.string()).default({}),
  /** The province's 评价内容编码 by 差评 reason (unlisted reasons send their id). */
  reasonCodes: z.partialRecord(z.enum(BAD_REVIEW_REASON_IDS as [string, ...string[]]), z.string()).default({}),
  /** Nothing from before this hall-day is sent (a hall joining the feed after years). */
  fromDay: Day.optional(),
  timeoutSeconds: z.number().min(1).max(120).default(15),
  /** Records per request (http-json: POST <endpoint>/records/batch); 1: one record per request. */
  batchSize: z.number().int().min(1).max(500).default(1),
  /** Pauses after a failed delivery: doubling from `retryBaseSeconds` up to `retryMaxSeconds`. */
  retryBaseSeconds: z.number().min(0.05).max(600).default(5),
  retryMaxSeconds: z.number().min(0.05).max(3600).default(600),
}).refine((s) => s.transport !== 'http-json' || s.endpoint !== undefined, { message: 'http-json needs an endpoint', path: ['endpoint'] });
export type ProvinceFeedSettings = z.infer<typeof ProvinceFeedSettingsSchema>;

export const ProvinceFeedSecretsSchema = z.object({
  /** Sent as `Authorization: Bearer <token>`. */
  token: z.string().min(24, 'at least 24 characters'),
});
export type ProvinceFeedSecrets = z.infer<typeof ProvinceFeedSecretsSchema>;

export interface ProvinceFeedConfig {
  settings: ProvinceFeedSettings;
  secrets: ProvinceFeedSecrets | undefined;
}

export class ProvinceFeedSettingsError extends Error {
  override name = 'ProvinceFeedSettingsError';
}

function json(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ProvinceFeedSettingsError(`${what} ${path}: ${(e as Error).message}`);
  }
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/** Reads the files the environment names; undefined when the hall has no provincial feed set up. */
export function loadProvinceFeed(env: NodeJS.ProcessEnv = process.env): ProvinceFeedConfig | undefined {
  const settingsFile = env.HALLKIT_PROVINCE_FEED?.trim();
  const secretsFile = env.HALLKIT_PROVINCE_FEED_SECRETS?.trim();
  if (!settingsFile) {
    if (secretsFile) throw new ProvinceFeedSettingsError('HALLKIT_PROVINCE_FEED_SECRETS is set but HALLKIT_PROVINCE_FEED (the settings file) is not');
    return undefined;
  }
  const s = ProvinceFeedSettingsSchema.safeParse(json(settingsFile, '好差评 feed settings'));
  if (!s.success) throw new ProvinceFeedSettingsError(`好差评 feed settings ${settingsFile}: ${issues(s.error)}`);
  if (s.data.transport === 'file') return { settings: s.data, secrets: undefined };
  if (!secretsFile) throw new ProvinceFeedSettingsError('the http-json 好差评 feed needs HALLKIT_PROVINCE_FEED_SECRETS (a 0600 file with the token)');
  let mode = 0;
  try {
    mode = statSync(secretsFile).mode & 0o777;
  } catch (e) {
    throw new ProvinceFeedSettingsError(`好差评 feed secrets ${secretsFile}: ${(e as Error).message}`);
  }
  if ((mode & 0o077) !== 0) throw new ProvinceFeedSettingsError(`好差评 feed secrets ${secretsFile} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
  const k = ProvinceFeedSecretsSchema.safeParse(json(secretsFile, '好差评 feed secrets'));
  if (!k.success) throw new ProvinceFeedSettingsError(`好差评 feed secrets ${secretsFile}: ${issues(k.error)}`);
  return { settings: s.data, secrets: k.data };
}
