// A report as an Excel workbook (exceljs): the breakdown with a total row, the figures per day,
// week or month, and the satisfaction by level and channel — headings in the report's language (the
// console's; Chinese as ever for zh-CN), durations in minutes, rates as percentages, so the
// director's office can open, sort and print it.
import ExcelJS from 'exceljs';
import { EVALUATION_CHANNELS, EVALUATION_LEVELS, TICKET_SOURCES } from '@hallkit/core';
import type { Report, ReportRow } from './ReportQuery.ts';
import type { AlarmFigures } from './AlarmFigures.ts';
import { reportWords, type ReportWords } from './reportWords.ts';

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

type Column = { header: string; width: number; value: (r: ReportRow) => string | number | null; fmt?: string };

function columns(w: ReportWords): Column[] {
  const c = w.col;
  return [
    { header: c.name, width: 22, value: (r) => r.label },
    { header: c.issued, width: 8, value: (r) => r.issued },
    ...TICKET_SOURCES.map((s) => ({ header: w.sources[s], width: 9, value: (r: ReportRow) => r.bySource[s] ?? 0 })),
    { header: c.served, width: 8, value: (r) => r.served },
    { header: c.noShow, width: 7, value: (r) => r.noShow },
    { header: c.noShowRate, width: 8, value: (r) => r.noShowRate, fmt: '0.0%' },
    { header: c.endedAtClose, width: 9, value: (r) => r.endedAtClose },
    { header: c.avgWait, width: 11, value: (r) => minutes(r.avgWaitSeconds), fmt: '0.0' },
    { header: c.p90Wait, width: 11, value: (r) => minutes(r.p90WaitSeconds), fmt: '0.0' },
    { header: c.avgHandle, width: 11, value: (r) => minutes(r.avgHandleSeconds), fmt: '0.0' },
    { header: c.p90Handle, width: 11, value: (r) => minutes(r.p90HandleSeconds), fmt: '0.0' },
    { header: c.transfers, width: 7, value: (r) => r.transfers },
    { header: c.rated, width: 8, value: (r) => r.rated },
    ...EVALUATION_LEVELS.map((l) => ({ header: w.levels[l], width: 9, value: (r: ReportRow) => r.levels[l] })),
    { header: c.satisfaction, width: 8, value: (r) => r.satisfactionRate, fmt: '0.0%' },
    { header: c.lapsed, width: 8, value: (r) => r.lapsed },
    { header: c.bad, width: 7, value: (r) => r.bad },
    // 申诉成立: 差评 taken out of 评价数, 满意率 and 差评 on appeal, counted here so the director sees them.
    { header: c.appealUpheld, width: 9, value: (r) => r.appealUpheld },
    { header: c.followedUp, width: 9, value: (r) => r.followUps.byState.closed },
    { header: c.onTime, width: 9, value: (r) => r.followUps.closedOnTime },
    { header: c.overdue, width: 7, value: (r) => r.followUps.closedLate + r.followUps.openOverdue },
  ];
}

function sheet(wb: ExcelJS.Workbook, cols: Column[], name: string, title: string, rows: ReportRow[], total: ReportRow | undefined): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.columns = cols.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, cols.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: 'SimSun', size: 14, bold: true };
  const head = ws.getRow(2);
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'SimSun', bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 30;
  const add = (r: ReportRow, bold: boolean) => {
    const row = ws.addRow(cols.map((c) => c.value(r)));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: 'SimSun', bold };
      if (c.fmt) cell.numFmt = c.fmt;
    });
  };
  for (const r of rows) add(r, false);
  if (total) add(total, true);
}

/** The workbook in the report's language (the console's); zh-CN is the director's office's Chinese workbook. */
export async function reportWorkbook(report: Report, hallName: string): Promise<Buffer> {
  const w = reportWords(report.lang);
  const cols = columns(w);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hallkit';
  wb.created = new Date();
  const range = w.range(report.from, report.to);
  sheet(wb, cols, w.bySheet(w.dims[report.dim]), w.reportTitle(hallName, range, w.dims[report.dim]), report.rows, report.total);
  sheet(wb, cols, w.bySheet(w.periods[report.period]), w.hallTitle(hallName, range, w.periods[report.period]), report.series, report.total);
  const ch = wb.addWorksheet(w.channelSheet);
  ch.columns = [{ width: 16 }, { width: 10 }, { width: 10 }, { width: 10 }];
  ch.addRow(w.channelHead).font = { name: 'SimSun', bold: true };
  for (const c of EVALUATION_CHANNELS) {
    const f = report.total.byChannel[c];
    if (!f) continue;
    const row = ch.addRow([w.channels[c], f.rated, f.satisfied, f.rated ? f.satisfied / f.rated : null]);
    row.getCell(4).numFmt = '0.0%';
  }
  alarmSheet(wb, report, w);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 告警: counts and durations (minutes) over the range, in all, by kind, by zone and by window. */
function alarmSheet(wb: ExcelJS.Workbook, report: Report, w: ReportWords): void {
  const a = report.alarms;
  const ws = wb.addWorksheet(w.alarmSheet);
  ws.columns = [{ width: 22 }, { width: 10 }, { width: 16 }, { width: 14 }, { width: 10 }];
  const head = w.alarmHead;
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  const line = (label: string, f: AlarmFigures) => ws.addRow([label, f.count, minutes(f.totalSeconds), minutes(f.longestSeconds), f.open]);
  const section = (title: string, rows: { label: string; figures: AlarmFigures }[]) => {
    ws.addRow([]);
    ws.addRow([title, ...head.slice(1)]).font = { name: 'SimSun', bold: true };
    for (const r of rows) line(r.label, r.figures);
  };
  ws.addRow([w.alarmTitle(report.from, report.to)]).font = { name: 'SimSun', bold: true, size: 13 };
  ws.addRow(head).font = { name: 'SimSun', bold: true };
  line(w.total, a.total).font = { bold: true };
  for (const k of a.byKind) line(k.label, k.figures);
  section(w.alarmsByZone, a.byZone);
  section(w.alarmsByWindow, a.byWindow);
}
