// The 政务服务平台's side of the case feed (bearer token, docs/operations.md §11): push a batch of
// cases, collect 证照寄送 requests; and the citizen's side: ask for mailing with an address.
import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { HttpRequest, Router } from '../../server/http/Router.ts';
import { requireAdmin } from '../../server/http/routes/authRoutes.ts';
import { fail } from '../access/MobileError.ts';
import { CaseFeedBatchSchema, feedIssues } from '../cases/feed/CaseFeedRecord.ts';
import type { CaseFeedConfig } from '../cases/feed/CaseFeedSettings.ts';
import { PHONE_PATTERN } from '../identity/PhoneLogin.ts';
import { IdLast4 } from '../cases/IdLast4.ts';
import type { MobileService } from '../MobileService.ts';
import { body, guarded, limit, missBudget, requirePhone, type MobileRateRules } from './replies.ts';

const MailingBody = z.object({
  recipient: z.string().trim().min(2, '收件人').max(20),
  phone: z.string().trim().regex(PHONE_PATTERN, '11 位手机号'),
  address: z.string().trim().min(8, '详细地址').max(120),
  idLast4: IdLast4,
});

const digest = (s: string) => createHash('sha256').update(s).digest();

export function caseFeedRoutes(r: Router, ctx: CenterContext, m: MobileService, rules: MobileRateRules, feed: CaseFeedConfig | undefined): void {
  const platform = (req: HttpRequest) => {
    const given = /^Bearer (.+)$/.exec(req.raw.headers.authorization ?? '')?.[1] ?? '';
    if (!feed || !timingSafeEqual(digest(given), digest(feed.secrets.token))) {
      limit(m.limiter, `miss:${req.clientIp}`, rules.miss);
      ctx.logger.warn('case feed: refused a request without the right token', { ip: req.clientIp });
      fail('feed-unauthorized', 'the case feed token is missing or wrong');
    }
  };

  r.post('/api/m/feed/cases', guarded((req) => {
    platform(req);
    if (!feed?.settings.push) fail('feed-unauthorized', 'this center does not accept pushed cases');
    const parsed = CaseFeedBatchSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = feedIssues(parsed.error);
      ctx.logger.warn('case feed: refused a malformed push, nothing stored', { ip: req.clientIp, issues: issues.slice(0, 5) });
      return { status: 400, json: { error: 'bad-feed', message: 'the batch breaks the case feed contract: nothing was stored', issues } };
    }
    const res = m.caseFeed.accept(parsed.data, 'push');
    return { json: { v: 1, ok: true, ...res } };
  }));

  r.get('/api/m/feed/mailing-requests', guarded((req) => {
    platform(req);
    return { json: { v: 1, requests: m.cases.pendingMailing() } };
  }));

  r.post('/api/m/feed/mailing-requests/collected', guarded((req) => {
    platform(req);
    const b = body(z.object({ v: z.literal(1), caseNos: z.array(z.string().max(40)).max(1000) }), req.body);
    return { json: { v: 1, collected: m.cases.collectedMailing(b.caseNos, m.now()) } };
  }));

  r.post('/api/m/cases/:receiptCode/mailing', guarded((req) => {
    limit(m.limiter, `write:${req.clientIp}`, rules.write);
    const phone = requirePhone(req, m.login);
    const b = body(MailingBody, req.body);
    const code = req.params.receiptCode ?? '';
    const budgets = [`miss:${req.clientIp}`, `miss-case:${code.toUpperCase()}`];
    missBudget(m.limiter, budgets, rules.miss);
    if (m.cases.byReceiptForHolder(code, b.idLast4).length === 0) {
      // Same second factor as the look-up: a stranger must not send someone's certificate to their own address.
      for (const key of budgets) limit(m.limiter, key, rules.miss);
      fail('case-not-found');
    }
    const c = m.cases.requestMailing(code, b.idLast4, phone, { recipient: b.recipient, recipientPhone: b.phone, address: b.address }, m.now());
    ctx.audit.record('mobile', 'case.mailing-requested', c.receiptCode);
    return { json: { v: 1, case: c } };
  }));

  r.get('/api/m/admin/case-feed', guarded((req) => {
    requireAdmin(req);
    return { json: { v: 1, configured: Boolean(feed), push: feed?.settings.push ?? false, pull: feed?.settings.pull?.url ?? null, pullStatus: m.casePuller?.status() ?? null, cases: m.cases.count() } };
  }));
}
