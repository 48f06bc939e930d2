// The hall definition written as the hall workbook (what `hall export` and the console's 导出 give):
// the same sheets and columns the importer reads, so export → import changes nothing.
import { formatCallingRule, formatOpeningHours, formatWindowNumbers, type HallDefinition } from '@hallkit/core';
import { SHEET_COLUMNS, type Sheet, type WorkbookSheets } from './WorkbookSheets.ts';
import type { StaffRow } from './StaffRow.ts';

function sheet(name: string, rows: Record<string, string | number | undefined>[]): Sheet {
  const spec = SHEET_COLUMNS[name] ?? { required: [], optional: [] };
  const headers = [...spec.required, ...spec.optional];
  return {
    name,
    headers,
    rows: rows.map((r, i) => ({
      row: i + 2,
      cells: new Map(headers.map((h) => [h, r[h] === undefined ? '' : String(r[h])])),
    })),
  };
}

export function definitionToSheets(def: HallDefinition, staff: readonly StaffRow[] = []): WorkbookSheets {
  const c = def.catalog;
  const prefixOf = new Map(c.categories.map((x) => [x.id, x.prefix]));
  const numberOf = new Map(def.windows.map((w) => [w.id, w.number]));
  const sheets: Sheet[] = [
    sheet('大厅', [
      { 项目: '编码', 值: c.hall.id },
      { 项目: '名称', 值: c.hall.name },
      { 项目: '地址', 值: c.hall.address },
      { 项目: '时区', 值: c.hall.timeZone },
      { 项目: '公网地址', 值: c.hall.publicUrl },
      { 项目: '区划代码', 值: c.hall.regionCode },
      { 项目: '名称(繁體)', 值: c.hall.i18n?.['zh-TW'] },
      { 项目: '名称(English)', 值: c.hall.i18n?.en },
    ]),
    sheet(
      '功能区',
      c.zones.map((z) => ({
        编码: z.id,
        名称: z.name,
        楼层位置: z.location,
        '名称(繁體)': z.i18n?.['zh-TW'],
        '名称(English)': z.i18n?.en,
        '楼层位置(繁體)': z.locationI18n?.['zh-TW'],
        '楼层位置(English)': z.locationI18n?.en,
      })),
    ),
    sheet(
      '业务类别',
      c.categories.map((x) => ({
        前缀: x.prefix,
        名称: x.name,
        功能区编码: x.zoneId,
        办理时间: formatOpeningHours(x.openingHours),
        平均办理分钟: Math.round((x.averageHandlingSeconds / 60) * 100) / 100,
        每日限额: x.dailyQuota,
        线上取号限额: x.remoteDailyQuota,
        节假日办理: x.openOnHolidays ? '是' : '否',
        '名称(繁體)': x.i18n?.['zh-TW'],
        '名称(English)': x.i18n?.en,
      })),
    ),
    sheet(
      '事项',
      c.items.map((i) => ({
        事项编码: i.id,
        事项名称: i.name,
        实施部门: i.department,
        业务类别前缀: prefixOf.get(i.categoryId),
        '名称(繁體)': i.i18n?.['zh-TW'],
        '名称(English)': i.i18n?.en,
        '实施部门(繁體)': i.departmentI18n?.['zh-TW'],
        '实施部门(English)': i.departmentI18n?.en,
        实施清单编码: i.code,
        部门编码: i.departmentCode,
      })),
    ),
    sheet(
      '窗口',
      def.windows.map((w) => ({
        窗口号: w.number,
        功能区编码: w.zoneId,
        业务类别前缀: w.categoryIds.map((id) => prefixOf.get(id) ?? id).join('、'),
        叫号规则: formatCallingRule(w.rule),
        标签: w.label,
        '标签(繁體)': w.labelI18n?.['zh-TW'],
        '标签(English)': w.labelI18n?.en,
      })),
    ),
    sheet(
      '人员',
      staff.map((s) => ({
        工号: s.staffNo,
        姓名: s.name,
        可登录窗口: formatWindowNumbers(s.windowIds.map((id) => numberOf.get(id) ?? 0).filter((n) => n > 0)),
        角色: s.roles.map((r) => ROLE_LABELS[r]).join('、'),
        常用窗口: s.homeWindowId !== undefined ? String(numberOf.get(s.homeWindowId) ?? '') : '',
        管理区域: (s.zoneIds ?? []).join('、'),
      })),
    ),
    sheet(
      '节假日',
      [
        ...def.calendar.holidays.map((d) => ({ 日期: d, 类型: '休' })),
        ...def.calendar.workingWeekends.map((d) => ({ 日期: d, 类型: '班' })),
      ].sort((a, b) => (a.日期 < b.日期 ? -1 : 1)),
    ),
  ];
  return new Map(sheets.map((s) => [s.name, s]));
}

export const ROLE_LABELS = {
  staff: '窗口人员',
  supervisor: '区域主管',
  'service-desk': '服务台',
  admin: '管理员',
  auditor: '审计',
} as const;
