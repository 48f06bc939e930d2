// Which device role may send which request and which event, and how often (docs/protocol.md, "Who
// may send what"). A device's MQTT login proves only its id; its role comes from the center's
// registry, never from what the device says about itself.
import type { HallEvent } from '@hallkit/core';
import type { DeviceRecord } from '../provisioning/DeviceRegistry.ts';
import { RateLimiter, type RateRule } from './RateLimiter.ts';

/** Requests by name → roles allowed. A request not listed is taken from any enrolled device. */
export const REQUEST_ROLES: Readonly<Record<string, readonly string[]>> = {
  'ticket-issue': ['kiosk'],
  'numbers-lease': ['kiosk'],
  'ticket-withdraw': ['kiosk'],
  'appointment-checkin': ['kiosk'],
  'case-lookup': ['kiosk'],
  'ticket-rating': ['kiosk'],
  'ticket-rate': ['kiosk'],
  'door-code': ['kiosk'],
  'staff-rating': ['evaluator'],
};

/** Device-made hall events → roles allowed. Every other event type is the center's alone. */
export const EVENT_ROLES: Readonly<Partial<Record<HallEvent['type'], readonly string[]>>> = {
  TicketIssued: ['kiosk'],
  TicketCancelled: ['kiosk'],
  TicketPrinted: ['kiosk'],
  EvaluationGiven: ['evaluator'],
  EvaluationLapsed: ['evaluator'],
};

/**
 * Per device. A kiosk prints a ticket in a few seconds, so 20 a minute is already more than a
 * printer can do; a block of numbers lasts a kiosk an hour offline, so a few a minute is plenty.
 */
export const DEFAULT_REQUEST_LIMITS: Readonly<Record<string, RateRule>> = {
  'ticket-issue': { burst: 20, perMinute: 20 },
  'numbers-lease': { burst: 12, perMinute: 6 },
  'ticket-withdraw': { burst: 20, perMinute: 20 },
  'appointment-checkin': { burst: 20, perMinute: 20 },
  'case-lookup': { burst: 20, perMinute: 20 },
  'ticket-rating': { burst: 20, perMinute: 20 },
  'ticket-rate': { burst: 20, perMinute: 20 },
  'door-code': { burst: 6, perMinute: 6 },
};

export interface DeviceLookup {
  get(deviceId: string): Pick<DeviceRecord, 'role' | 'state'> | undefined;
}

export class DeviceAccess {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly devices: DeviceLookup,
    private readonly limits: Readonly<Record<string, RateRule>> = DEFAULT_REQUEST_LIMITS,
    now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter(now);
  }

  /** A refusal code for a request, or undefined when the device may ask it now. */
  request(deviceId: string, name: string): string | undefined {
    const d = this.devices.get(deviceId);
    if (!d || d.state !== 'enrolled') return 'not-enrolled';
    const roles = REQUEST_ROLES[name];
    if (roles && !roles.includes(d.role)) return 'role-not-allowed';
    const rule = this.limits[name];
    if (rule && !this.limiter.take(`${deviceId}/${name}`, rule)) return 'rate-limited';
    return undefined;
  }

  /** A refusal code for a device-made event, or undefined when its role may make it. */
  event(deviceId: string, type: HallEvent['type']): string | undefined {
    const roles = EVENT_ROLES[type];
    if (!roles) return 'not-device-event';
    const d = this.devices.get(deviceId);
    if (!d || d.state !== 'enrolled') return 'not-enrolled';
    return roles.includes(d.role) ? undefined : 'role-not-allowed';
  }
}
