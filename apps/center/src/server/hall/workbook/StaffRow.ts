// A row of the workbook's 人员 sheet, checked: what the accounts part creates or updates accounts from.
export type StaffRole = 'staff' | 'supervisor' | 'service-desk' | 'admin' | 'auditor';

export interface StaffRow {
  staffNo: string;
  name: string;
  /** Window ids (of the imported definition) this person may log in at. */
  windowIds: string[];
  roles: StaffRole[];
  /** 常用窗口: the window the console opens by default (an id of the imported definition). */
  homeWindowId?: string;
  /** 管理区域: the zones a supervisor runs (zone ids). */
  zoneIds?: string[];
  /** Excel row, for messages. */
  row: number;
}
