// The demo's 政务服务平台: the stand-in serving the demo cases, with the case feed's settings and
// secrets files written into the demo's data directory and named in HALLKIT_CASE_FEED(_SECRETS);
// the demo center pulls from it every 10 s (and accepts pushes).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '@hallkit/sync';
import { PlatformStandIn } from './PlatformStandIn.ts';
import { demoPlatformCases } from './demoPlatformCases.ts';

export async function startDemoPlatformStandIn(dataDir: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<PlatformStandIn | undefined> {
  if (env.HALLKIT_CASE_FEED || env.HALLKIT_CASE_FEED_SECRETS) return undefined;
  const token = randomBytes(24).toString('base64url');
  const idHashKey = randomBytes(24).toString('base64url');
  const platform = new PlatformStandIn(token);
  platform.put(...demoPlatformCases(idHashKey));
  const url = await platform.listen(Number(env.HALLKIT_PLATFORM_STANDIN_PORT ?? 0));
  const dir = join(dataDir, 'case-feed');
  mkdirSync(dir, { recursive: true });
  const settingsFile = join(dir, 'case-feed.json');
  const secretsFile = join(dir, 'case-feed-secrets.json');
  writeFileSync(settingsFile, `${JSON.stringify({ v: 1, push: true, pull: { url, everySeconds: 10 } }, null, 2)}\n`);
  writeFileSync(secretsFile, `${JSON.stringify({ token, idHashKey }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(secretsFile, 0o600);
  env.HALLKIT_CASE_FEED = settingsFile;
  env.HALLKIT_CASE_FEED_SECRETS = secretsFile;
  logger.info('政务服务平台 stand-in (case feed) for the demo', { url, cases: platform.cases.size, settings: settingsFile });
  return platform;
}
