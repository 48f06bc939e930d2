// Center side of the outbox: apply each device store's events once, in seq order, in the same
// transaction that advances that store's high-water mark; ack only after that commit.
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import type { z } from 'zod';
import { OutboxBatchSchema, type Ack, type OutboxBatch, type OutboxEvent } from '../protocol/messages.ts';
import { topics } from '../protocol/topics.ts';
import { CenterChannel } from './CenterChannel.ts';
import { IngestStores, LEGACY_STORE } from './IngestStores.ts';
import { consoleLogger, Counters, type Logger } from '../Logger.ts';

export type IngestedEvent = OutboxEvent;

export interface OutboxIngestOptions {
  client: MqttClient;
  hallId: string;
  /** The center's own database; the ingest keeps its marks (IngestStores) in it. */
  db: Database;
  /** Runs inside the ingest transaction; throw to refuse the batch (nothing is committed or acked). */
  apply: (db: Database, deviceId: string, events: readonly IngestedEvent[]) => void;
  /** Optional schema every event body must satisfy before apply runs. */
  eventSchema?: z.ZodType;
  /** Subscribe as `$share/<group>/…` so several center processes split the work. */
  shareGroup?: string;
  logger?: Logger;
  /** How long committed event ids are kept (default 8 days: the device's 7 days of acked events and a day's slack). */
  seenRetentionMs?: number;
  /** How often they are pruned while running (default hourly; also once at start). */
  pruneEveryMs?: number;
}

export const DEFAULT_SEEN_RETENTION_MS = 8 * 86_400_000;

export interface IngestResult {
  ack: Ack;
  applied: number;
  duplicates: number;
}

export class OutboxIngest extends EventEmitter<{ applied: [deviceId: string, upTo: number, count: number]; 'new-store': [deviceId: string, store: string, base: number] }> {
  readonly counters = new Counters();
  private readonly logger: Logger;
  private readonly channel: CenterChannel<typeof OutboxBatchSchema>;

  readonly stores: IngestStores;

  constructor(private readonly o: OutboxIngestOptions) {
    super();
    this.logger = o.logger ?? consoleLogger('[sync:ingest]');
    this.stores = new IngestStores(o.db);
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

  private pruneTimer: NodeJS.Timeout | undefined;

  start(): Promise<void> {
    this.pruneSeen();
    this.pruneTimer ??= setInterval(() => this.pruneSeen(), this.o.pruneEveryMs ?? 3_600_000);
    this.pruneTimer.unref();
    return this.channel.start();
  }

  stop(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = undefined;
    return this.channel.stop();
  }

  /** Forget committed event ids past their retention (kept: each store's id at its mark). */
  pruneSeen(now = Date.now()): number {
    try {
      const n = this.stores.prune(now - (this.o.seenRetentionMs ?? DEFAULT_SEEN_RETENTION_MS));
      if (n > 0) this.logger.info('pruned committed event ids', { count: n });
      return n;
    } catch (e) {
      // A busy or full database: try again at the next tick; de-duplication does not depend on it.
      this.logger.warn('pruning committed event ids failed', { error: String(e) });
      return 0;
    }
  }

  /** Highest seq committed for a device's store incarnation (0 if none; no store: the legacy one). */
  highWaterMark(deviceId: string, store: string = LEGACY_STORE): number {
    return this.stores.mark(deviceId, store)?.seq ?? 0;
  }

  /**
   * Commit what continues the high-water mark of the batch's (device, store), in one transaction with
   * the app's apply. A seq at or below the mark is a resend only if it carries the event id committed
   * under it; otherwise the store forked (restored from a backup) and the device is told so.
   * Public so the center can also feed batches from another transport (and for tests).
   */
  ingest(batch: OutboxBatch): IngestResult {
    const { deviceId } = batch;
    const store = batch.store ?? LEGACY_STORE;
    return this.o.db
      .transaction((): IngestResult => {
        const now = Date.now();
        const { mark, fresh: newStore } = this.stores.open(deviceId, store, batch.base ?? 0, now);
        if (newStore) {
          this.counters.inc('stores.new');
          this.logger.warn('device began a new store history (replaced or restored file): taking its events as new', { deviceId, store, base: mark.base });
          this.emit('new-store', deviceId, store, mark.base);
        }
        const hwm = mark.seq;
        const fresh: IngestedEvent[] = [];
        let duplicates = 0;
        let gap = false;
        let divergedAt: number | undefined;
        for (const ev of batch.events) {
          if (ev.seq <= hwm) {
            const committed = ev.seq > mark.base ? this.stores.seen(deviceId, store, ev.seq) : ev.id;
            if (committed !== undefined && committed !== ev.id) {
              divergedAt = ev.seq;
              break;
            }
            duplicates++;
          } else if (ev.seq === hwm + fresh.length + 1) fresh.push(ev);
          else {
            gap = true; // out of order: keep only the contiguous prefix, the device will resend
            break;
          }
        }
        const base = { v: 1 as const, hallId: batch.hallId, deviceId, ...(batch.store !== undefined ? { store } : {}) };
        if (divergedAt !== undefined) {
          this.counters.inc('stores.diverged');
          this.logger.warn('device store history differs from what was committed (restored file): the device will fork it', { deviceId, store, seq: divergedAt });
          return { ack: { ...base, upTo: divergedAt - 1, diverged: true }, applied: 0, duplicates };
        }
        if (fresh.length > 0) {
          if (this.o.eventSchema) {
            for (const ev of fresh) {
              const r = this.o.eventSchema.safeParse(ev.body);
              if (!r.success) throw new IngestRefusedError(`event seq ${ev.seq} (${ev.id}) does not match the event schema`);
            }
          }
          this.o.apply(this.o.db, deviceId, fresh);
          for (const ev of fresh) this.stores.remember(deviceId, store, ev.seq, ev.id, now);
          this.stores.advance(deviceId, store, hwm + fresh.length, now);
        }
        const upTo = hwm + fresh.length;
        const ack: Ack = { ...base, upTo, ...(gap ? { gap: true } : {}) };
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
