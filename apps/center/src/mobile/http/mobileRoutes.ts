// The phone pages' JSON API (`/api/m/*`) and the ticket's live feed. Public routes show nothing
// personal; taking a ticket or a booking needs a phone login; everything is rate limited.
import { z } from 'zod';
import QRCode from 'qrcode';
import { BAD_REVIEW_REASONS, isCategoryOpen, hallLocalTime, type NameTranslations } from '@hallkit/core';
import type { CenterContext } from '../../server/CenterContext.ts';
import type { Router } from '../../server/http/Router.ts';
import { fail } from '../access/MobileError.ts';
import type { BookingRow } from '../appointments/Bookings.ts';
import { IdLast4 } from '../cases/IdLast4.ts';
import { RateLaterSchema } from '../follow/TicketFollow.ts';
import { maskPhone } from '../identity/CodeSender.ts';
import type { MobileService } from '../MobileService.ts';
import { body, guarded, limit, missBudget, phoneCookie, PHONE_COOKIE, requirePhone, type MobileRateRules } from './replies.ts';

const Phone = z.string().trim();
const IdNumber = z.string().trim().min(15).max(24);
/** `remind`: SMS when few are ahead and when called (remote ticket), or the day before (booking). */
const TakeBody = z.object({ categoryId: z.string(), itemId: z.string().optional(), idNumber: IdNumber, remind: z.boolean().optional() });
const BookBody = z.object({ categoryId: z.string(), itemId: z.string().optional(), idNumber: IdNumber, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), slotFrom: z.number().int(), remind: z.boolean().optional() });
const CaseLookupBody = z.object({ receiptCode: z.string().trim().min(4).max(40), idLast4: IdLast4 });
const MoveBody = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), slotFrom: z.number().int() });

