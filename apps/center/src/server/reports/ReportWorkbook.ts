// A report as an Excel workbook (exceljs): the breakdown with a total row, the figures per day,
// week or month, and the satisfaction by level and channel — Chinese headings, durations in
// minutes, rates as percentages, so the director's office can open, sort and print it.
import ExcelJS from 'exceljs';
import { EVALUATION_CHANNELS, EVALUATION_LEVELS, LEVEL_LABEL_ZH, type EvaluationChannel } from '@hallkit/core';
import type { Report, ReportRow } from './ReportQuery.ts';
import type { AlarmFigures } from './AlarmFigures.ts';

export const DIMENSION_LABEL_ZH = { hall: '全厅', zone: '区域', category: '业务类别', window: '窗口', staff: '工作人员', item: '事项' } as const;
export const PERIOD_LABEL_ZH = { day: '日', week: '周', month: '月' } as const;
export const CHANNEL_LABEL_ZH: Record<EvaluationChannel, string> = {
  web: 'PC端',
  mobile: '移动端',
  'hall-pad': '大厅评价器',
  'qr-code': '二维码',
  'hall-terminal': '大厅其他终端',
  hotline: '热线',
  sms: '短信',
};
export const SOURCE_LABEL_ZH = { 'on-site': '现场取号', 'id-card': '刷证取号', appointment: '预约', remote: '线上取号' } as const;

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

const COLUMNS: { header: string; width: number; value: (r: ReportRow) => string | number | null; fmt?: string }[] = [
  { header: '名称', width: 22, value: (r) => r.label },
  { header: '取号', width: 8, value: (r) => r.issued },
  ...(Object.entries(SOURCE_LABEL_ZH) as [keyof typeof SOURCE_LABEL_ZH, string][]).map(([s, label]) => ({ header: label, width: 9, value: (r: ReportRow) => r.bySource[s] ?? 0 })),
  { header: '办结', width: 8, value: (r) => r.served },
  { header: '过号', width: 7, value: (r) => r.noShow },
  { header: '过号率', width: 8, value: (r) => r.noShowRate, fmt: '0.0%' },
  { header: '日终作废', width: 9, value: (r) => r.endedAtClose },
  { header: '平均等候(分)', width: 11, value: (r) => minutes(r.avgWaitSeconds), fmt: '0.0' },
  { header: '90%等候(分)', width: 11, value: (r) => minutes(r.p90WaitSeconds), fmt: '0.0' },
  { header: '平均办理(分)', width: 11, value: (r) => minutes(r.avgHandleSeconds), fmt: '0.0' },
  { header: '90%办理(分)', width: 11, value: (r) => minutes(r.p90HandleSeconds), fmt: '0.0' },
  { header: '转办', width: 7, value: (r) => r.transfers },
  { header: '评价数', width: 8, value: (r) => r.rated },
  ...EVALUATION_LEVELS.map((l) => ({ header: LEVEL_LABEL_ZH[l], width: 9, value: (r: ReportRow) => r.levels[l] })),
  { header: '满意率', width: 8, value: (r) => r.satisfactionRate, fmt: '0.0%' },
  { header: '未评价', width: 8, value: (r) => r.lapsed },
  { header: '差评', width: 7, value: (r) => r.bad },
  // 申诉成立: 差评 taken out of 评价数, 满意率 and 差评 on appeal, counted here so the director sees them.
  { header: '申诉成立', width: 9, value: (r) => r.appealUpheld },
  { header: '回访完成', width: 9, value: (r) => r.followUps.byState.closed },
  { header: '按期整改', width: 9, value: (r) => r.followUps.closedOnTime },
  { header: '逾期', width: 7, value: (r) => r.followUps.closedLate + r.followUps.openOverdue },
];

function sheet(wb: ExcelJS.Workbook, name: string, title: string, rows: ReportRow[], total: ReportRow | undefined): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: 'SimSun', size: 14, bold: true };
  const head = ws.getRow(2);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'SimSun', bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 30;
  const add = (r: ReportRow, bold: boolean) => {
    const row = ws.addRow(COLUMNS.map((c) => c.value(r)));
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: 'SimSun', bold };
      if (c.fmt) cell.numFmt = c.fmt;
    });
  };
  for (const r of rows) add(r, false);
  if (total) add(total, true);
}

export async function reportWorkbook(report: Report, hallName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hallkit';
  wb.created = new Date();
  const range = report.from === report.to ? report.from : `${report.from} 至 ${report.to}`;
  sheet(wb, `按${DIMENSION_LABEL_ZH[report.dim]}`, `${hallName} 运行报表（${range}，按${DIMENSION_LABEL_ZH[report.dim]}）`, report.rows, report.total);
  sheet(wb, `按${PERIOD_LABEL_ZH[report.period]}`, `${hallName} 全厅（${range}，按${PERIOD_LABEL_ZH[report.period]}）`, report.series, report.total);
  const ch = wb.addWorksheet('评价渠道');
  ch.columns = [{ width: 16 }, { width: 10 }, { width: 10 }, { width: 10 }];
  ch.addRow(['评价渠道', '评价数', '满意数', '满意率']).font = { name: 'SimSun', bold: true };
  for (const c of EVALUATION_CHANNELS) {
    const f = report.total.byChannel[c];
    if (!f) continue;
    const row = ch.addRow([CHANNEL_LABEL_ZH[c], f.rated, f.satisfied, f.rated ? f.satisfied / f.rated : null]);
    row.getCell(4).numFmt = '0.0%';
  }
  alarmSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 告警: counts and durations (minutes) over the range, in all, by kind, by zone and by window. */
function alarmSheet(wb: ExcelJS.Workbook, report: Report): void {
  const a = report.alarms;
  const ws = wb.addWorksheet('告警');
  ws.columns = [{ width: 22 }, { width: 10 }, { width: 16 }, { width: 14 }, { width: 10 }];
  const head = ['告警', '次数', '累计时长（分钟）', '最长（分钟）', '未解除'];
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  const line = (label: string, f: AlarmFigures) => ws.addRow([label, f.count, minutes(f.totalSeconds), minutes(f.longestSeconds), f.open]);
  const section = (title: string, rows: { label: string; figures: AlarmFigures }[]) => {
    ws.addRow([]);
    ws.addRow([title, ...head.slice(1)]).font = { name: 'SimSun', bold: true };
    for (const r of rows) line(r.label, r.figures);
  };
  ws.addRow([`${report.from} 至 ${report.to} 告警`]).font = { name: 'SimSun', bold: true, size: 13 };
  ws.addRow(head).font = { name: 'SimSun', bold: true };
  line('合计', a.total).font = { bold: true };
  for (const k of a.byKind) line(k.label, k.figures);
  section('按区域', a.byZone);
  section('按窗口', a.byWindow);
}
