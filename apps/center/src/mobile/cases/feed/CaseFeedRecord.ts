// The case-progress contract between the 政务服务平台 and the center (docs/operations.md §11). The
// platform pushes batches to POST /api/m/feed/cases or serves them at a URL the center polls; both
// carry the same JSON. The applicant is identified only by an HMAC of the ID number under a key the
// hall shares with the platform; the center never receives an ID number from the feed.
import { z } from 'zod';

const Iso = z.string().datetime({ offset: true, message: 'an ISO 8601 time with offset, e.g. 2026-03-11T09:30:00+08:00' });

export const CaseFeedStepSchema = z.object({
  name: z.string().trim().min(1).max(40),
  state: z.enum(['done', 'current', 'pending']),
  at: Iso.optional(),
  /** Department or window that handled the step. */
  by: z.string().trim().max(60).optional(),
  note: z.string().trim().max(200).optional(),
});

export const CaseFeedRecordSchema = z.object({
  /** 办件编号, printed on the receipt (受理回执) — what the citizen types or scans. */
  caseNo: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, '4–40 letters, digits or -'),
  /** HMAC-SHA256 (hex) of the upper-case 18-character ID number under the shared idHashKey. */
  applicantIdHash: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits (HMAC-SHA256)'),
  /** As shown to the citizen, e.g. 3706**********123X. */
  applicantMasked: z.string().regex(/^[0-9]{4}\*{10}[0-9]{3}[0-9X]$/, 'the ID number masked as 3706**********123X'),
  item: z.string().trim().min(1).max(80),
  department: z.string().trim().min(1).max(60),
  acceptedAt: Iso,
  /** 承诺办结日 (YYYY-MM-DD). */
  dueDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  status: z.enum(['in-progress', 'completed', 'needs-supplement', 'rejected']),
  steps: z.array(CaseFeedStepSchema).min(1).max(20),
  /** 证照寄送. `allowed`: the citizen may ask for it; `trackingNo` once handed to the carrier. */
  mailing: z
    .object({ allowed: z.boolean(), requested: z.boolean().default(false), carrier: z.string().trim().max(20).optional(), trackingNo: z.string().trim().regex(/^[A-Za-z0-9]{6,30}$/).optional() })
    .optional(),
  /** When the platform last changed this case: an older record never replaces a newer one. */
  updatedAt: Iso,
});
export type CaseFeedRecord = z.infer<typeof CaseFeedRecordSchema>;

export const CaseFeedBatchSchema = z.object({
  v: z.literal(1),
  cases: z.array(CaseFeedRecordSchema).max(1000),
});
export type CaseFeedBatch = z.infer<typeof CaseFeedBatchSchema>;

/** Every problem of a refused batch, with where it is (e.g. `cases.3.steps.0.state: …`). */
export function feedIssues(e: z.ZodError): string[] {
  return e.issues.slice(0, 50).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}
