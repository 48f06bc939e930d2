// Storing what the platform sends: a whole batch or nothing (a malformed record refuses the batch
// before anything is written), an older version of a case never replaces a newer one, and the case
// is at the kiosk and on the phone as soon as the transaction commits.
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ApplicationCase } from '@hallkit/core';
import type { Logger } from '@hallkit/sync';
import { normaliseIdNumber } from '../../identity/idNumber.ts';
import type { CaseFeedBatch, CaseFeedRecord } from './CaseFeedRecord.ts';

/** The contract's applicantIdHash of an ID number (what the platform computes with the same key). */
export function feedIdHash(idHashKey: string, idNumber: string): string {
  return createHmac('sha256', idHashKey).update(normaliseIdNumber(idNumber)).digest('hex');
}

/** How the case book stores a feed hash beside the center's own keyed hashes. */
export const feedHashColumn = (hex: string) => `feed:${hex}`;

export function toApplicationCase(r: CaseFeedRecord): ApplicationCase {
  const m = r.mailing;
  const delivery = m?.trackingNo ? { method: 'mail' as const, trackingNo: m.trackingNo, ...(m.carrier ? { carrier: m.carrier } : {}) } : m?.requested ? { method: 'mail' as const } : undefined;
  return {
    v: 1,
    receiptCode: r.caseNo.toUpperCase(),
    itemName: r.item,
    department: r.department,
    applicantMasked: r.applicantMasked,
    acceptedAt: r.acceptedAt,
    ...(r.dueDay ? { dueDay: r.dueDay } : {}),
    status: r.status,
    steps: r.steps.map((s) => ({ name: s.name, status: s.state, ...(s.at ? { at: s.at } : {}), ...(s.by ? { by: s.by } : {}), ...(s.note ? { note: s.note } : {}) })),
    ...(delivery ? { delivery } : {}),
    ...(m ? { mailing: { allowed: m.allowed, requested: m.requested } } : {}),
  };
}

export class CaseFeedIntake {
  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly onChange: () => void = () => undefined,
  ) {}

  accept(batch: CaseFeedBatch, via: 'push' | 'pull'): { stored: number; unchanged: number } {
    let stored = 0;
    let unchanged = 0;
    this.db.transaction(() => {
      for (const r of batch.cases) {
        const code = r.caseNo.toUpperCase();
        const prev = this.db.prepare('SELECT updated_at FROM m_case_feed WHERE receipt_code = ?').get(code) as { updated_at: string } | undefined;
        if (prev && Date.parse(prev.updated_at) >= Date.parse(r.updatedAt)) {
          unchanged += 1;
          continue;
        }
        this.db.prepare('INSERT OR REPLACE INTO m_cases (receipt_code, id_hash, body) VALUES (?, ?, ?)').run(code, feedHashColumn(r.applicantIdHash), JSON.stringify(toApplicationCase(r)));
        this.db.prepare('INSERT OR REPLACE INTO m_case_feed (receipt_code, updated_at, received_at, via) VALUES (?, ?, ?, ?)').run(code, r.updatedAt, this.now(), via);
        stored += 1;
      }
    })();
    if (stored > 0) {
      this.logger.info('cases from the platform', { via, stored, unchanged });
      this.onChange();
    }
    return { stored, unchanged };
  }
}
