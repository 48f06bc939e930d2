// Application cases (办件) for progress look-up, by receipt code or the applicant's ID card. In a
// real hall they come from the approval system; here they are stored as the kiosk and phone see them.
import type { Database } from 'better-sqlite3';
import { ApplicationCaseSchema, type ApplicationCase } from '@hallkit/core';
import type { IdHasher } from '../identity/idNumber.ts';
import { isValidIdNumber } from '../identity/idNumber.ts';

export class CaseBook {
  constructor(
    private readonly db: Database,
    private readonly ids: IdHasher,
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
    const rows = this.db.prepare('SELECT body FROM m_cases WHERE id_hash = ?').all(this.ids.hash(idNumber)) as { body: string }[];
    return this.parse(rows).sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt));
  }

  private parse(rows: { body: string }[]): ApplicationCase[] {
    return rows.flatMap((r) => {
      const p = ApplicationCaseSchema.safeParse(JSON.parse(r.body));
      return p.success ? [p.data] : [];
    });
  }
}
