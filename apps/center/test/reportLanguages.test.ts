// 报表 in the console's language: the rows (zones, categories, items, windows), the total and the
// alarms are named in 繁體 or English when the console is, from the hall file's translations and the
// console's own words (Window 5 / 5號窗口); staff names stay as they are. The workbook follows the same
// language; in zh-CN it is the Chinese workbook the director's office always had.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ReportLabels } from '../src/server/reports/ReportLabels.ts';
import { reportWorkbook } from '../src/server/reports/ReportWorkbook.ts';
import { config, generatedMonth } from './support/generatedMonth.ts';

const month = generatedMonth();
const labels = new ReportLabels(month.hall, (id) => (id === 'YT0501' ? '王晓燕' : undefined));
const CJK = /[\u3400-\u9fff]/;

async function sheets(lang: 'zh-CN' | 'en') {
  const report = month.query.report('2026-11-01', '2026-11-30', 'window', 'day', lang);
  const file = await reportWorkbook(report, lang === 'en' ? 'Yantai Government Service Center' : '烟台市政务服务中心');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  return { report, wb };
}

describe('report labels in the console language', () => {
  it('names a zone, category, item and window in 繁體 and English, with the Simplified name for zh-CN', () => {
    const w = config.windows.find((x) => x.number === 5)!;
    expect([labels.label('zone', 'zhzw', 'zh-CN'), labels.label('zone', 'zhzw', 'zh-TW'), labels.label('zone', 'zhzw', 'en')]).toEqual(['综合政务区', '綜合政務區', 'General Government Services']);
    expect([labels.label('window', w.id, 'zh-CN'), labels.label('window', w.id, 'zh-TW'), labels.label('window', w.id, 'en')]).toEqual(['5号窗口', '5號窗口', 'Window 5']);
    expect(labels.label('item', 'business-registration', 'en')).toBe('Business start-up registration');
    expect(labels.label('item', 'business-registration', 'zh-TW')).toBe('企業開辦（設立登記）');
    const general = config.catalog.categories.find((c) => c.id === 'general')!;
    expect(labels.label('category', 'general', 'zh-CN')).toBe(general.name);
    expect(labels.label('category', 'general', 'en')).toBe(general.i18n?.en);
    // Staff names as they are; tickets no window called and services without an item in the language too.
    expect(labels.label('staff', 'YT0501', 'en')).toBe('王晓燕 (YT0501)');
    expect(labels.label('staff', 'YT0501', 'zh-CN')).toBe('王晓燕（YT0501）');
    expect([labels.label('zone', '', 'en'), labels.label('item', '', 'en'), labels.label('item', '', 'zh-TW')]).toEqual(['(not called)', '(no item chosen)', '（未選事項）']);
    expect(labels.label('hall', '', 'en')).toBe(config.catalog.hall.i18n?.en);
  });

  it('a report in English names its rows and its total in English (繁體 likewise)', () => {
    for (const dim of ['zone', 'category', 'window', 'item'] as const) {
      const r = month.query.report('2026-11-01', '2026-11-30', dim, 'day', 'en');
      expect(r.lang).toBe('en');
      expect(r.total.label).toBe('Total');
      expect(r.rows.length).toBeGreaterThan(0);
      for (const row of r.rows) expect(row.label, `${dim} ${row.key}`).not.toMatch(CJK);
    }
    const tw = month.query.report('2026-11-01', '2026-11-30', 'window', 'day', 'zh-TW');
    expect(tw.total.label).toBe('合計');
    expect(tw.rows.map((r) => r.label)).toContain('5號窗口');
    // Without a language: Simplified, as before.
    expect(month.query.report('2026-11-01', '2026-11-30', 'window').total.label).toBe('合计');
  });

  it('exports the workbook in the report language; the Chinese workbook keeps its sheets and headings', async () => {
    const en = await sheets('en');
    expect(en.wb.worksheets.map((s) => s.name)).toEqual(['By window', 'By day', 'Rating channels', 'Alarms']);
    const ws = en.wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('Yantai Government Service Center hall report (2026-11-01 to 2026-11-30, by window)');
    const head = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    for (const h of head) expect(h).not.toMatch(CJK);
    expect(head.slice(0, 3)).toEqual(['Name', 'Tickets', 'On site']);
    expect(ws.getCell(3, 1).value).toBe(en.report.rows[0]?.label);
    expect(ws.getCell(3 + en.report.rows.length, 1).value).toBe('Total');

    const zh = await sheets('zh-CN');
    expect(zh.wb.worksheets.map((s) => s.name)).toEqual(['按窗口', '按日', '评价渠道', '告警']);
    const zs = zh.wb.worksheets[0]!;
    expect(String(zs.getCell(1, 1).value)).toBe('烟台市政务服务中心 运行报表（2026-11-01 至 2026-11-30，按窗口）');
    expect((zs.getRow(2).values as unknown[]).slice(1)).toEqual([
      '名称', '取号', '现场取号', '刷证取号', '预约', '线上取号', '办结', '过号', '过号率', '日终作废', '平均等候(分)', '90%等候(分)', '平均办理(分)', '90%办理(分)', '转办', '评价数',
      '非常满意', '满意', '基本满意', '不满意', '非常不满意', '满意率', '未评价', '差评', '申诉成立', '回访完成', '按期整改', '逾期',
    ]);
    expect(zs.getCell(3 + zh.report.rows.length, 1).value).toBe('合计');
    expect((zh.wb.getWorksheet('评价渠道')!.getRow(1).values as unknown[]).slice(1)).toEqual(['评价渠道', '评价数', '满意数', '满意率']);
  });
});
