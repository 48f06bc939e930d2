// The demo's provincial 好差评 platform: the receiver stand-in on this machine, with the feed's
// settings and secrets files written into the demo's data directory and named in
// HALLKIT_PROVINCE_FEED(_SECRETS), so the demo center delivers every rating, lapse and follow-up step
// through the real outbox and HTTP/JSON adapter. Each 差评 and follow-up step is printed. The region
// code is the demo hall definition's (halls/yantai.json catalog.hall.regionCode).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '@hallkit/sync';
import { ProvinceReceiverStandIn } from './ProvinceReceiverStandIn.ts';

export async function startDemoProvinceStandIn(dataDir: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<ProvinceReceiverStandIn | undefined> {
  if (env.HALLKIT_PROVINCE_FEED || env.HALLKIT_PROVINCE_FEED_SECRETS) return undefined;
  const token = randomBytes(24).toString('base64url');
  let received = 0;
  const receiver = new ProvinceReceiverStandIn(token, (r) => {
    received += 1;
    if (r.kind === 'evaluation' && r.badReview) logger.info('差评 received by the provincial stand-in (demo)', { projectNo: r.projectNo, level: r.evaLevel, pf: r.pf, reasons: r.evaContent, staff: r.operateUserName });
    else if (r.kind === 'follow-up') logger.info('follow-up step received by the provincial stand-in (demo)', { caseId: r.caseId, step: r.step, note: r.rectification ?? r.answer ?? '' });
    else if (r.kind === 'appeal') logger.info('申诉 step received by the provincial stand-in (demo)', { caseId: r.caseId, step: r.step, ...(r.step === 'decided' ? { upheld: r.upheld } : { reason: r.reason }) });
    else if (received % 500 === 0) logger.info('records received by the provincial stand-in (demo)', { received });
  });
  const endpoint = await receiver.listen(Number(env.HALLKIT_PROVINCE_STANDIN_PORT ?? 0));
  const dir = join(dataDir, 'province-feed');
  mkdirSync(dir, { recursive: true });
  const settingsFile = join(dir, 'province-feed.json');
  const secretsFile = join(dir, 'province-feed-secrets.json');
  writeFileSync(settingsFile, `${JSON.stringify({ v: 1, transport: 'http-json', endpoint, levelNumbering: '5-best', retryBaseSeconds: 2, retryMaxSeconds: 60 }, null, 2)}\n`);
  writeFileSync(secretsFile, `${JSON.stringify({ token }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(secretsFile, 0o600);
  env.HALLKIT_PROVINCE_FEED = settingsFile;
  env.HALLKIT_PROVINCE_FEED_SECRETS = secretsFile;
  logger.info('provincial 好差评 receiver stand-in for the demo', { endpoint, settings: settingsFile });
  return receiver;
}
