// The demo's cases as the platform sends them (the contract's records), from the Yantai seed cases
// in ../../demoCases.ts: applicants identified by the shared-key HMAC only.
import { demoCases } from '../../demoCases.ts';
import { feedIdHash } from '../CaseFeedIntake.ts';
import type { CaseFeedRecord } from '../CaseFeedRecord.ts';
import { maskIdNumber } from '@hallkit/core';
import { normaliseIdNumber } from '../../../identity/idNumber.ts';

export function demoPlatformCases(idHashKey: string, now = Date.now()): CaseFeedRecord[] {
  return demoCases(now).map(({ case: c, idNumber }) => ({
    caseNo: c.receiptCode,
    applicantIdHash: feedIdHash(idHashKey, idNumber),
    applicantMasked: maskIdNumber(normaliseIdNumber(idNumber)),
    item: c.itemName,
    department: c.department,
    acceptedAt: c.acceptedAt,
    ...(c.dueDay ? { dueDay: c.dueDay } : {}),
    status: c.status,
    steps: c.steps.map((s) => ({ name: s.name, state: s.status, ...(s.at ? { at: s.at } : {}), ...(s.by ? { by: s.by } : {}), ...(s.note ? { note: s.note } : {}) })),
    // Certificates still to be collected may be mailed instead (证照寄送); a mailed one has its tracking number.
    ...(c.delivery?.method === 'mail'
      ? { mailing: { allowed: true, requested: true, carrier: 'EMS', ...(c.delivery.trackingNo ? { trackingNo: c.delivery.trackingNo } : {}) } }
      : c.status !== 'rejected'
        ? { mailing: { allowed: true, requested: false } }
        : {}),
    updatedAt: new Date(now).toISOString(),
  }));
}
