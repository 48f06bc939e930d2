// The one loader for an outside service the center talks to (SMS provider, 政务服务平台 case feed): a
// settings file anyone may read and a secrets file only the center's user may read (0600), each
// checked by its zod schema. The secrets file is named by its variable or lies in the secrets
// directory under its default name (sms-secrets.json, case-feed-secrets.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { readSecretFile, SecretFileError } from './SecretFiles.ts';

export interface ProviderFiles {
  /** What the messages call it ("SMS", "case feed"). */
  what: string;
  settingsVar: string;
  secretsVar: string;
  /** The secrets file's name in the secrets directory when its variable is unset. */
  secretsName: string;
}

export class ProviderSettingsError extends Error {
  override name = 'ProviderSettingsError';
}

export function providerFilesFrom(f: ProviderFiles, env: NodeJS.ProcessEnv, secretsDir?: string): { settingsFile: string; secretsFile: string } | undefined {
  const settingsFile = env[f.settingsVar]?.trim();
  const named = env[f.secretsVar]?.trim();
  if (!settingsFile && !named) return undefined;
  const secretsFile = named || (secretsDir ? join(secretsDir, f.secretsName) : undefined);
  if (!settingsFile || !secretsFile)
    throw new ProviderSettingsError(`set both ${f.settingsVar} (settings file) and ${f.secretsVar} (secrets file, mode 0600; or ${f.secretsName} in the secrets directory), or neither`);
  return { settingsFile, secretsFile };
}

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
}

function parse(text: string, what: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProviderSettingsError(`${what} ${file} is not JSON: ${(e as Error).message}`);
  }
}

export function loadProviderSettings<S extends z.ZodTypeAny, K extends z.ZodTypeAny>(
  what: string,
  files: { settingsFile: string; secretsFile: string },
  settingsSchema: S,
  secretsSchema: K,
): { settings: z.infer<S>; secrets: z.infer<K> } {
  let settingsText: string;
  try {
    settingsText = readFileSync(files.settingsFile, 'utf8');
  } catch (e) {
    throw new ProviderSettingsError(`${what} settings file ${files.settingsFile} cannot be read: ${(e as Error).message}`);
  }
  const s = settingsSchema.safeParse(parse(settingsText, `${what} settings file`, files.settingsFile));
  if (!s.success) throw new ProviderSettingsError(`${what} settings file ${files.settingsFile}: ${issues(s.error)}`);
  let secretsText: string;
  try {
    secretsText = readSecretFile(files.secretsFile, `${what} secrets file`);
  } catch (e) {
    throw new ProviderSettingsError((e as SecretFileError).message);
  }
  const k = secretsSchema.safeParse(parse(secretsText, `${what} secrets file`, files.secretsFile));
  if (!k.success) throw new ProviderSettingsError(`${what} secrets file ${files.secretsFile}: ${issues(k.error)}`);
  return { settings: s.data as z.infer<S>, secrets: k.data as z.infer<K> };
}
