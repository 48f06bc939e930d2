// Delivers the outbox to the province, oldest first, one service's records in order (a record waits
// while an earlier one of the same service is not delivered), one by one or in batches of records of
// different services (a receiver may take some of a batch and refuse others: settled per record). A passing fault pauses the whole feed
// with a doubling pause (the receiver is down for everyone); a refused record is parked for the
// admin; a record whose answer never came (the center stopped, the connection dropped) stays pending
// and is sent again — safe, because the receiver keeps one copy per idempotency key. Refusals and
// faults go to the audit log; each record's delivery time and receipt stay in its row.
import type { Database } from 'better-sqlite3';
import type { Logger } from '@hallkit/sync';
import { RoundPump } from '../outbox/RoundPump.ts';
import type { DeliveryResult, ProvinceAdapter } from './ProvinceAdapter.ts';
import { ProvinceRecordSchema, type ProvinceRecordKind } from './ProvinceRecord.ts';

export interface FeedAudit {
  record(actor: string, action: string, target?: string, detail?: unknown): void;
}

export interface FeedPace {
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often the pump looks for due records (it is also kicked on every new one). */
  pollMs: number;
  /** Requests in flight at once. */
  parallel: number;
  /** Records per request (of different services), when the adapter takes batches; 1: one by one. */
  batchSize: number;
}

export type FeedStatus = 'pending' | 'delivered' | 'failed';

interface Row {
  id: number;
  record_id: string;
  subject: string;
  kind: ProvinceRecordKind;
  day: string;
  body: string;
  status: FeedStatus;
  attempts: number;
  created_at: number;
  delivered_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
}

export interface FeedEntry {
  recordId: string;
  kind: ProvinceRecordKind;
  day: string;
  status: FeedStatus;
  attempts: number;
  error: string | null;
  errorAt: number | null;
}

export interface FeedSummary {
  transport: string;
  counts: Record<FeedStatus, number>;
  /** The oldest record not yet delivered (ms), if any. */
  oldestWaitingSince: number | null;
  lastSuccessAt: number | null;
  lastError: { at: number; message: string; kind: string } | null;
  /** The feed is paused until then after a fault (ms), if it is. */
  pausedUntil: number | null;
  failed: FeedEntry[];
}

const ACTOR = 'province-feed';
const DUE = `SELECT * FROM province_outbox o WHERE o.status = 'pending' AND NOT EXISTS (SELECT 1 FROM province_outbox e WHERE e.subject = o.subject AND e.id < o.id AND e.status != 'delivered') ORDER BY o.id LIMIT ?`;

export class ProvinceOutbox {
  private readonly pumpLoop: RoundPump;
  private pausedUntil = 0;
  private faults = 0;
  private lastError: FeedSummary['lastError'] = null;
  private lastSuccessAt: number | null = null;

  constructor(
    private readonly db: Database,
    readonly adapter: ProvinceAdapter | undefined,
    private readonly audit: FeedAudit,
    private readonly logger: Logger,
    private readonly now: () => number,
    readonly pace: FeedPace,
  ) {
    this.lastSuccessAt = (db.prepare("SELECT max(delivered_at) AS t FROM province_outbox WHERE status = 'delivered'").get() as { t: number | null }).t;
    this.pumpLoop = new RoundPump({ pollMs: pace.pollMs, round: () => this.round(), mayRepeat: () => this.now() >= this.pausedUntil, logger, failure: '好差评 feed round failed' });
  }

  start(): void {
    if (this.adapter) this.pumpLoop.start();
  }

  stop(): Promise<void> {
    return this.pumpLoop.stop();
  }

  kick(): void {
    if (this.adapter) this.pumpLoop.kick();
  }

  /** Delivers what is due; resolves with how many records were delivered. One round at a time. */
  pump(): Promise<number> {
    return this.pumpLoop.pump();
  }

