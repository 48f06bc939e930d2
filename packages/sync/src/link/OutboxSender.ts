// Sends the outbox while the link is up: in seq order, in batches, a bounded number of batches in
// flight, QoS 1; deletes rows only on the center's cumulative ack (not on PUBACK). Go-back-N: after a
// reconnect, a `gap` ack or no ack progress for ackTimeoutMs it resends from the oldest unacked row;
// the center ignores what it already has.
import type { MqttClient } from 'mqtt';
import type { DeviceStore } from '../store/DeviceStore.ts';
import type { Ack } from '../protocol/messages.ts';
import type { Counters, Logger } from '../Logger.ts';

export interface OutboxSenderOptions {
  store: DeviceStore;
  topic: string;
  hallId: string;
  deviceId: string;
  batchSize: number;
  maxBatchBytes: number;
  maxInflightBatches: number;
  ackTimeoutMs: number;
  logger: Logger;
  counters: Counters;
  onAcked: (upTo: number, deleted: number) => void;
}

export class OutboxSender {
  private client: MqttClient | undefined;
  private nextSeq = 1;
  private ackedUpTo = 0;
  private inflight: { first: number; last: number }[] = [];
  private lastProgressAt = Date.now();
  private lastRewindAt = 0;
  constructor(private readonly o: OutboxSenderOptions) {}

  /** The batch envelope up to the events, for the store's current incarnation. */
  private envelopeHead(): string {
    const inc = this.o.store.incarnation;
    return `{"v":1,"hallId":${JSON.stringify(this.o.hallId)},"deviceId":${JSON.stringify(this.o.deviceId)},"store":${JSON.stringify(inc.id)},"base":${inc.base},"events":[`;
  }

  get inflightBatches(): number {
    return this.inflight.length;
  }

  /**
   * A fresh connection: start over from the oldest unacked row. With nothing unacked, the last event
   * the center acked is sent once more as a probe: a center that has it re-acks it (a duplicate); one
   * restored from an older backup answers with a gap below it, and the kept events go again (onAck).
   */
  attach(client: MqttClient): void {
    this.client = client;
    const outbox = this.o.store.outbox;
    const last = outbox.lastSent();
    if (!outbox.oldestUnacked() && last > this.o.store.incarnation.base && outbox.requeueSent(last - 1, last) > 0) this.o.counters.inc('probe.sent');
    this.rewind();
  }

  detach(): void {
    this.client = undefined;
    this.inflight = [];
  }

  /** Publish as much as the window allows. Safe to call any time. */
  pump(): void {
    const client = this.client;
    if (!client || !client.connected || this.o.store.db.inTransaction) return;
    const head = this.envelopeHead();
    while (this.inflight.length < this.o.maxInflightBatches) {
      const rows = this.o.store.outbox.read(this.nextSeq, this.o.batchSize);
      if (rows.length === 0) return;
      // Rows hold their JSON already; the envelope is assembled as text so bodies are never re-parsed.
      const parts: string[] = [];
      let bytes = head.length;
      let last = 0;
      for (const r of rows) {
        const part = `{"seq":${r.seq},"id":${JSON.stringify(r.id)},"t":${r.t},"body":${r.json}}`;
        if (parts.length > 0 && bytes + part.length > this.o.maxBatchBytes) break;
        parts.push(part);
        bytes += part.length + 1;
        last = r.seq;
      }
      const first = rows[0]!.seq;
      if (this.inflight.length === 0) this.lastProgressAt = Date.now();
      this.inflight.push({ first, last });
      this.nextSeq = last + 1;
      this.o.counters.inc('batches.sent');
      client.publish(this.o.topic, `${head}${parts.join(',')}]}`, { qos: 1 }, (err) => {
        if (err) this.o.logger.debug('batch publish not acknowledged by broker', { first, error: err.message });
      });
    }
  }

  onAck(ack: Ack): void {
    if (ack.store !== undefined && ack.store !== this.o.store.incarnation.id) {
      // An answer to a batch sent before this store forked: the new incarnation gets its own acks.
      this.o.counters.inc('stale.ack');
      return;
    }
    if (ack.diverged) {
      this.o.counters.inc('store.forked');
      this.o.store.fork(ack.upTo);
      this.rewind();
      this.pump();
      return;
    }
    const lastSeq = this.o.store.outbox.lastSeq();
    if (ack.upTo > lastSeq) {
      // The center has a history for this deviceId that this database never wrote (a re-provisioned
      // device reusing an id). Deleting on such an ack would lose events: keep them and alarm.
      this.o.counters.inc('rejected.foreign.ack');
      this.o.logger.error('ack beyond the last seq ever written: this deviceId has another history at the center', { upTo: ack.upTo, lastSeq });
      return;
    }
    const oldest = this.o.store.outbox.oldestUnacked();
    // The center is behind what it acked before (its database was restored from a backup): send it
    // again what this device kept since — never below this incarnation's base.
    const floor = (oldest?.seq ?? lastSeq + 1) - 1;
    if (ack.gap && ack.upTo < floor) {
      const requeued = this.o.store.outbox.requeueSent(Math.max(ack.upTo, this.o.store.incarnation.base), floor);
      this.o.counters.inc('resend.center-behind');
      this.o.logger.warn('the center is missing events it acked before (restored from a backup?): sending them again', { centerUpTo: ack.upTo, requeued });
      this.ackedUpTo = ack.upTo;
      this.rewind();
      this.pump();
      return;
    }
    const deleted = oldest && ack.upTo >= oldest.seq ? this.o.store.outbox.ackUpTo(ack.upTo) : 0;
    if (ack.upTo > this.ackedUpTo) {
      this.ackedUpTo = ack.upTo;
      this.lastProgressAt = Date.now();
    }
    this.inflight = this.inflight.filter((b) => b.last > ack.upTo);
    if (this.nextSeq <= ack.upTo) this.nextSeq = ack.upTo + 1;
    if (deleted > 0) this.o.onAcked(ack.upTo, deleted);
    if (ack.gap && Date.now() - this.lastRewindAt > 1000) {
      this.o.counters.inc('resend.gap');
      this.rewind();
    }
    this.pump();
  }

  /** Called periodically: resend when acks stopped coming although batches are out. */
  checkProgress(now = Date.now()): void {
    if (this.inflight.length > 0 && now - this.lastProgressAt > this.o.ackTimeoutMs) {
      this.o.counters.inc('resend.timeout');
      this.o.logger.warn('no ack progress; resending from the oldest unacked event', { ackedUpTo: this.ackedUpTo });
      this.rewind();
      this.pump();
    }
  }

  private rewind(): void {
    const oldest = this.o.store.outbox.oldestUnacked();
    this.nextSeq = oldest ? oldest.seq : this.o.store.outbox.lastSeq() + 1;
    this.ackedUpTo = Math.max(this.ackedUpTo, this.nextSeq - 1);
    this.inflight = [];
    this.lastProgressAt = Date.now();
    this.lastRewindAt = Date.now();
  }
}
