// A row of the workbook's 人员 sheet, checked: what the accounts part creates or updates accounts from.
export type StaffRole = 'staff' | 'supervisor' | 'service-desk' | 'admin' | 'auditor';

export interface StaffRow {
  staffNo: string;
  name: string;
  /** Window ids (of the imported definition) this person may log in at. */
  windowIds: string[];
  roles: StaffRole[];
  /** Excel row, for messages. */
  row: number;
}
