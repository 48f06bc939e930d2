// A local stand-in for a province's 好差评 receiver speaking the reference HTTP/JSON contract
// (HttpJsonAdapter): checks the token, the idempotency key and every record against the schema,
// keeps ONE copy per record id and counts the repeats — so tests can prove exactly-once delivery
// through outages, lost answers and center restarts. The demo prints what it receives.
import { randomUUID } from 'node:crypto';
import { jsonReply, StandInServer, type StandInOutage, type StandInReply, type StandInRequest } from '../../../standin/StandInServer.ts';
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
  /** Accept the next N records but drop the connection before answering (the answer is lost). */
  loseAnswers = 0;
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
    if (req.url.pathname !== '/hcp/v1/records') return jsonReply(404, { ok: false, error: 'no such path' });
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
    const r = ProvinceRecordSchema.safeParse(parsed);
    if (!r.success) return refuse(422, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const record = r.data;
    if (req.headers['idempotency-key'] !== record.recordId) return refuse(400, 'Idempotency-Key must equal recordId');
    const held = this.records.get(record.recordId);
    if (held) {
      this.duplicates += 1;
      return jsonReply(200, { ok: true, duplicate: true, receipt: held.receipt });
    }
    const wrong = this.judge?.(record);
    if (wrong) return refuse(422, wrong);
    const receipt = `HCP${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
    this.records.set(record.recordId, { record, receipt, at: Date.now() });
    this.onRecord?.(record);
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      return { status: 200, drop: true };
    }
    return jsonReply(201, { ok: true, receipt });
  }
}
