// The citizen's phone pages as a center module: tables, `/api/m/*` routes, the kiosk's
// `appointment-checkin` and `case-lookup` requests (APPOINTMENT_REQUESTS in core). Registered in src/server/modules.ts.
import { APPOINTMENT_REQUESTS, AppointmentCheckInRequestSchema, CaseLookupRequestSchema, REMINDER_REQUESTS, ReminderSubscribeRequestSchema, type AppointmentCheckInResponse, type CaseLookupResponse, type ReminderSubscribeResponse } from '@hallkit/core';
import { maskPhone } from './identity/CodeSender.ts';
import type { RequestResponder } from '@hallkit/sync';
import type { CenterContext } from '../server/CenterContext.ts';
import type { CenterModule } from '../server/CenterModule.ts';
import type { Router } from '../server/http/Router.ts';
import type { RateRule } from '../server/access/RateLimiter.ts';
import { checkCodeSender, LogCodeSender, type CodeSender } from './identity/CodeSender.ts';
import type { PhoneLoginOptions } from './identity/PhoneLogin.ts';
import type { RemoteLimits } from './remote/RemoteTickets.ts';
import type { BookingLimits } from './appointments/Bookings.ts';
import { defaultSlotPlan, type SlotPlan } from './appointments/SlotPlan.ts';
import { MobileService } from './MobileService.ts';
import { MOBILE_MIGRATIONS } from './store/mobileMigrations.ts';
import { adminSlotRoutes } from './http/adminSlotRoutes.ts';
import { mobileRoutes } from './http/mobileRoutes.ts';
import { adminSmsRoutes } from './http/adminSmsRoutes.ts';
import { queueRoutes } from './http/queueRoutes.ts';
import { caseFeedRoutes } from './http/caseFeedRoutes.ts';
import { doorRoutes } from './http/doorRoutes.ts';
import { ratingPointRequests } from './follow/ratingPointRequests.ts';
import { doorCodeRequest } from './door/doorCodeRequest.ts';
import { loadCaseFeed, type CaseFeedConfig } from './cases/feed/CaseFeedSettings.ts';
import { OutboxCodeSender } from './sms/OutboxCodeSender.ts';
import { defaultSmsOutboxLimits, SmsOutbox, type SmsOutboxLimits } from './sms/SmsOutbox.ts';
import { smsFilesFromEnv, smsGateway, type SmsFiles } from './sms/SmsSetup.ts';
import { defaultRateRules, type MobileRateRules } from './http/replies.ts';

export interface MobileModuleOptions {
  /** The SMS provider's settings and secrets files. Unset: HALLKIT_SMS_SETTINGS / HALLKIT_SMS_SECRETS; `false`: none. */
  sms?: SmsFiles | false;
  /** Outbox pacing (tests make retries quick). */
  smsLimits?: Partial<SmsOutboxLimits>;
  /** Log-in codes another way (tests). Unset: through the SMS outbox when a provider is configured, else LogCodeSender (refused in production). */
  codeSender?: (ctx: CenterContext) => CodeSender;
  /** Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  rateRules?: Partial<MobileRateRules>;
  /** Kiosk requests per device (guessing booking codes at a kiosk stops here). */
  deviceRule?: RateRule;
  remoteLimits?: Partial<RemoteLimits>;
  bookingLimits?: Partial<BookingLimits>;
  login?: Partial<PhoneLoginOptions>;
  /** Seed the demo progress cases into an empty case book (default: when not production and no case feed). */
  demoCases?: boolean;
  /** The case feed. Unset: HALLKIT_CASE_FEED / HALLKIT_CASE_FEED_SECRETS; `false`: none. */
  caseFeed?: CaseFeedConfig | false;
  /** Slot plans put in place when a category has none yet (demo). `true`: the default plan for every category. */
  seedSlotPlans?: SlotPlan[] | true;
}

export const MOBILE_MODULE_NAME = 'mobile';

