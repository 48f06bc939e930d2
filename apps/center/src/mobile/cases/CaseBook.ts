// Application cases (办件) for progress look-up, by receipt code or the applicant's ID card. In a
// real hall they come from the approval system; here they are stored as the kiosk and phone see them.
import type { Database } from 'better-sqlite3';
import { ApplicationCaseSchema, type ApplicationCase } from '@hallkit/core';
import type { IdHasher } from '../identity/idNumber.ts';
import { isValidIdNumber } from '../identity/idNumber.ts';
import { fail } from '../access/MobileError.ts';
import { feedHashColumn, feedIdHash } from './feed/CaseFeedIntake.ts';

export interface MailingRequest {
  recipient: string;
  recipientPhone: string;
  address: string;
}

export class CaseBook {
  constructor(
    private readonly db: Database,
    private readonly ids: IdHasher,
    /** The case feed's shared ID-hash key: cases from the platform are matched by its HMAC. */
    private readonly feedKey?: string,
  ) {}

  /** Store a case of the applicant with this ID number (kept as the keyed hash; the case shows it masked). */
  put(c: ApplicationCase, applicantIdNumber: string): void {
    const valid = ApplicationCaseSchema.parse({ ...c, applicantMasked: this.ids.mask(applicantIdNumber) });
    this.db.prepare('INSERT OR REPLACE INTO m_cases (receipt_code, id_hash, body) VALUES (?, ?, ?)').run(valid.receiptCode, this.ids.hash(applicantIdNumber), JSON.stringify(valid));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM m_cases').get() as { n: number }).n;
  }

  byReceiptCode(code: string): ApplicationCase[] {
    const row = this.db.prepare('SELECT body FROM m_cases WHERE receipt_code = ?').get(code.trim().toUpperCase()) as { body: string } | undefined;
    return row ? this.parse([row]) : [];
  }

  byIdNumber(idNumber: string): ApplicationCase[] {
    if (!isValidIdNumber(idNumber)) return [];
    const hashes = [...this.ids.candidates(idNumber), ...(this.feedKey ? [feedHashColumn(feedIdHash(this.feedKey, idNumber))] : [])];
    const rows = this.db.prepare(`SELECT body FROM m_cases WHERE id_hash IN (${hashes.map(() => '?').join(', ')})`).all(...hashes) as { body: string }[];
    return this.parse(rows).sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt));
  }

  /**
   * A phone's look-up: the receipt code (sequential, guessable) and the last four characters of the
   * applicant's ID number, which the citizen has and a stranger walking the codes does not. A wrong
   * pair and an unknown code give the same empty answer.
   */
  byReceiptForHolder(code: string, idLast4: string): ApplicationCase[] {
    const last4 = idLast4.trim().toUpperCase();
    if (!/^[0-9]{3}[0-9X]$/.test(last4)) return [];
    return this.byReceiptCode(code).filter((c) => c.applicantMasked.toUpperCase().endsWith(last4));
  }

  /** 证照寄送: the citizen leaves an address for a case that allows mailing (once; the platform collects it). */
  requestMailing(receiptCode: string, idLast4: string, phone: string, req: MailingRequest, now: number): ApplicationCase {
    const c = this.byReceiptForHolder(receiptCode, idLast4)[0];
    if (!c) fail('case-not-found');
    if (!c.mailing?.allowed) fail('mailing-not-offered');
    if (c.mailing.requested || c.delivery?.trackingNo) fail('mailing-already-requested');
    this.db
      .prepare('INSERT INTO m_case_mailing (receipt_code, phone, recipient, recipient_phone, address, requested_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.receiptCode, phone, req.recipient, req.recipientPhone, req.address, now);
    return this.byReceiptCode(receiptCode)[0] ?? c;
  }

  /** Requests the platform has not collected yet (it acknowledges them by case number). */
  pendingMailing(): { caseNo: string; recipient: string; phone: string; address: string; requestedAt: string }[] {
    const rows = this.db.prepare('SELECT receipt_code, recipient, recipient_phone, address, requested_at FROM m_case_mailing WHERE collected_at IS NULL ORDER BY requested_at').all() as {
      receipt_code: string;
      recipient: string;
      recipient_phone: string;
      address: string;
      requested_at: number;
    }[];
    return rows.map((r) => ({ caseNo: r.receipt_code, recipient: r.recipient, phone: r.recipient_phone, address: r.address, requestedAt: new Date(r.requested_at).toISOString() }));
  }

  collectedMailing(caseNos: string[], now: number): number {
    const st = this.db.prepare('UPDATE m_case_mailing SET collected_at = ? WHERE receipt_code = ? AND collected_at IS NULL');
    return this.db.transaction(() => caseNos.reduce((n, c) => n + st.run(now, c.toUpperCase()).changes, 0))();
  }

  private parse(rows: { body: string }[]): ApplicationCase[] {
    const asked = this.db.prepare('SELECT 1 FROM m_case_mailing WHERE receipt_code = ?');
    return rows.flatMap((r) => {
      const p = ApplicationCaseSchema.safeParse(JSON.parse(r.body));
      if (!p.success) return [];
      const c = p.data;
      // A request left on the phone shows at once, before the platform's next update says so.
      if (c.mailing && !c.mailing.requested && asked.get(c.receiptCode)) return [{ ...c, mailing: { ...c.mailing, requested: true } }];
      return [c];
    });
  }
}
