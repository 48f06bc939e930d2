// A local stand-in for a province's 好差评 receiver speaking the reference HTTP/JSON contract
// (HttpJsonAdapter): checks the token, the idempotency key and every record against the schema,
// keeps ONE copy per record id and counts the repeats — so tests can prove exactly-once delivery
// through outages, lost answers and center restarts. The demo prints what it receives.
import { randomUUID } from 'node:crypto';
import { jsonReply, StandInServer, type StandInOutage, type StandInReply, type StandInRequest } from '../../../standin/StandInServer.ts';
import { BatchRequestSchema } from '../HttpJsonAdapter.ts';
import { ProvinceRecordSchema, type ProvinceRecord } from '../ProvinceRecord.ts';

export interface ReceivedRecord {
  record: ProvinceRecord;
  receipt: string;
  at: number;
}

export class ProvinceReceiverStandIn {
  /** One entry per record id, in the order first received. */
  readonly records = new Map<string, ReceivedRecord>();
  /** Requests for a record it already held (answered `duplicate: true`). */
  duplicates = 0;
  /** Refused requests (bad token, key or record). */
  refusals = 0;
  /** Accept the next N requests' records but drop the connection before answering (the answer is lost). */
  loseAnswers = 0;
  /** Records in requests whose answers were lost: each comes again once, as a duplicate. */
  lostRecords = 0;
  /** Batch requests (POST /records/batch) and the most records one carried. */
  batches = 0;
  largestBatch = 0;
  /** Refuse records this says are wrong (HTTP 422), like a province rejecting an unknown 事项 code. */
  judge: ((r: ProvinceRecord) => string | undefined) | undefined;
  private readonly server = new StandInServer((r) => this.handle(r), '省好差评系统维护中');

  constructor(
    private readonly token: string,
    private readonly onRecord?: (r: ProvinceRecord) => void,
  ) {}

  get outage(): StandInOutage {
    return this.server.outage;
  }

  set outage(o: StandInOutage) {
    this.server.outage = o;
  }

  get requests(): number {
    return this.server.requests;
  }

  /** Resolves with the endpoint (records go to <endpoint>/records). */
  async listen(port = 0): Promise<string> {
    return `${(await this.server.listen(port)).origin}/hcp/v1`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: StandInRequest): StandInReply {
    const batch = req.url.pathname === '/hcp/v1/records/batch';
    if (req.url.pathname !== '/hcp/v1/records' && !batch) return jsonReply(404, { ok: false, error: 'no such path' });
    if (req.method !== 'POST') return jsonReply(405, { ok: false, error: 'POST only' });
    const refuse = (status: number, error: string) => {
      this.refusals += 1;
      return jsonReply(status, { ok: false, error });
    };
    if (req.headers.authorization !== `Bearer ${this.token}`) return refuse(401, 'bad token');
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body.toString('utf8'));
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    if (batch) return this.batch(parsed, refuse);
    const r = ProvinceRecordSchema.safeParse(parsed);
    if (!r.success) return refuse(422, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const record = r.data;
    if (req.headers['idempotency-key'] !== record.recordId) return refuse(400, 'Idempotency-Key must equal recordId');
    const got = this.take(record);
    if (!got.ok) return refuse(422, got.error);
    return got.duplicate ? jsonReply(200, { ok: true, duplicate: true, receipt: got.receipt }) : this.answer(jsonReply(201, { ok: true, receipt: got.receipt }), 1);
  }

  /** Each record of a batch on its own: some taken, some refused, repeats answered as such. */
  private batch(parsed: unknown, refuse: (status: number, error: string) => StandInReply): StandInReply {
    const b = BatchRequestSchema.safeParse(parsed);
    if (!b.success) return refuse(400, `not a batch: ${b.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.batches += 1;
    this.largestBatch = Math.max(this.largestBatch, b.data.records.length);
    let taken = false;
    const results = b.data.records.map((raw) => {
      const r = ProvinceRecordSchema.safeParse(raw);
      const recordId = typeof raw === 'object' && raw !== null && 'recordId' in raw ? String((raw as { recordId: unknown }).recordId) : '';
      if (!r.success) {
        this.refusals += 1;
        return { recordId, ok: false, error: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      }
      const got = this.take(r.data);
      if (!got.ok) {
        this.refusals += 1;
        return { recordId, ok: false, error: got.error };
      }
      taken ||= !got.duplicate;
      return { recordId, ok: true, ...(got.duplicate ? { duplicate: true } : {}), receipt: got.receipt };
    });
    const reply = jsonReply(200, { ok: true, results });
    return taken ? this.answer(reply, results.length) : reply;
  }

  /** Keeps the first copy of a record (its id the idempotency key), unless the judge refuses it. */
  private take(record: ProvinceRecord): { ok: true; duplicate: boolean; receipt: string } | { ok: false; error: string } {
    const held = this.records.get(record.recordId);
    if (held) {
      this.duplicates += 1;
      return { ok: true, duplicate: true, receipt: held.receipt };
    }
    const wrong = this.judge?.(record);
    if (wrong) return { ok: false, error: wrong };
    const receipt = `HCP${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
    this.records.set(record.recordId, { record, receipt, at: Date.now() });
    this.onRecord?.(record);
    return { ok: true, duplicate: false, receipt };
  }

  /** The answer to a request that took something new — unless it is to be lost (loseAnswers). */
  private answer(reply: StandInReply, records: number): StandInReply {
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      this.lostRecords += records;
      return { status: 200, drop: true };
    }
    return reply;
  }
}
