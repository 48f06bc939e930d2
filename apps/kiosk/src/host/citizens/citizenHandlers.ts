// The kiosk host's side of the hall's rating point and the SMS reminder opt-in: both ask the center
// (ratings are made at the center's clock, on its record; a phone number goes to the center's SMS
// outbox) — offline the citizen is told so, nothing is kept on the kiosk.
import {
  REMINDER_REQUESTS,
  ReminderSubscribeResponseSchema,
  TICKET_RATING_REQUESTS,
  TicketRateResponseSchema,
  TicketRatingResponseSchema,
  ticketTokenOf,
} from '@hallkit/core';
import type { DeviceLink } from '@hallkit/sync';
import type { BridgeHandlers } from '@hallkit/host';
import type { KioskContract } from '../../contract.ts';

type Handlers = Pick<BridgeHandlers<KioskContract>, 'lookupRating' | 'rateService' | 'subscribeReminder'>;

/** A mainland mobile number, spaces and dashes allowed as typed ("138 0013 8000"). */
export function mobileNumberOf(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function citizenHandlers(link: DeviceLink, centerAnswered: (answered: boolean) => void, log: (line: string) => void): Handlers {
  const ask = async <T>(run: () => Promise<{ ok: true; body: T } | { ok: false; reason: string }>): Promise<T | 'center-offline' | 'error'> => {
    const r = await run();
    centerAnswered(r.ok || r.reason === 'rejected');
    if (!r.ok) return r.reason === 'rejected' ? 'error' : 'center-offline';
    return r.body;
  };
  return {
    lookupRating: async ({ code }) => {
      const token = ticketTokenOf(code);
      if (!token) return { ok: false, reason: 'not-found' };
      const body = await ask(() => link.request(TICKET_RATING_REQUESTS.services, { v: 1, token }, { timeoutMs: 4000, schema: TicketRatingResponseSchema }));
      if (body === 'center-offline' || body === 'error') return { ok: false, reason: body };
      if (!body.ok) return { ok: false, reason: body.code === 'not-found' ? 'not-found' : 'error' };
      if (body.status === 'no-show') return { ok: false, reason: 'requeue', number: body.number };
      if (body.services.length === 0) return { ok: false, reason: 'not-finished', number: body.number };
      return { ok: true, number: body.number, services: body.services, reasons: body.reasons };
    },
    rateService: async ({ code, serviceId, level, reasons, comment }) => {
      const token = ticketTokenOf(code);
      if (!token) return { ok: false, reason: 'not-found' };
      const trimmed = comment?.trim();
      const body = await ask(() =>
        link.request(TICKET_RATING_REQUESTS.rate, { v: 1, token, serviceId, level, reasons, ...(trimmed ? { comment: trimmed } : {}) }, { timeoutMs: 4000, schema: TicketRateResponseSchema }),
      );
      if (body === 'center-offline' || body === 'error') return { ok: false, reason: body };
      if (body.ok) {
        log(`rated at the rating point: ${level}`);
        return { ok: true, followUp: body.followUp };
      }
      log(`rating refused: ${body.code}`);
      return { ok: false, reason: body.code === 'forbidden' || body.code === 'rate-limited' ? 'error' : body.code };
    },
    subscribeReminder: async ({ ticketId, phone }) => {
      const number = mobileNumberOf(phone);
      if (!number) return { ok: false, reason: 'bad-phone' };
      const body = await ask(() => link.request(REMINDER_REQUESTS.subscribe, { v: 1, ticketId, phone: number }, { timeoutMs: 4000, schema: ReminderSubscribeResponseSchema }));
      if (body === 'center-offline' || body === 'error') return { ok: false, reason: body };
      if (body.ok) return { ok: true, phoneMasked: body.phoneMasked };
      log(`reminder opt-in refused: ${body.code}`);
      return { ok: false, reason: body.code === 'not-waiting' || body.code === 'not-this-kiosk' ? body.code : 'error' };
    },
  };
}
