// Center side of the outbox: apply each device's events once, in seq order, in the same transaction
// that advances the device's high-water mark; ack only after that commit.
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import type { z } from 'zod';
import { OutboxBatchSchema, type Ack, type OutboxBatch, type OutboxEvent } from '../protocol/messages.ts';
import { topics } from '../protocol/topics.ts';
import { CenterChannel } from './CenterChannel.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';

export type IngestedEvent = OutboxEvent;

export interface OutboxIngestOptions {
  client: MqttClient;
  hallId: string;
  /** The center's own database; the ingest keeps `sync_ingest_hwm` in it. */
  db: Database;
  /** Runs inside the ingest transaction; throw to refuse the batch (nothing is committed or acked). */
  apply: (db: Database, deviceId: string, events: readonly IngestedEvent[]) => void;
  /** Optional schema every event body must satisfy before apply runs. */
  eventSchema?: z.ZodType;
  /** Subscribe as `$share/<group>/…` so several center processes split the work. */
  shareGroup?: string;
  logger?: Logger;
}

export interface IngestResult {
  ack: Ack;
  applied: number;
  duplicates: number;
}

export class OutboxIngest extends EventEmitter<{ applied: [deviceId: string, upTo: number, count: number] }> {
  readonly counters = new Counters();
  private readonly logger: Logger;
  private readonly channel: CenterChannel<typeof OutboxBatchSchema>;

  constructor(private readonly o: OutboxIngestOptions) {
    super();
    this.logger = o.logger ?? consoleLogger('[sync:ingest]');
    o.db.exec(`CREATE TABLE IF NOT EXISTS sync_ingest_hwm (
      device_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_at INTEGER NOT NULL)`);
    this.channel = new CenterChannel({
      client: o.client,
      hallId: o.hallId,
      channel: 'outbox',
      schema: OutboxBatchSchema,
      shareGroup: o.shareGroup,
      logger: this.logger,
      counters: this.counters,
      onMessage: (_deviceId, batch) => this.receive(batch),
    });
  }

  start(): Promise<void> {
    return this.channel.start();
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }

  /** Highest seq committed for a device (0 if none). */
  highWaterMark(deviceId: string): number {
    const r = this.o.db.prepare('SELECT seq FROM sync_ingest_hwm WHERE device_id = ?').get(deviceId) as { seq: number } | undefined;
    return r?.seq ?? 0;
  }

  /**
   * Commit what continues the device's high-water mark, in one transaction with the app's apply.
   * Public so the center can also feed batches from another transport (and for tests).
   */
  ingest(batch: OutboxBatch): IngestResult {
    const { deviceId } = batch;
    return this.o.db
      .transaction((): IngestResult => {
        const hwm = this.highWaterMark(deviceId);
        const fresh: IngestedEvent[] = [];
        let duplicates = 0;
        let gap = false;
        for (const ev of batch.events) {
          if (ev.seq <= hwm) duplicates++;
          else if (ev.seq === hwm + fresh.length + 1) fresh.push(ev);
          else {
            gap = true; // out of order: keep only the contiguous prefix, the device will resend
            break;
          }
        }
        if (fresh.length > 0) {
          if (this.o.eventSchema) {
            for (const ev of fresh) {
              const r = this.o.eventSchema.safeParse(ev.body);
              if (!r.success) throw new IngestRefusedError(`event seq ${ev.seq} (${ev.id}) does not match the event schema`);
            }
          }
          this.o.apply(this.o.db, deviceId, fresh);
          const upTo = hwm + fresh.length;
          this.o.db
            .prepare('INSERT INTO sync_ingest_hwm (device_id, seq, updated_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at')
            .run(deviceId, upTo, Date.now());
        }
        const upTo = hwm + fresh.length;
        const ack: Ack = { v: 1, hallId: batch.hallId, deviceId, upTo, ...(gap ? { gap: true } : {}) };
        return { ack, applied: fresh.length, duplicates };
      })
      .immediate();
  }

  private receive(batch: OutboxBatch): void {
    let r: IngestResult;
    try {
      r = this.ingest(batch);
    } catch (e) {
      // Not committed, not acked: the events stay on the device until the center can apply them.
      this.counters.inc('rejected.apply-failed.outbox');
      this.logger.error('batch not applied; device will resend', {
        deviceId: batch.deviceId,
        firstSeq: batch.events[0]?.seq,
        error: (e as Error).message,
      });
      return;
    }
    if (r.duplicates > 0) this.counters.inc('duplicates', r.duplicates);
    if (r.ack.gap) this.counters.inc('gaps');
    if (r.applied > 0) {
      this.counters.inc('applied', r.applied);
      this.emit('applied', batch.deviceId, r.ack.upTo, r.applied);
    }
    this.o.client.publish(topics.device(this.o.hallId, batch.deviceId, 'ack'), JSON.stringify(r.ack), { qos: 1 }, (err) => {
      if (err) this.logger.warn('ack not sent (device will resend and get it again)', { deviceId: batch.deviceId, error: err.message });
    });
  }
}

export class IngestRefusedError extends Error {}
