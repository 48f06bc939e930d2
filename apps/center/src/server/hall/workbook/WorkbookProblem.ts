/** One problem of an imported workbook, where the admin finds it in Excel, in Chinese. */
export interface WorkbookProblem {
  sheet: string;
  /** Excel row number (1 = the header row); 0 = the sheet as a whole. */
  row: number;
  column: string;
  message: string;
  severity: 'error' | 'warning';
}
