// The feed's records as files for provinces that take files: JSON Lines (the records as sent), CSV
// (one row per record, the record's field names as the header, UTF-8 with a BOM so Excel reads the
// Chinese) and an Excel workbook (exceljs: one sheet per kind of record, Chinese headings over the
// field names). The columns are the record's fields in the order docs/haochaping-feed.md lists them.
import ExcelJS from 'exceljs';
import type { ProvinceRecord, ProvinceRecordKind } from './ProvinceRecord.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface Column {
  field: string;
  zh: string;
  width: number;
}

const c = (field: string, zh: string, width = 14): Column => ({ field, zh, width });
const COMMON: Column[] = [c('recordId', '记录编号', 34), c('projectNo', '办件编号', 30), c('areaCode', '辖区编码'), c('hallCode', '机构编码'), c('hallName', '机构名称', 20)];

/** The columns of each kind of record (every field of the schema, in the docs' order). */
export const EXPORT_COLUMNS: Record<ProvinceRecordKind, Column[]> = {
  evaluation: [
    ...COMMON,
    c('taskCode', '事项编码', 24), c('taskName', '事项名称', 22), c('proDepart', '实施部门', 20), c('deptCode', '部门编码', 20), c('windowNo', '窗口', 6),
    c('operateUserGuid', '工作人员编号'), c('operateUserName', '工作人员', 10),
    c('userPageType', '证件类型', 8), c('certKeyMasked', '证件号码(脱敏)', 20), c('mobileMasked', '手机号(脱敏)'),
    c('pf', '评价渠道', 8), c('evalNum', '评价等级', 8), c('levelNumbering', '等级编号方式', 10), c('evaLevel', '满意度', 10), c('badReview', '差评', 6),
    c('evaCode', '评价内容编码', 16), c('evaContent', '评价内容', 24), c('writingEvaluation', '文字评价', 30), c('assessTime', '评价时间', 26), c('assessNumber', '评价次数', 8), c('evaluationId', '评价编号', 36),
  ],
  'not-rated': [...COMMON, c('lapsedAt', '超时未评时间', 26), c('by', '记录方', 8)],
  'follow-up': [...COMMON, c('caseId', '跟进编号', 36), c('evaluationId', '评价编号', 36), c('step', '环节', 10), c('stepTime', '时间', 26), c('stepBy', '经办人', 14), c('deadline', '整改期限', 12), c('rectification', '整改反馈', 30), c('answer', '答复/回访结果', 30)],
  appeal: [...COMMON, c('caseId', '跟进编号', 36), c('evaluationId', '评价编号', 36), c('step', '环节', 10), c('stepTime', '时间', 26), c('stepBy', '经办人', 14), c('reason', '申诉理由', 30), c('upheld', '申诉成立', 8), c('effectivEvalua', '有效评价', 8), c('note', '复核意见', 30)],
};

export const SHEET_NAME: Record<ProvinceRecordKind, string> = { evaluation: '评价', 'not-rated': '超时未评', 'follow-up': '差评跟进', appeal: '申诉' };

function cell(r: ProvinceRecord, field: string): string | number {
  const v = (r as unknown as Record<string, unknown>)[field];
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'number' ? v : String(v);
}

/** Every column any kind has, `kind` first: one CSV holds all three kinds. */
const CSV_FIELDS: string[] = ['kind', ...new Set(Object.values(EXPORT_COLUMNS).flatMap((cols) => cols.map((x) => x.field)))];

const quote = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function recordsCsv(records: Iterable<ProvinceRecord>): Buffer {
  const lines = [CSV_FIELDS.join(',')];
  for (const r of records) lines.push(CSV_FIELDS.map((f) => quote(f === 'kind' ? r.kind : cell(r, f))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function recordsWorkbook(records: Iterable<ProvinceRecord>, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hallkit';
  const sheets = new Map<ProvinceRecordKind, ExcelJS.Worksheet>();
  for (const kind of Object.keys(EXPORT_COLUMNS) as ProvinceRecordKind[]) {
    const cols = EXPORT_COLUMNS[kind];
    const ws = wb.addWorksheet(SHEET_NAME[kind], { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = cols.map((x) => ({ width: x.width }));
    ws.mergeCells(1, 1, 1, cols.length);
    ws.getCell(1, 1).value = `${title} · ${SHEET_NAME[kind]}`;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    // Chinese headings for people, the field names under them for a province's import.
    ws.addRow(cols.map((x) => x.zh)).font = { bold: true };
    ws.addRow(cols.map((x) => x.field)).font = { color: { argb: 'FF666666' }, size: 9 };
    sheets.set(kind, ws);
  }
  for (const r of records) {
    const row = EXPORT_COLUMNS[r.kind].map((x) => {
      const v = cell(r, x.field);
      return x.field === 'badReview' || x.field === 'upheld' || x.field === 'effectivEvalua' ? (v === 'true' ? '是' : v === 'false' ? '否' : '') : v;
    });
    sheets.get(r.kind)?.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