  private async round(): Promise<number> {
    const adapter = this.adapter;
    if (!adapter) return 0;
    const batch = adapter.deliverBatch ? Math.max(1, this.pace.batchSize) : 1;
    const wave = this.pace.parallel * batch;
    let delivered = 0;
    for (;;) {
      if (this.now() < this.pausedUntil) return delivered;
      const due = this.db.prepare(DUE).all(Math.max(200, 2 * wave)) as Row[];
      if (due.length === 0) return delivered;
      // A wave of requests at once, never two records of one service in it (their order matters):
      // the due rows are each service's oldest, so a later one waits for the next wave.
      for (let i = 0; i < due.length; ) {
        const rows: Row[] = [];
        const subjects = new Set<string>();
        while (i < due.length && rows.length < wave && !subjects.has(due[i]!.subject)) {
          subjects.add(due[i]!.subject);
          rows.push(due[i]!);
          i += 1;
        }
        if (rows.length === 0) break;
        const requests: Row[][] = [];
        for (let k = 0; k < rows.length; k += batch) requests.push(rows.slice(k, k + batch));
        const answers = await Promise.all(requests.map((req) => this.send(adapter, req)));
        const r = this.settle(adapter, rows, answers.flat());
        delivered += r.delivered;
        if (r.paused) return delivered;
        // A refusal holds back the rest of its service: pick the due rows again.
        if (r.refused) break;
      }
    }
  }

  /** One request: a single record, or a batch when the adapter takes them; one result per row. */
  private async send(adapter: ProvinceAdapter, rows: Row[]): Promise<DeliveryResult[]> {
    const records = rows.map((row) => ProvinceRecordSchema.parse(JSON.parse(row.body)));
    const thrown = (e: Error): DeliveryResult[] => rows.map(() => ({ ok: false, kind: 'retry', error: e.message }));
    if (rows.length > 1 && adapter.deliverBatch) {
      const results = await adapter.deliverBatch(records).catch(thrown);
      // A result list of another length says nothing reliable about any record: all are sent again.
      return results.length === rows.length ? results : thrown(new Error(`the adapter answered ${results.length} results for ${rows.length} records`));
    }
    return [await adapter.deliver(records[0]!).catch((e: Error): DeliveryResult => ({ ok: false, kind: 'retry', error: e.message }))];
  }

  private settle(adapter: ProvinceAdapter, rows: Row[], results: DeliveryResult[]): { delivered: number; refused: boolean; paused: boolean } {
    const t = this.now();
    let delivered = 0;
    let refused = false;
    let fault: Extract<DeliveryResult, { ok: false }> | undefined;
    this.db.transaction(() => {
      rows.forEach((row, k) => {
        const res = results[k]!;
        if (res.ok) {
          this.db.prepare("UPDATE province_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, duplicate = ?, receipt = ? WHERE id = ?").run(t, res.duplicate ? 1 : 0, res.receipt ?? null, row.id);
          delivered += 1;
        } else if (res.kind === 'refused') {
          this.db.prepare("UPDATE province_outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, last_error_at = ? WHERE id = ?").run(res.error, t, row.id);
          this.audit.record(ACTOR, 'province.refused', row.record_id, { kind: row.kind, error: res.error });
          this.logger.warn('好差评 record refused by the province: it waits for the admin', { recordId: row.record_id, error: res.error });
          this.lastError = { at: t, message: res.error, kind: res.kind };
          refused = true;
        } else {
          this.db.prepare('UPDATE province_outbox SET attempts = attempts + 1, last_error = ?, last_error_at = ? WHERE id = ?').run(res.error, t, row.id);
          fault ??= res;
        }
      });
    })();
    if (delivered > 0) {
      this.faults = 0;
      this.lastSuccessAt = t;
    }
    if (!fault) return { delivered, refused, paused: false };
    const f: Extract<DeliveryResult, { ok: false }> = fault;
    this.lastError = { at: t, message: f.error, kind: f.kind };
    this.faults += 1;
    const pause = Math.min(this.pace.retryMaxMs, this.pace.retryBaseMs * 2 ** Math.min(30, this.faults - 1));
    this.pausedUntil = t + pause;
    if (this.faults === 1 || f.kind === 'settings') this.audit.record(ACTOR, f.kind === 'settings' ? 'province.settings-fault' : 'province.unreachable', adapter.describe, { error: f.error });
    if (f.kind === 'settings') this.logger.error("好差评 receiver refused the hall's settings: the feed waits until they are fixed", { error: f.error, retryInS: Math.round(pause / 1000), transport: adapter.describe });
    else this.logger.warn('好差评 receiver not reachable; the feed retries', { error: f.error, retryInS: Math.round(pause / 1000), transport: adapter.describe });
    return { delivered, refused, paused: true };
  }

