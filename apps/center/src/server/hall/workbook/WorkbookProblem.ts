import type { DefinitionCode, TextParams } from '@hallkit/core';

/**
 * One problem of an imported workbook, where the admin finds it in Excel. `message` is Chinese (the
 * preview's and `hall check`'s contract); `code` + `params` let the console say it in its language.
 */
export interface WorkbookProblem {
  sheet: string;
  /** Excel row number (1 = the header row); 0 = the sheet as a whole. */
  row: number;
  column: string;
  code?: DefinitionCode;
  params?: TextParams;
  message: string;
  severity: 'error' | 'warning';
}
