// The citizen's phone pages as a center module: tables, `/api/m/*` routes, the kiosk's
// `appointment-checkin` and `case-lookup` requests (APPOINTMENT_REQUESTS in core). Registered in src/server/modules.ts.
import { APPOINTMENT_REQUESTS, AppointmentCheckInRequestSchema, CaseLookupRequestSchema, type AppointmentCheckInResponse, type CaseLookupResponse } from '@hallkit/core';
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
import { defaultRateRules, type MobileRateRules } from './http/replies.ts';

export interface MobileModuleOptions {
  /** The SMS gateway. Unset: LogCodeSender (demo/test), which a production build refuses. */
  codeSender?: (ctx: CenterContext) => CodeSender;
  /** Defaults to NODE_ENV === 'production'. */
  production?: boolean;
  rateRules?: Partial<MobileRateRules>;
  /** Kiosk requests per device (guessing booking codes at a kiosk stops here). */
  deviceRule?: RateRule;
  remoteLimits?: Partial<RemoteLimits>;
  bookingLimits?: Partial<BookingLimits>;
  login?: Partial<PhoneLoginOptions>;
  /** Seed the demo progress cases into an empty case book (default: when not production). */
  demoCases?: boolean;
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
    const sender = checkCodeSender(o.codeSender ? o.codeSender(ctx) : new LogCodeSender(ctx.logger), production);
    service = new MobileService({
      db: ctx.db,
      hall: ctx.hall,
      links: ctx.tokens,
      publicUrl: ctx.publicUrl,
      codeSender: sender,
      logger: ctx.logger,
      now: () => ctx.now().getTime(),
      ...(o.remoteLimits ? { remoteLimits: o.remoteLimits } : {}),
      ...(o.bookingLimits ? { bookingLimits: o.bookingLimits } : {}),
      ...(o.login ? { login: o.login } : {}),
      demoCases: o.demoCases ?? !production,
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
      mobileRoutes(router, ctx, m, { ...defaultRateRules, ...o.rateRules }, !m.o.codeSender.delivers);
      adminSlotRoutes(router, ctx, m);
    },
    requests(responder: RequestResponder, ctx: CenterContext) {
      const m = ensure(ctx);
      responder.handle(APPOINTMENT_REQUESTS.checkIn, AppointmentCheckInRequestSchema, (body, rc): AppointmentCheckInResponse => {
        if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many check-ins from this device' };
        return m.checkIn.handle(body, rc.deviceId);
      });
      responder.handle(APPOINTMENT_REQUESTS.caseLookup, CaseLookupRequestSchema, (body, rc): CaseLookupResponse => {
        if (!m.limiter.take(`device:${rc.deviceId}`, deviceRule)) return { v: 1, ok: false, code: 'rate-limited', message: 'too many look-ups from this device' };
        return { v: 1, ok: true, cases: body.receiptCode !== undefined ? m.cases.byReceiptCode(body.receiptCode) : m.cases.byIdNumber(body.idNumber ?? '') };
      });
    },
  };
}
