// The reference HTTP/JSON transport (docs/haochaping-feed.md): POST <endpoint>/records, one record
// per request as JSON, `Authorization: Bearer <token>`, `Idempotency-Key: <recordId>`. The receiver
// answers 200/201 `{ ok, duplicate?, receipt? }` when it holds the record (a repeat is 200 with
// duplicate: true), 400/422 `{ error }` when the record is wrong, 401/403 for bad credentials.
import { z } from 'zod';
import type { DeliveryResult, ProvinceAdapter } from './ProvinceAdapter.ts';
import type { ProvinceRecord } from './ProvinceRecord.ts';

export const ReceiverAnswerSchema = z.object({ ok: z.boolean(), duplicate: z.boolean().optional(), receipt: z.string().optional(), error: z.string().optional() });

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
    let res: Response;
    try {
      res = await fetch(`${this.endpoint.replace(/\/$/, '')}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${this.token}`, 'idempotency-key': record.recordId },
        body: JSON.stringify(record),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return { ok: false, kind: 'retry', error: `no answer from the receiver: ${err.cause?.code ?? err.name}: ${err.cause ? String((err.cause as Error).message ?? '') : err.message}`.trim() };
    }
    const text = await res.text().catch(() => '');
    if (res.status === 401 || res.status === 403) return { ok: false, kind: 'settings', error: `HTTP ${res.status}: the receiver refused the hall's credentials ${text.slice(0, 200)}`.trim() };
    if (res.status === 429 || res.status >= 500) return { ok: false, kind: 'retry', error: `HTTP ${res.status} ${text.slice(0, 200)}`.trim() };
    let answer: z.infer<typeof ReceiverAnswerSchema> | undefined;
    try {
      const parsed = ReceiverAnswerSchema.safeParse(JSON.parse(text));
      answer = parsed.success ? parsed.data : undefined;
    } catch {
      answer = undefined;
    }
    if (res.status === 400 || res.status === 422) return { ok: false, kind: 'refused', error: `HTTP ${res.status}: ${answer?.error ?? text.slice(0, 300)}` };
    if ((res.status === 200 || res.status === 201) && answer?.ok) return { ok: true, duplicate: answer.duplicate === true, receipt: answer.receipt };
    if (res.status === 404) return { ok: false, kind: 'settings', error: `HTTP 404: no receiver at ${this.endpoint}/records (check the endpoint)` };
    // An answer outside the contract: the record may or may not be held — sending again is safe (idempotent).
    return { ok: false, kind: 'retry', error: `HTTP ${res.status}: an answer outside the contract: ${text.slice(0, 200)}` };
  }
}
