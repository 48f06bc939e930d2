// Consumes every device's outbox (through sync's OutboxIngest: dedupe on (device, seq), commit, then
// cumulative ack). Each event is a HallEvent made on a device — an offline ticket, a rating, a lapse
// — checked by the domain before it is applied. A refusal is final: recorded, counted, still acked.
import type { Database } from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import { DomainError, isBadReview, parseHallEvent, type HallEvent } from '@hallkit/core';
import { OutboxIngest, type IngestedEvent, type Logger } from '@hallkit/sync';
import type { HallService } from '../hall/HallService.ts';
import { TicketTokens } from '../requests/TicketTokens.ts';

/** Event types a device may make on its own; anything else (a window call…) is the center's alone. */
const DEVICE_MADE = new Set<HallEvent['type']>(['TicketIssued', 'TicketCancelled', 'EvaluationGiven', 'EvaluationLapsed']);

export interface RejectedEvent {
  deviceId: string;
  seq: number;
  eventType: string | null;
  code: string;
  message: string;
}

export class DeviceEventIngest {
  readonly outbox: OutboxIngest;
  private readonly insertRejected;
  private readonly tokens: TicketTokens;

  constructor(
    private readonly db: Database,
    client: MqttClient,
    private readonly service: HallService,
    private readonly logger: Logger,
    private readonly onRejected: (r: RejectedEvent) => void = () => undefined,
    shareGroup?: string,
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
      this.logger.warn('device event refused', { deviceId, seq: ev.seq, type, code });
      return r;
    };
    if (!parsed.ok) return reject('bad-schema', parsed.error);
    const e = parsed.event;
    if (!DEVICE_MADE.has(e.type)) return reject('not-device-event', `${e.type} is made by the center only`);
    if (e.type === 'TicketIssued' && e.issuerId !== deviceId) return reject('foreign-issuer', `ticket issued by ${e.issuerId} arrived from ${deviceId}`);
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

  rejected(limit = 100): (RejectedEvent & { at: number })[] {
    return (this.db.prepare('SELECT at, device_id AS deviceId, seq, event_type AS eventType, code, message FROM rejected_events ORDER BY n DESC LIMIT ?').all(limit) as (RejectedEvent & { at: number })[]);
  }
}
