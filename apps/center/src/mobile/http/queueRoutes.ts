// The public queue view: `/api/m/queue` (JSON) and `/api/m/queue/live` (the same view, pushed on
// every change of the hall). No log-in; read rate limit per IP like every phone page.
import type { CenterContext } from '../../server/CenterContext.ts';
import type { Router } from '../../server/http/Router.ts';
import type { MobileService } from '../MobileService.ts';
import { publicQueueView } from '../queue/PublicQueueView.ts';
import { guarded, limit, type MobileRateRules } from './replies.ts';

export function queueRoutes(r: Router, ctx: CenterContext, m: MobileService, rules: MobileRateRules): void {
  r.get('/api/m/queue', guarded((req) => {
    limit(m.limiter, `read:${req.clientIp}`, rules.read);
    return { json: publicQueueView(ctx.hall.state, m.now()), headers: { 'cache-control': 'no-store' } };
  }));

  r.get('/api/m/queue/live', guarded((req) => {
    limit(m.limiter, `read:${req.clientIp}`, rules.read);
    ctx.live.open(req.res, () => publicQueueView(ctx.hall.state, m.now()));
    return undefined;
  }));
}