export function mobileRoutes(r: Router, ctx: CenterContext, m: MobileService, rules: MobileRateRules, demoLogin: boolean): void {
  const { limiter } = m;
  const read = (ip: string) => limit(limiter, `read:${ip}`, rules.read);
  const write = (ip: string) => limit(limiter, `write:${ip}`, rules.write);
  /** Resolve a link token; a miss costs from the IP's small "miss" budget. */
  const ticketOf = (token: string, ip: string): string => {
    const ticketId = ctx.tokens.ticketFor(token);
    if (!ticketId || !ctx.hall.state.tickets.has(ticketId)) {
      limit(limiter, `miss:${ip}`, rules.miss);
      fail('not-found');
    }
    return ticketId;
  };

  r.get('/api/m/info', guarded((req) => {
    read(req.clientIp);
    const s = ctx.hall.state;
    const local = hallLocalTime(m.now(), s.config.catalog.hall.timeZone);
    const plans = new Set(m.plans.all().filter((p) => p.enabled).map((p) => p.categoryId));
    const zoneOf = (c: { zoneId: string }) => s.config.catalog.zones.find((z) => z.id === c.zoneId);
    return {
      json: {
        v: 1,
        hall: { id: s.config.catalog.hall.id, name: s.config.catalog.hall.name, address: s.config.catalog.hall.address ?? null, timeZone: s.config.catalog.hall.timeZone, ...i18nOf(s.config.catalog.hall) },
        categories: [...s.categories.values()].map((c) => ({
          id: c.id,
          name: c.name,
          ...i18nOf(c),
          prefix: c.prefix,
          zone: zoneOf(c)?.name ?? null,
          ...(zoneOf(c)?.i18n ? { zoneI18n: zoneOf(c)?.i18n } : {}),
          openNow: isCategoryOpen(c, local, s.config.calendar),
          remote: m.remote.remaining(c.id, m.now()),
          appointments: plans.has(c.id),
        })),
        items: [...s.items.values()].map((i) => ({ id: i.id, name: i.name, ...i18nOf(i), categoryId: i.categoryId, department: i.department ?? null, ...(i.departmentI18n ? { departmentI18n: i.departmentI18n } : {}) })),
        reasons: s.config.evaluation.reasons.map((id) => ({ id, label: BAD_REVIEW_REASONS[id as keyof typeof BAD_REVIEW_REASONS] ?? id })),
        laterRatingDays: s.config.evaluation.laterRatingDays,
        demoLogin,
      },
    };
  }));

  // ── login ────────────────────────────────────────────────────────────────
  r.post('/api/m/login/code', guarded(async (req) => {
    const ip = req.clientIp;
    const b = body(z.object({ phone: Phone }), req.body);
    limit(limiter, `code:${ip}`, rules.code);
    await m.login.requestCode(b.phone);
    return { json: { v: 1, ok: true, demoLogin } };
  }));

  r.post('/api/m/login/verify', guarded((req) => {
    write(req.clientIp);
    const b = body(z.object({ phone: Phone, code: z.string().trim().min(4).max(8) }), req.body);
    const s = m.login.verify(b.phone, b.code);
    const maxAge = Math.floor((s.expiresAt - m.now()) / 1000);
    return { json: { v: 1, phone: maskPhone(b.phone) }, headers: { 'set-cookie': phoneCookie(s.token, maxAge) } };
  }));

  r.get('/api/m/me', guarded((req) => {
    read(req.clientIp);
    return { json: { v: 1, phone: maskPhone(requirePhone(req, m.login)) } };
  }));

  r.post('/api/m/logout', guarded((req) => {
    const token = req.cookies[PHONE_COOKIE];
    if (token) m.login.logout(token);
    return { json: { v: 1 }, headers: { 'set-cookie': phoneCookie('', 0) } };
  }));

  // ── follow my ticket, rate later ─────────────────────────────────────────
  r.get('/api/m/t/:token', guarded((req) => {
    const ip = req.clientIp;
    read(ip);
    return { json: m.follow.view(ticketOf(req.params.token ?? '', ip), m.now()) };
  }));

  r.get('/api/m/t/:token/live', guarded((req) => {
    const ip = req.clientIp;
    read(ip);
    const ticketId = ticketOf(req.params.token ?? '', ip);
    ctx.live.open(req.res, () => m.follow.view(ticketId, m.now()));
    return undefined;
  }));

  r.post('/api/m/t/:token/rate', guarded((req) => {
    const ip = req.clientIp;
    write(ip);
    const token = req.params.token ?? '';
    const ticketId = ticketOf(token, ip);
    const b = body(RateLaterSchema, { v: 1, ...(req.body as object) });
    // 二维码 only with the mark the center printed in the ticket's QR code; otherwise 移动端.
    m.follow.rate(ticketId, b, m.now(), ctx.tokens.isQrMark(token, b.q) ? 'qr-code' : 'mobile');
    return { json: m.follow.view(ticketId, m.now()) };
  }));

  // ── remote tickets ───────────────────────────────────────────────────────
  r.post('/api/m/remote', guarded((req) => {
    write(req.clientIp);
    const phone = requirePhone(req, m.login);
    limit(limiter, `take:${phone}`, rules.take);
    const b = body(TakeBody, req.body);
    const t = m.remote.take({ phone, idNumber: b.idNumber, categoryId: b.categoryId, ...(b.itemId ? { itemId: b.itemId } : {}) }, m.now());
    if (b.remind) m.reminders.subscribe(t.id, phone, { ahead: true, called: true }, 'remote');
    return { json: { v: 1, number: t.number, followPath: m.followPath(t.id), view: m.follow.view(t.id, m.now()) } };
  }));

  r.get('/api/m/remote/mine', guarded((req) => {
    read(req.clientIp);
    const phone = requirePhone(req, m.login);
    const tickets = m.remote.forPhone(phone, m.now()).map((row) => {
      const t = ctx.hall.state.tickets.get(row.ticket_id);
      return { number: t?.number ?? '?', categoryId: row.category_id, status: t?.status ?? 'cancelled', followPath: m.followPath(row.ticket_id), idMasked: row.id_masked, token: ctx.tokens.tokenFor(row.ticket_id) };
    });
    return { json: { v: 1, tickets } };
  }));

  r.post('/api/m/remote/cancel', guarded((req) => {
    const ip = req.clientIp;
    write(ip);
    const phone = requirePhone(req, m.login);
    const b = body(z.object({ token: z.string().min(16).max(64) }), req.body);
    m.remote.cancel(ticketOf(b.token, ip), phone, m.now());
    return { json: { v: 1, ok: true } };
  }));

  // ── appointments ─────────────────────────────────────────────────────────
  r.get('/api/m/appointments/slots', guarded((req) => {
    read(req.clientIp);
    return { json: { v: 1, days: m.bookings.availability(req.query.get('categoryId') ?? '', m.now()) } };
  }));

  const bookingView = async (row: BookingRow, phone: string | undefined) => {
    const s = ctx.hall.state;
    const t = row.ticket_id ? s.tickets.get(row.ticket_id) : undefined;
    return {
      v: 1,
      manageToken: row.manage_token,
      code: row.code,
      qrSvg: await QRCode.toString(row.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      categoryId: row.category_id,
      categoryName: s.categories.get(row.category_id)?.name ?? row.category_id,
      ...(s.categories.get(row.category_id)?.i18n ? { categoryI18n: s.categories.get(row.category_id)?.i18n } : {}),
      itemName: row.item_id ? (s.items.get(row.item_id)?.name ?? null) : null,
      ...(row.item_id && s.items.get(row.item_id)?.i18n ? { itemI18n: s.items.get(row.item_id)?.i18n } : {}),
      day: row.day,
      slotFrom: row.slot_from,
      slotTo: row.slot_to,
      status: row.status,
      holderIdMasked: row.id_masked,
      checkIn: (m.plans.get(row.category_id)?.checkIn ?? { earlyMinutes: 30, lateMinutes: 15 }),
      ticket: t && row.ticket_id ? { number: t.number, followPath: m.followPath(row.ticket_id) } : null,
      mine: phone === row.phone,
      remind: row.remind === 1,
    };
  };

  r.post('/api/m/appointments', guarded(async (req) => {
    write(req.clientIp);
    const phone = requirePhone(req, m.login);
    limit(limiter, `take:${phone}`, rules.take);
    const b = body(BookBody, req.body);
    const row = m.bookings.book({ phone, idNumber: b.idNumber, categoryId: b.categoryId, ...(b.itemId ? { itemId: b.itemId } : {}), day: b.day, slotFrom: b.slotFrom }, m.now());
    if (b.remind) m.bookings.setRemind(row.id, true);
    return { json: await bookingView(b.remind ? { ...row, remind: 1 } : row, phone) };
  }));

  r.get('/api/m/appointments/mine', guarded(async (req) => {
    read(req.clientIp);
    const phone = requirePhone(req, m.login);
    return { json: { v: 1, bookings: await Promise.all(m.bookings.forPhone(phone, m.now()).map((row) => bookingView(row, phone))) } };
  }));

  const bookingOf = (token: string, ip: string): BookingRow => {
    const row = m.bookings.byManageToken(token);
    if (!row) {
      limit(limiter, `miss:${ip}`, rules.miss);
      fail('not-found');
    }
    return row;
  };

  r.get('/api/m/appointments/:token', guarded(async (req) => {
    const ip = req.clientIp;
    read(ip);
    return { json: await bookingView(bookingOf(req.params.token ?? '', ip), m.login.phoneFor(req.cookies[PHONE_COOKIE])) };
  }));

  r.post('/api/m/appointments/:token/cancel', guarded(async (req) => {
    const ip = req.clientIp;
    write(ip);
    const phone = requirePhone(req, m.login);
    bookingOf(req.params.token ?? '', ip);
    return { json: await bookingView(m.bookings.cancel(req.params.token ?? '', phone, m.now()), phone) };
  }));

  r.post('/api/m/appointments/:token/move', guarded(async (req) => {
    const ip = req.clientIp;
    write(ip);
    const phone = requirePhone(req, m.login);
    bookingOf(req.params.token ?? '', ip);
    const b = body(MoveBody, req.body);
    return { json: await bookingView(m.bookings.move(req.params.token ?? '', phone, b, m.now()), phone) };
  }));

  // ── progress look-up (receipt code + last 4 of the applicant's ID number: the codes are sequential,
  // so the code alone would let anyone walk every case; a full ID-number search belongs at the
  // kiosk's card reader) ──
  r.post('/api/m/cases/lookup', guarded((req) => {
    const ip = req.clientIp;
    write(ip);
    const b = body(CaseLookupBody, req.body);
    const budgets = [`miss:${ip}`, `miss-case:${b.receiptCode.toUpperCase()}`];
    missBudget(limiter, budgets, rules.miss);
    const cases = m.cases.byReceiptForHolder(b.receiptCode, b.idLast4);
    if (cases.length === 0) {
      // Both budgets (this source, this code) are spent by every miss, known code or not, so the
      // refusals look alike and many sources cannot share out one code's guesses.
      for (const key of budgets) limit(limiter, key, rules.miss);
      fail('case-not-found');
    }
    return { json: { v: 1, cases } };
  }));
}

/** A name's 繁體/English translations from the hall file, when it has any (the page picks by language). */
function i18nOf(x: { i18n?: NameTranslations | undefined }): { i18n?: NameTranslations } {
  return x.i18n ? { i18n: x.i18n } : {};
}
