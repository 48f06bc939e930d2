// The reference HTTP/JSON transport (docs/haochaping-feed.md): POST <endpoint>/records, one record
// per request as JSON, `Authorization: Bearer <token>`, `Idempotency-Key: <recordId>`. The receiver
// answers 200/201 `{ ok, duplicate?, receipt? }` when it holds the record (a repeat is 200 with
// duplicate: true), 400/422 `{ error }` when the record is wrong, 401/403 for bad credentials.
// Batched (`batchSize` > 1): POST <endpoint>/records/batch `{ v: 1, records }`, each record's
// `recordId` its idempotency key; 200 `{ ok: true, results: [{ recordId, ok, duplicate?, receipt?,
// error? }] }`, one result per record — some taken, some refused.
import { z } from 'zod';
import type { DeliveryResult, ProvinceAdapter } from './ProvinceAdapter.ts';
import type { ProvinceRecord } from './ProvinceRecord.ts';

export const ReceiverAnswerSchema = z.object({ ok: z.boolean(), duplicate: z.boolean().optional(), receipt: z.string().optional(), error: z.string().optional() });
export const BatchRequestSchema = z.object({ v: z.literal(1), records: z.array(z.unknown()).min(1).max(500) });
export const BatchAnswerSchema = z.object({ ok: z.literal(true), results: z.array(ReceiverAnswerSchema.extend({ recordId: z.string() })) });

type Fault = Extract<DeliveryResult, { ok: false }>;

export class HttpJsonAdapter implements ProvinceAdapter {
  readonly describe: string;

  constructor(
    private readonly endpoint: string,
    private readonly token: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.describe = `http-json → ${endpoint}`;
  }

  async deliver(record: ProvinceRecord): Promise<DeliveryResult> {
    const sent = await this.post('/records', record, { 'idempotency-key': record.recordId });
    if ('fault' in sent) return sent.fault;
    const { res, text } = sent;
    const answer = parseAnswer(ReceiverAnswerSchema, text);
    if (res.status === 400 || res.status === 422) return { ok: false, kind: 'refused', error: `HTTP ${res.status}: ${answer?.error ?? text.slice(0, 300)}` };
    if ((res.status === 200 || res.status === 201) && answer?.ok) return { ok: true, duplicate: answer.duplicate === true, receipt: answer.receipt };
    // An answer outside the contract: the record may or may not be held — sending again is safe (idempotent).
    return { ok: false, kind: 'retry', error: `HTTP ${res.status}: an answer outside the contract: ${text.slice(0, 200)}` };
  }

  async deliverBatch(records: ProvinceRecord[]): Promise<DeliveryResult[]> {
    const all = (r: DeliveryResult) => records.map(() => r);
    const sent = await this.post('/records/batch', { v: 1, records });
    if ('fault' in sent) return all(sent.fault);
    const { res, text } = sent;
    const answer = parseAnswer(BatchAnswerSchema, text);
    // The request as a whole was judged wrong: the hall's side of the contract, not one record.
    if (res.status === 400 || res.status === 422) return all({ ok: false, kind: 'settings', error: `HTTP ${res.status}: the receiver refused the batch: ${parseAnswer(ReceiverAnswerSchema, text)?.error ?? text.slice(0, 300)}` });
    if ((res.status !== 200 && res.status !== 201) || !answer) return all({ ok: false, kind: 'retry', error: `HTTP ${res.status}: an answer outside the contract: ${text.slice(0, 200)}` });
    const byId = new Map(answer.results.map((r) => [r.recordId, r]));
    return records.map((rec): DeliveryResult => {
      const r = byId.get(rec.recordId);
      // No word on this record: it may or may not be held — sent again (idempotent).
      if (!r) return { ok: false, kind: 'retry', error: `the receiver's answer did not mention ${rec.recordId}` };
      return r.ok ? { ok: true, duplicate: r.duplicate === true, receipt: r.receipt } : { ok: false, kind: 'refused', error: r.error ?? 'refused' };
    });
  }

  /** Sends one request; a transport fault or an answer about the hall's settings or the receiver's state is a fault. */
  private async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ res: Response; text: string } | { fault: Fault }> {
    let res: Response;
    try {
      res = await fetch(`${this.endpoint.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${this.token}`, ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return { fault: { ok: false, kind: 'retry', error: `no answer from the receiver: ${err.cause?.code ?? err.name}: ${err.cause ? String((err.cause as Error).message ?? '') : err.message}`.trim() } };
    }
    const text = await res.text().catch(() => '');
    if (res.status === 401 || res.status === 403) return { fault: { ok: false, kind: 'settings', error: `HTTP ${res.status}: the receiver refused the hall's credentials ${text.slice(0, 200)}`.trim() } };
    if (res.status === 429 || res.status >= 500) return { fault: { ok: false, kind: 'retry', error: `HTTP ${res.status} ${text.slice(0, 200)}`.trim() } };
    if (res.status === 404) return { fault: { ok: false, kind: 'settings', error: `HTTP 404: no receiver at ${this.endpoint}${path} (check the endpoint)` } };
    return { res, text };
  }
}

function parseAnswer<T extends z.ZodType>(schema: T, text: string): z.infer<T> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
