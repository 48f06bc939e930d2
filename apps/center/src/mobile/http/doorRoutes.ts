// 现场扫码取号: the door screen's rotating QR (`/m/door-poster`, shown by a logged-in admin or hall
// screen), and the page it opens (`/m/door/{code}`): a ticket with the least input the hall allows.
import QRCode from 'qrcode';
import { z } from 'zod';
import { doorQueuePolicy, hallLocalTime, isOpenAt } from '@hallkit/core';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { Router } from '../../server/http/Router.ts';
import { requireAdmin } from '../../server/http/routes/authRoutes.ts';
import { fail } from '../access/MobileError.ts';
import { DoorCode } from '../door/DoorCode.ts';
import { isValidIdNumber } from '../identity/idNumber.ts';
import { maskPhone } from '../identity/CodeSender.ts';
import { PHONE_PATTERN } from '../identity/PhoneLogin.ts';
import type { MobileService } from '../MobileService.ts';
import { body, guarded, limit, type MobileRateRules } from './replies.ts';

const TakeBody = z.object({
  categoryId: z.string().min(1).max(40),
  phone: z.string().trim().regex(PHONE_PATTERN).optional(),
  idNumber: z.string().trim().min(15).max(18).optional(),
});

export function doorRoutes(r: Router, ctx: CenterContext, m: MobileService, rules: MobileRateRules): void {
  const door = new DoorCode(ctx.secrets.doorCodeKey, ctx.hall.state.config.catalog.hall.id);
  const policy = () => doorQueuePolicy(ctx.hall.state.config);
  const checked = (code: string, ip: string) => {
    const p = policy();
    if (!p.enabled) fail('door-off');
    const c = door.check(code, p, m.now());
    if (!c.ok) {
      limit(m.limiter, `miss:${ip}`, rules.miss);
      fail(c.reason === 'expired' ? 'door-code-expired' : 'door-code-invalid');
    }
    return c;
  };

  r.get('/api/m/door/poster', guarded(async (req) => {
    requireAdmin(req);
    const { code, changesAt } = door.current(policy(), m.now());
    const url = `${ctx.publicUrl.replace(/\/$/, '')}/m/door/${code}`;
    return { json: { v: 1, url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }), changesAt: new Date(changesAt).toISOString(), hall: ctx.hall.state.config.catalog.hall.name } };
  }));

  r.get('/api/m/door/:code', guarded((req) => {
    limit(m.limiter, `read:${req.clientIp}`, rules.read);
    checked(req.params.code ?? '', req.clientIp);
    const s = ctx.hall.state;
    const local = hallLocalTime(m.now(), s.config.catalog.hall.timeZone);
    const idRequired = new Set(policy().idRequired);
    return {
      json: {
        v: 1,
        categories: [...s.categories.values()].map((c) => ({ id: c.id, name: c.name, ...(c.i18n ? { i18n: c.i18n } : {}), openNow: isOpenAt(c.openingHours, local.weekday, local.minuteOfDay), idRequired: idRequired.has(c.id), waiting: s.lines.categoryCount(c.id) })),
      },
    };
  }));

  r.post('/api/m/door/:code/take', guarded((req) => {
    const ip = req.clientIp;
    limit(m.limiter, `write:${ip}`, rules.write);
    checked(req.params.code ?? '', ip);
    const b = body(TakeBody, req.body);
    if (!ctx.hall.state.categories.has(b.categoryId)) fail('unknown-category');
    if (policy().idRequired.includes(b.categoryId)) {
      if (!b.idNumber) fail('id-required');
      if (!isValidIdNumber(b.idNumber)) fail('bad-id-number');
    }
    // Many phones share the hall's Wi-Fi address: the per-phone limit counts when a number is given.
    limit(m.limiter, `door:${ip}`, { burst: 30, perMinute: 10 });
    if (b.phone) limit(m.limiter, `take:${b.phone}`, rules.take);
    const t = ctx.desk.issue({ categoryId: b.categoryId, source: 'on-site', priority: 'normal' }, 'door');
    if (!t.ok) fail(t.code === 'category-closed' ? 'category-closed' : 'bad-request', t.message);
    if (b.phone) m.reminders.subscribe(t.ticketId, b.phone, { ahead: true, called: true }, 'door');
    ctx.logger.info('door ticket', { number: t.number, ...(b.phone ? { phone: maskPhone(b.phone) } : {}) });
    return { json: { v: 1, number: t.number, followPath: m.followPath(t.ticketId), remind: Boolean(b.phone) } };
  }));
}
