import { z } from 'zod';

/**
 * An application case (办件) followed "like a parcel": received at the front desk, approved in the
 * back office, certificate issued or mailed (证照寄送). Looked up by receipt code or ID card.
 */
export const CaseStepSchema = z.object({
  name: z.string(),
  status: z.enum(['done', 'current', 'pending']),
  at: z.string().optional(),
  /** Who handled it (department or window), shown to the citizen. */
  by: z.string().optional(),
  note: z.string().optional(),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;

export const ApplicationCaseSchema = z.object({
  v: z.literal(1),
  receiptCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  applicantMasked: z.string(),
  acceptedAt: z.string(),
  /** Promised completion date (承诺办结时限). */
  dueDay: z.string().optional(),
  status: z.enum(['in-progress', 'completed', 'needs-supplement', 'rejected']),
  steps: z.array(CaseStepSchema).min(1),
  delivery: z.object({ method: z.enum(['pickup', 'mail']), trackingNo: z.string().optional(), carrier: z.string().optional() }).optional(),
  /**
   * 证照寄送: whether the citizen may still ask for the certificate to be mailed, and whether they have
   * (the address itself is never shown back). Absent: mailing is not offered for this case.
   */
  mailing: z.object({ allowed: z.boolean(), requested: z.boolean() }).optional(),
});
export type ApplicationCase = z.infer<typeof ApplicationCaseSchema>;