  /** Sends the parked (refused) records again, e.g. after the province fixed its code tables. */
  retryFailed(by: string): number {
    const n = this.db.prepare("UPDATE province_outbox SET status = 'pending' WHERE status = 'failed'").run().changes;
    if (n > 0) this.audit.record(by, 'province.retry-failed', 'province-feed', { records: n });
    this.pausedUntil = 0;
    this.kick();
    return n;
  }

  summary(): FeedSummary {
    const counts: Record<FeedStatus, number> = { pending: 0, delivered: 0, failed: 0 };
    for (const r of this.db.prepare('SELECT status, count(*) AS n FROM province_outbox GROUP BY status').all() as { status: FeedStatus; n: number }[]) counts[r.status] = r.n;
    const oldest = this.db.prepare("SELECT min(created_at) AS t FROM province_outbox WHERE status != 'delivered'").get() as { t: number | null };
    const failed = this.db.prepare("SELECT * FROM province_outbox WHERE status = 'failed' ORDER BY id LIMIT 50").all() as Row[];
    const lastError = this.lastError ?? ((r) => (r?.last_error_at ? { at: r.last_error_at, message: r.last_error ?? '', kind: 'retry' } : null))(this.db.prepare('SELECT last_error, last_error_at FROM province_outbox WHERE last_error_at IS NOT NULL ORDER BY last_error_at DESC LIMIT 1').get() as Row | undefined);
    return {
      transport: this.adapter?.describe ?? 'file (the hall uploads exported files by hand)',
      counts,
      oldestWaitingSince: oldest.t,
      lastSuccessAt: this.lastSuccessAt,
      lastError,
      pausedUntil: this.pausedUntil > this.now() ? this.pausedUntil : null,
      failed: failed.map((r) => ({ recordId: r.record_id, kind: r.kind, day: r.day, status: r.status, attempts: r.attempts, error: r.last_error, errorAt: r.last_error_at })),
    };
  }

  /** The records of hall-days `from`…`to` in log order, as the province's file format (JSON Lines). */
  *exportLines(from: string, to: string): Generator<string> {
    const rows = this.db.prepare('SELECT body FROM province_outbox WHERE day >= ? AND day <= ? ORDER BY id').iterate(from, to) as IterableIterator<{ body: string }>;
    for (const r of rows) yield r.body;
  }
}

/** The records still waiting (a hall that uploads by hand), and the last row they reach. */
export function pendingLines(db: Database): { lines: string[]; through: number } {
  const rows = db.prepare("SELECT id, body FROM province_outbox WHERE status = 'pending' ORDER BY id").all() as { id: number; body: string }[];
  return { lines: rows.map((r) => r.body), through: rows.at(-1)?.id ?? 0 };
}

/** The admin uploaded an exported file: its records (up to row `through`) count as delivered. */
export function markUploaded(db: Database, through: number, at: number): number {
  return db.prepare("UPDATE province_outbox SET status = 'delivered', delivered_at = ?, receipt = 'file' WHERE status = 'pending' AND id <= ?").run(at, through).changes;
}
