// The hall workbook as plain tables: sheet name → header row + data rows (row numbers as Excel shows
// them). Read from .xlsx or a folder of CSV files (one per sheet, named after it) with exceljs, and
// written back the same way. Cell values become text here; the sheets' meaning is in workbookToDefinition.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';

export interface SheetRow {
  /** The row number in the file (the header is row 1). */
  row: number;
  cells: Map<string, string>;
}

export interface Sheet {
  name: string;
  headers: string[];
  rows: SheetRow[];
}

export type WorkbookSheets = Map<string, Sheet>;

export class UnusableWorkbookError extends Error {}

/** Every sheet and column of the hall workbook, in order; `required` columns must be there. */
export const SHEET_COLUMNS: Record<string, { required: string[]; optional: string[] }> = {
  大厅: { required: ['项目', '值'], optional: [] },
  功能区: {
    required: ['编码', '名称', '楼层位置'],
    optional: ['名称(繁體)', '名称(English)', '楼层位置(繁體)', '楼层位置(English)'],
  },
  业务类别: {
    required: ['前缀', '名称', '功能区编码', '办理时间'],
    optional: ['平均办理分钟', '每日限额', '线上取号限额', '节假日办理', '名称(繁體)', '名称(English)'],
  },
  事项: {
    required: ['事项编码', '事项名称', '实施部门', '业务类别前缀'],
    // The province's codes, for the 好差评 feed (taskCode, deptCode).
    optional: ['名称(繁體)', '名称(English)', '实施部门(繁體)', '实施部门(English)', '实施清单编码', '部门编码'],
  },
  窗口: {
    required: ['窗口号', '功能区编码', '业务类别前缀', '叫号规则'],
    optional: ['标签', '标签(繁體)', '标签(English)'],
  },
  人员: { required: ['工号', '姓名', '可登录窗口', '角色'], optional: ['常用窗口', '管理区域'] },
  节假日: { required: ['日期', '类型'], optional: [] },
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

function sheetFrom(ws: ExcelJS.Worksheet, name: string): Sheet {
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value)));
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = new Map<string, string>();
    headers.forEach((h, i) => h && cells.set(h, cellText(r.getCell(i + 1).value)));
    if ([...cells.values()].some((v) => v !== '')) rows.push({ row: n, cells });
  });
  return { name, headers: headers.filter((h) => h !== undefined), rows };
}

/** Read a .xlsx workbook or a folder of `<sheet>.csv` files. Throws UnusableWorkbookError when it cannot be read at all. */
export async function readWorkbook(path: string): Promise<WorkbookSheets> {
  if (!existsSync(path)) throw new UnusableWorkbookError(`找不到文件：${path}`);
  const sheets: WorkbookSheets = new Map();
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path).filter((f) => extname(f).toLowerCase() === '.csv');
    if (files.length === 0) throw new UnusableWorkbookError(`文件夹 ${path} 里没有 CSV 文件`);
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      const name = basename(f, extname(f));
      try {
        const ws = await wb.csv.readFile(join(path, f), { parserOptions: { encoding: 'utf8' } } as never);
        sheets.set(name, sheetFrom(ws, name));
      } catch (e) {
        throw new UnusableWorkbookError(`无法读取 ${f}：${(e as Error).message}`);
      }
    }
    return sheets;
  }
  return readWorkbookBuffer(await import('node:fs/promises').then((fs) => fs.readFile(path)));
}

export async function readWorkbookBuffer(data: Buffer | Uint8Array): Promise<WorkbookSheets> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnusableWorkbookError(`不是可读的 Excel 工作簿（.xlsx）：${(e as Error).message}`);
  }
  const sheets: WorkbookSheets = new Map();
  wb.eachSheet((ws) => sheets.set(ws.name.trim(), sheetFrom(ws, ws.name.trim())));
  return sheets;
}

function toWorkbook(sheets: WorkbookSheets): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets.values()) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.headers).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.headers.map((h) => r.cells.get(h) ?? ''));
    ws.columns.forEach(
      (c, i) =>
        (c.width = Math.min(
          60,
          Math.max(
            10,
            ...s.rows.slice(0, 200).map((r) => (r.cells.get(s.headers[i] ?? '') ?? '').length * 2),
          ),
        )),
    );
    // Everything is text: a 工号 like 0501 or a date must not be turned into a number by Excel.
    ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  }
  return wb;
}

export async function writeWorkbookBuffer(sheets: WorkbookSheets): Promise<Buffer> {
  return Buffer.from(await toWorkbook(sheets).xlsx.writeBuffer());
}

/** `.xlsx` file, or a folder of CSV files (created if needed). */
export async function writeWorkbook(path: string, sheets: WorkbookSheets): Promise<void> {
  if (extname(path).toLowerCase() === '.xlsx') {
    await toWorkbook(sheets).xlsx.writeFile(path);
    return;
  }
  mkdirSync(path, { recursive: true });
  for (const s of sheets.values()) {
    const wb = toWorkbook(new Map([[s.name, s]]));
    const ws = wb.getWorksheet(s.name);
    if (ws) await wb.csv.writeFile(join(path, `${s.name}.csv`), { sheetName: s.name } as never);
  }
}