export function mobileModule(o: MobileModuleOptions = {}): CenterModule & { service(): MobileService } {
  let service: MobileService | undefined;
  const production = o.production ?? process.env.NODE_ENV === 'production';
  const deviceRule = o.deviceRule ?? { burst: 60, perMinute: 30 };

  const ensure = (ctx: CenterContext): MobileService => {
    // One service per center (a module object may outlive one Center in tests).
    if (service && service.o.db === ctx.db) return service;
    // A production center without an SMS provider refuses to start here (checkCodeSender).
    const files = o.sms === false ? undefined : (o.sms ?? smsFilesFromEnv(process.env, ctx.secrets.dir));
    const { gateway, real, settings } = smsGateway(files, ctx.logger);
    const perNumber = settings ? { perHour: settings.perNumber.perHour, perDay: settings.perNumber.perDay } : {};
    const sms = new SmsOutbox(ctx.db, gateway, ctx.audit, ctx.logger, () => ctx.now().getTime(), { ...defaultSmsOutboxLimits, ...perNumber, ...o.smsLimits });
    const caseFeed = o.caseFeed === false ? undefined : (o.caseFeed ?? loadCaseFeed(process.env, ctx.secrets.dir));
    const sender = checkCodeSender(o.codeSender ? o.codeSender(ctx) : real ? new OutboxCodeSender(sms) : new LogCodeSender(ctx.logger), production);
    service = new MobileService({
      db: ctx.db,
      idKeys: ctx.secrets.idKeys,
      hall: ctx.hall,
      links: ctx.tokens,
      publicUrl: ctx.publicUrl,
      codeSender: sender,
      sms,
      logger: ctx.logger,
      now: () => ctx.now().getTime(),
      ...(o.remoteLimits ? { remoteLimits: o.remoteLimits } : {}),
      ...(o.bookingLimits ? { bookingLimits: o.bookingLimits } : {}),
      ...(o.login ? { login: o.login } : {}),
      demoCases: o.demoCases ?? (!production && !caseFeed),
      ...(caseFeed ? { caseFeed } : {}),
    });
    const seed = o.seedSlotPlans === true ? [...ctx.hall.state.categories.keys()].map(defaultSlotPlan) : (o.seedSlotPlans ?? []);
    for (const p of seed) if (!service.plans.get(p.categoryId)) service.plans.put(p, 'seed', service.now());
    return service;
  };

  return {
    name: MOBILE_MODULE_NAME,
    migrations: MOBILE_MIGRATIONS,
    service() {
      if (!service) throw new Error('the mobile module has not been started');
      return service;
    },
    routes(router: Router, ctx: CenterContext) {
      const m = ensure(ctx);
      // The phone page tells whoever runs the demo where the code is: the log, or the stand-in's lines in it.
      const demoLogin = !m.o.codeSender.delivers || (!production && process.env.HALLKIT_SMS_DEMO_STANDIN === '1');
      const rules = { ...defaultRateRules, ...o.rateRules };
      mobileRoutes(router, ctx, m, rules, demoLogin);
      queueRoutes(router, ctx, m, rules);
      caseFeedRoutes(router, ctx, m, rules, m.o.caseFeed);
      doorRoutes(router, ctx, m, rules);
      adminSlotRoutes(router, ctx, m);
      adminSmsRoutes(router, m);
    },
    async start(ctx: CenterContext) {
      const m = ensure(ctx);
      await m.casePuller?.start();
      m.sms.start();
      m.reminders.start();
      m.bookingReminders.start();
    },
    async stop() {
      await service?.casePuller?.stop();
      service?.reminders.stop();
      service?.bookingReminders.stop();
      await service?.sms.stop();
    },
    requests(responder: RequestResponder, ctx: CenterContext) {
      const m = ensure(ctx);
      responder.handle(APPOINTMENT_REQUESTS.checkIn, AppointmentCheckInRequestSchema, (body, rc): AppointmentCheckInResponse => {
        if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many check-ins from this device' };
        const res = m.checkIn.handle(body, rc.deviceId);
        if (res.ok) m.remindCheckedIn(res.ticket.ticketId);
        return res;
      });
      responder.handle(REMINDER_REQUESTS.subscribe, ReminderSubscribeRequestSchema, (body, rc): ReminderSubscribeResponse => {
        if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many requests from this device' };
        const t = ctx.hall.state.tickets.get(body.ticketId);
        if (!t) return { v: 1, ok: false, code: 'unknown-ticket', message: 'no such ticket' };
        // Only the kiosk that printed the ticket may attach a phone to it (a device's word is checked).
        if (t.issuerId !== rc.deviceId) return { v: 1, ok: false, code: 'not-this-kiosk', message: 'the ticket was issued elsewhere' };
        if (t.status !== 'waiting') return { v: 1, ok: false, code: 'not-waiting', message: `the ticket is ${t.status}` };
        m.reminders.subscribe(t.id, body.phone, { ahead: true, called: true }, 'kiosk');
        ctx.logger.info('kiosk reminder opt-in', { deviceId: rc.deviceId, ticket: t.number, phone: maskPhone(body.phone) });
        return { v: 1, ok: true, phoneMasked: maskPhone(body.phone) };
      });
      ratingPointRequests(responder, ctx, m, deviceRule);
      doorCodeRequest(responder, ctx, m);
      responder.handle(APPOINTMENT_REQUESTS.caseLookup, CaseLookupRequestSchema, (body, rc): CaseLookupResponse => {
        if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many look-ups from this device' };
        return { v: 1, ok: true, cases: body.receiptCode !== undefined ? m.cases.byReceiptCode(body.receiptCode) : m.cases.byIdNumber(body.idNumber ?? '') };
      });
    },
  };
}
