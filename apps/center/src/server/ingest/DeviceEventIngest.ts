// Consumes every device's outbox (through sync's OutboxIngest: dedupe on (device, seq), commit, then
// cumulative ack). Each event is a HallEvent made on a device — an offline ticket, a rating, a lapse
// — checked by the domain before it is applied. A refusal is final: recorded, counted, still acked.
// Ratings and lapses come only from the rating pad enrolled for the window that served (好差评 integrity).
import type { Database } from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import { DomainError, isBadReview, parseHallEvent, type HallEvent } from '@hallkit/core';
import { OutboxIngest, type IngestedEvent, type Logger } from '@hallkit/sync';
import type { HallService } from '../hall/HallService.ts';
import type { DeviceRecord } from '../provisioning/DeviceRegistry.ts';
import { TicketTokens } from '../requests/TicketTokens.ts';
import type { DeviceEventChecks } from './DeviceEventChecks.ts';

/** Event types a device may make on its own; anything else (a window call…) is the center's alone. */
const DEVICE_MADE = new Set<HallEvent['type']>(['TicketIssued', 'TicketCancelled', 'TicketPrinted', 'EvaluationGiven', 'EvaluationLapsed']);

export interface RejectedEvent {
  deviceId: string;
  seq: number;
  eventType: string | null;
  code: string;
  message: string;
}

/** Who a device is (the center's DeviceRegistry): a rating is taken only from the window's own pad. */
export interface DeviceDirectory {
  get(deviceId: string): Pick<DeviceRecord, 'role' | 'windowId' | 'state'> | undefined;
}

export class DeviceEventIngest {
  readonly outbox: OutboxIngest;
  private readonly insertRejected;
  private readonly tokens: TicketTokens;

  constructor(
    private readonly db: Database,
    client: MqttClient,
    private readonly service: HallService,
    private readonly devices: DeviceDirectory,
    private readonly logger: Logger,
    private readonly onRejected: (r: RejectedEvent) => void = () => undefined,
    shareGroup?: string,
    private readonly checks?: DeviceEventChecks,
  ) {
    this.insertRejected = db.prepare('INSERT INTO rejected_events (at, device_id, seq, event_type, code, message) VALUES (?, ?, ?, ?, ?, ?)');
    this.tokens = new TicketTokens(db);
    this.outbox = new OutboxIngest({
      client,
      hallId: service.config.catalog.hall.id,
      db,
      logger,
      ...(shareGroup ? { shareGroup } : {}),
      apply: (_db, deviceId, events) => this.apply(deviceId, events),
    });
  }

  start(): Promise<void> {
    return this.outbox.start();
  }

  stop(): Promise<void> {
    return this.outbox.stop();
  }

  /** Runs inside the ingest's transaction. Throws only on a fault of ours (then nothing is acked). */
  private apply(deviceId: string, events: readonly IngestedEvent[]): void {
    const rejected: RejectedEvent[] = [];
    try {
      for (const ev of events) {
        const r = this.applyOne(deviceId, ev);
        if (r) rejected.push(r);
      }
    } catch (e) {
      // The outer transaction rolls back: make memory match the log again.
      this.service.rebuild();
      throw e;
    }
    for (const r of rejected) setImmediate(() => this.onRejected(r));
  }

  private applyOne(deviceId: string, ev: IngestedEvent): RejectedEvent | undefined {
    const parsed = parseHallEvent(ev.body);
    const type = typeof (ev.body as { type?: unknown })?.type === 'string' ? String((ev.body as { type: string }).type) : null;
    const reject = (code: string, message: string): RejectedEvent => {
      const r = { deviceId, seq: ev.seq, eventType: type, code, message: message.slice(0, 300) };
      this.insertRejected.run(Date.now(), deviceId, ev.seq, type, code, r.message);
      this.logger.warn('device event refused', { deviceId, seq: ev.seq, type, code, message: r.message });
      return r;
    };
    if (!parsed.ok) return reject('bad-schema', parsed.error);
    if (!DEVICE_MADE.has(parsed.event.type)) return reject('not-device-event', `${parsed.event.type} is made by the center only`);
    if (parsed.event.type === 'TicketIssued' && parsed.event.issuerId !== deviceId) return reject('foreign-issuer', `ticket issued by ${parsed.event.issuerId} arrived from ${deviceId}`);
    const verdict = this.checks?.check(deviceId, parsed.event) ?? { event: parsed.event, notes: [] };
    if (verdict.refused || !verdict.event) return reject(verdict.refused?.code ?? 'refused', verdict.refused?.message ?? 'refused');
    // Taken with a change (a priority not granted, a time brought within bounds): on the admin's list too.
    for (const n of verdict.notes) reject(n.code, n.message);
    const e = verdict.event;
    if (e.type === 'EvaluationGiven' || e.type === 'EvaluationLapsed') {
      const refused = this.notFromWindowPad(deviceId, e);
      if (refused) return reject(refused.code, refused.message);
    }
    try {
      this.service.run(deviceId, (h) => {
        h.ingest(e);
        // A 差评 opens its follow-up case; the pad does not decide the deadline, the center does.
        if (e.type === 'EvaluationGiven' && isBadReview(e.level)) h.ingest(h.followUpFor(e.evaluationId, e.at));
      });
      // Same transaction as the ticket: the QR code printed offline starts working when the ticket arrives.
      if (e.type === 'TicketIssued' && e.followToken && !this.tokens.adopt(e.followToken, e.ticketId)) {
        this.logger.warn('offline follow token not adopted (already in use)', { deviceId, ticketId: e.ticketId });
      }
      return undefined;
    } catch (err) {
      if (err instanceof DomainError) return reject(err.code, err.message);
      throw err;
    }
  }

  /**
   * A rating or lapse is the word of the pad facing the citizen at the window that served: any other
   * device (a public kiosk, another window's pad, a revoked or unknown one) could otherwise rate any
   * service in anyone's name. Phone and web ratings are made by the center itself, never by a device.
   */
  private notFromWindowPad(deviceId: string, e: Extract<HallEvent, { type: 'EvaluationGiven' | 'EvaluationLapsed' }>): { code: string; message: string } | undefined {
    if (e.type === 'EvaluationGiven' && e.channel !== 'hall-pad') return { code: 'channel-not-allowed', message: `a ${e.channel} rating is made by the center, not by device ${deviceId}` };
    if (e.type === 'EvaluationLapsed' && e.by === 'center') return { code: 'not-device-event', message: `only the center's sweep records a lapse by the center (sent by ${deviceId})` };
    const d = this.devices.get(deviceId);
    if (!d || d.state !== 'enrolled' || d.role !== 'evaluator') {
      return { code: 'not-window-pad', message: `${deviceId} (${d ? `${d.role}, ${d.state}` : 'not registered'}) is not an enrolled window rating pad` };
    }
    const s = this.service.state;
    const r = s.ratings.get(e.serviceId);
    const served = r && s.tickets.get(r.ticketId)?.services.find((x) => x.serviceId === e.serviceId);
    if (!served) return undefined; // unknown service: the domain refuses it with its own code
    if (d.windowId !== served.windowId) {
      return { code: 'wrong-window-pad', message: `${deviceId} is the pad of window ${d.windowId ?? '(none)'}, service ${e.serviceId} was at ${served.windowId}` };
    }
    return undefined;
  }

  rejected(limit = 100): (RejectedEvent & { at: number })[] {
    return (this.db.prepare('SELECT at, device_id AS deviceId, seq, event_type AS eventType, code, message FROM rejected_events ORDER BY n DESC LIMIT ?').all(limit) as (RejectedEvent & { at: number })[]);
  }
}
