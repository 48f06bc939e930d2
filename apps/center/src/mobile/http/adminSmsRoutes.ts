// The admin console's 短信 panel: which provider, what is waiting, what was refused — a settings
// fault (wrong signature or template, bad key) stands out until the hall fixes it.
import type { Router } from '../../server/http/Router.ts';
import { requireAdmin } from '../../server/http/routes/authRoutes.ts';
import type { MobileService } from '../MobileService.ts';
import { guarded } from './replies.ts';

export function adminSmsRoutes(r: Router, m: MobileService): void {
  r.get('/api/m/admin/sms', guarded((req) => {
    requireAdmin(req);
    return { json: { v: 1, ...m.sms.summary() } };
  }));
}
