// The hall workbook read back into a hall definition. What the workbook does not hold (policies,
// numbering, average handling time of a category it does not name) comes from `base`, the definition
// in force; ids of existing categories and windows are kept, so a re-import changes nothing.
import {
  checkHallDefinition,
  definitionText,
  type CodedText,
  HallDefinitionSchema,
  type DefinitionProblem,
  type HallDefinition,
  type QueueCategory,
  type ServiceItem,
  type ServiceWindow,
  type Zone,
  parseCallingRule,
  parseOpeningHours,
  splitList,
} from '@hallkit/core';
import type { StaffRow } from './StaffRow.ts';
import { readStaff } from './staffSheet.ts';
import type { WorkbookProblem } from './WorkbookProblem.ts';
import { sheetTranslations } from './sheetTranslations.ts';
import { SHEET_COLUMNS, type Sheet, type SheetRow, type WorkbookSheets } from './WorkbookSheets.ts';

export interface WorkbookImport {
  /** Set when there is no error. */
  definition: HallDefinition | undefined;
  staff: StaffRow[];
  problems: WorkbookProblem[];
  counts: Record<string, number>;
}


export function sheetsToDefinition(sheets: WorkbookSheets, base: HallDefinition): WorkbookImport {
  const problems: WorkbookProblem[] = [];
  const err = (
    sheet: string,
    row: number,
    column: string,
    text: CodedText,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push({ sheet, row, column, code: text.code, params: text.params, message: text.message, severity });
  const counts: Record<string, number> = {};
  const get = (name: string, needed: boolean): Sheet | undefined => {
    const s = sheets.get(name);
    if (!s) {
      if (needed) err(name, 0, '', definitionText('sheetMissing', { sheet: name }));
      return undefined;
    }
    for (const h of SHEET_COLUMNS[name]?.required ?? [])
      if (!s.headers.includes(h)) err(name, 1, h, definitionText('columnMissing', { column: h }));
    counts[name] = s.rows.length;
    return s;
  };
  const text = (r: SheetRow, c: string) => r.cells.get(c) ?? '';
  const { textI18n, keptTranslations } = sheetTranslations();
  const required = (sheet: string, r: SheetRow, c: string): string => {
    const v = text(r, c);
    if (v === '') err(sheet, r.row, c, definitionText('cellEmpty', { column: c }));
    return v;
  };

  // 大厅 (optional): the hall's own facts; absent, the hall in force stays.
  const hall = { ...base.catalog.hall };
  const hallSheet = get('大厅', false);
  for (const r of hallSheet?.rows ?? []) {
    const v = text(r, '值');
    const k = text(r, '项目');
    if (k === '名称') hall.name = v;
    else if (k === '地址') hall.address = v || undefined;
    else if (k === '时区') hall.timeZone = v || 'Asia/Shanghai';
    else if (k === '公网地址') hall.publicUrl = v || undefined;
    else if (k === '区划代码') hall.regionCode = v || undefined;
    else if (k === '编码') hall.id = v;
    else if (k === '名称(繁體)' || k === '名称(English)')
      hall.i18n = { ...hall.i18n, [k === '名称(繁體)' ? 'zh-TW' : 'en']: v || undefined };
  }
  if (hall.i18n && !hall.i18n['zh-TW'] && !hall.i18n.en) delete hall.i18n;

  const zoneSheet = get('功能区', true);
  const zones: Zone[] = [];
  const zoneRow = new Map<string, number>();
  const baseZone = new Map(base.catalog.zones.map((z) => [z.id, z]));
  for (const r of zoneSheet?.rows ?? []) {
    const id = required('功能区', r, '编码');
    const name = required('功能区', r, '名称');
    if (zoneRow.has(id)) err('功能区', r.row, '编码', definitionText('duplicateInSheet', { column: '编码', value: id, row: zoneRow.get(id) ?? 0 }));
    zoneRow.set(id, r.row);
    const old = baseZone.get(id);
    const tr = zoneSheet && textI18n(zoneSheet, r, '名称', old && { text: old.name, tr: old.i18n });
    const locationI18n = zoneSheet && textI18n(zoneSheet, r, '楼层位置', old && { text: old.location, tr: old.locationI18n });
    zones.push({
      id,
      name,
      ...(text(r, '楼层位置') ? { location: text(r, '楼层位置') } : {}),
      ...(tr ? { i18n: tr } : {}),
      ...(locationI18n ? { locationI18n } : {}),
    });
  }

  const catSheet = get('业务类别', true);
  const categories: QueueCategory[] = [];
  const byPrefix = new Map<string, { id: string; row: number }>();
  const baseByPrefix = new Map(base.catalog.categories.map((c) => [c.prefix, c]));
  for (const r of catSheet?.rows ?? []) {
    const prefix = required('业务类别', r, '前缀').toUpperCase();
    const name = required('业务类别', r, '名称');
    const zoneId = required('业务类别', r, '功能区编码');
    if (prefix && !/^[A-Z]{1,2}$/.test(prefix))
      err('业务类别', r.row, '前缀', definitionText('prefixForm', { prefix }));
    if (byPrefix.has(prefix))
      err('业务类别', r.row, '前缀', definitionText('duplicateInSheet', { column: '前缀', value: prefix, row: byPrefix.get(prefix)?.row ?? 0 }));
    if (zoneId && !zoneRow.has(zoneId))
      err('业务类别', r.row, '功能区编码', definitionText('notInSheet', { column: '功能区编码', value: zoneId, sheet: '功能区' }));
    const hours = parseOpeningHours(text(r, '办理时间'));
    if (!hours.ok) err('业务类别', r.row, '办理时间', hours);
    const old = baseByPrefix.get(prefix);
    const id = old?.id ?? `cat-${prefix.toLowerCase()}`;
    byPrefix.set(prefix, { id, row: r.row });
    const num = (c: string, min: number): number | undefined => {
      const v = text(r, c);
      if (v === '') return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) {
        err('业务类别', r.row, c, definitionText('notANumber', { text: v }));
        return undefined;
      }
      return n;
    };
    const minutes = num('平均办理分钟', 0.1);
    const quota = num('每日限额', 1);
    const remote = num('线上取号限额', 0);
    const holidays = text(r, '节假日办理');
    if (holidays && holidays !== '是' && holidays !== '否')
      err('业务类别', r.row, '节假日办理', definitionText('yesOrNo'));
    const tr = catSheet && textI18n(catSheet, r, '名称', old && { text: old.name, tr: old.i18n });
    categories.push({
      id,
      zoneId,
      name,
      prefix,
      averageHandlingSeconds:
        minutes !== undefined ? Math.round(minutes * 60) : (old?.averageHandlingSeconds ?? 600),
      openingHours: hours.ok ? hours.value : [],
      remoteDailyQuota: remote !== undefined ? Math.floor(remote) : (old?.remoteDailyQuota ?? 0),
      ...(quota !== undefined ? { dailyQuota: Math.floor(quota) } : {}),
      ...(holidays === '是' ? { openOnHolidays: true } : {}),
      ...(tr ? { i18n: tr } : {}),
    });
  }

  const itemSheet = get('事项', false);
  let items: ServiceItem[] = base.catalog.items;
  if (itemSheet) {
    items = [];
    // A workbook made before the code columns existed keeps the codes the hall already has.
    const baseItem = new Map(base.catalog.items.map((i) => [i.id, i]));
    const codeColumn = (c: string) => itemSheet.headers.includes(c);
    const seen = new Map<string, number>();
    for (const r of itemSheet.rows) {
      const id = required('事项', r, '事项编码');
      const name = required('事项', r, '事项名称');
      const prefix = required('事项', r, '业务类别前缀').toUpperCase();
      if (seen.has(id)) err('事项', r.row, '事项编码', definitionText('duplicateInSheet', { column: '事项编码', value: id, row: seen.get(id) ?? 0 }));
      seen.set(id, r.row);
      const cat = byPrefix.get(prefix);
      if (prefix && !cat)
        err('事项', r.row, '业务类别前缀', definitionText('notInSheet', { column: '业务类别前缀', value: prefix, sheet: '业务类别' }));
      const code = codeColumn('实施清单编码') ? text(r, '实施清单编码') : (baseItem.get(id)?.code ?? '');
      const departmentCode = codeColumn('部门编码') ? text(r, '部门编码') : (baseItem.get(id)?.departmentCode ?? '');
      const old = baseItem.get(id);
      const tr = textI18n(itemSheet, r, '事项名称', old && { text: old.name, tr: old.i18n }, '名称');
      const departmentI18n = textI18n(itemSheet, r, '实施部门', old && { text: old.department, tr: old.departmentI18n });
      items.push({
        id,
        name,
        categoryId: cat?.id ?? prefix,
        ...(text(r, '实施部门') ? { department: text(r, '实施部门') } : {}),
        ...(code ? { code } : {}),
        ...(departmentCode ? { departmentCode } : {}),
        ...(tr ? { i18n: tr } : {}),
        ...(departmentI18n ? { departmentI18n } : {}),
      });
    }
  } else err('事项', 0, '', definitionText('itemsSheetAbsent'), 'warning');

  const winSheet = get('窗口', true);
  const windows: ServiceWindow[] = [];
  const baseWindow = new Map(base.windows.map((w) => [w.number, w]));
  const numberRow = new Map<number, number>();
  for (const r of winSheet?.rows ?? []) {
    const nText = required('窗口', r, '窗口号');
    const number = Number(nText);
    if (nText && (!Number.isInteger(number) || number < 1))
      err('窗口', r.row, '窗口号', definitionText('windowNumberForm', { text: nText }));
    else if (numberRow.has(number))
      err('窗口', r.row, '窗口号', definitionText('duplicateInSheet', { column: '窗口号', value: number, row: numberRow.get(number) ?? 0 }));
    numberRow.set(number, r.row);
    const zoneId = required('窗口', r, '功能区编码');
    if (zoneId && !zoneRow.has(zoneId))
      err('窗口', r.row, '功能区编码', definitionText('notInSheet', { column: '功能区编码', value: zoneId, sheet: '功能区' }));
    const prefixes = splitList(required('窗口', r, '业务类别前缀').toUpperCase());
    const categoryIds: string[] = [];
    for (const p of prefixes) {
      const cat = byPrefix.get(p);
      if (!cat) err('窗口', r.row, '业务类别前缀', definitionText('windowServesUnknown', { prefix: p }));
      else categoryIds.push(cat.id);
    }
    const rule = parseCallingRule(text(r, '叫号规则') || '优先:普通=1:2');
    if (!rule.ok) err('窗口', r.row, '叫号规则', rule);
    const old = baseWindow.get(number);
    const labelI18n = winSheet && textI18n(winSheet, r, '标签', old && { text: old.label, tr: old.labelI18n });
    windows.push({
      id: baseWindow.get(number)?.id ?? `w${number}`,
      number,
      zoneId,
      categoryIds,
      rule: rule.ok ? rule.value : { mode: 'strict' },
      ...(text(r, '标签') ? { label: text(r, '标签') } : {}),
      ...(labelI18n ? { labelI18n } : {}),
    });
  }

  const calSheet = get('节假日', false);
  let calendar = base.calendar;
  if (calSheet) {
    calendar = { holidays: [], workingWeekends: [] };
    const seen = new Map<string, number>();
    for (const r of calSheet.rows) {
      const d = required('节假日', r, '日期')
        .replace(/\//g, '-')
        .replace(/-(\d)(?!\d)/g, '-0$1');
      const kind = required('节假日', r, '类型');
      const t = new Date(`${d}T00:00:00Z`);
      if (
        d &&
        (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d)
      )
        err('节假日', r.row, '日期', definitionText('dateForm', { text: d }));
      else if (seen.has(d)) err('节假日', r.row, '日期', definitionText('dateTwiceInSheet', { date: d, row: seen.get(d) ?? 0 }));
      seen.set(d, r.row);
      if (kind === '休') calendar.holidays.push(d);
      else if (kind === '班') calendar.workingWeekends.push(d);
      else if (kind) err('节假日', r.row, '类型', definitionText('calendarType', { text: kind }));
    }
  }

  for (const a of keptTranslations()) err(a.sheet, 0, '', definitionText('translationsKept', a.params), 'warning');

  const staff = readStaff(get('人员', false), windows, new Set(zones.map((z) => z.id)), err);
  const definition = {
    ...base,
    v: 2 as const,
    catalog: { ...base.catalog, hall, zones, categories, items },
    windows,
    calendar,
  };
  if (problems.some((p) => p.severity === 'error')) return { definition: undefined, staff, problems, counts };
  // Whatever the sheets could not see themselves (the schema, the whole hall's rules): mapped back to rows.
  const parsed = HallDefinitionSchema.safeParse(definition);
  const issues: DefinitionProblem[] = parsed.success
    ? checkHallDefinition(parsed.data)
    : parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: i.message,
        severity: 'error' as const,
      }));
  for (const p of issues) problems.push(locate(p, { zoneSheet, catSheet, itemSheet, winSheet, calSheet }));
  return {
    definition: parsed.success && !problems.some((p) => p.severity === 'error') ? parsed.data : undefined,
    staff,
    problems,
    counts,
  };
}

const SECTION_SHEETS: Record<string, [keyof Sections, string]> = {
  zones: ['zoneSheet', '功能区'],
  categories: ['catSheet', '业务类别'],
  items: ['itemSheet', '事项'],
};
const COLUMN_OF: Record<string, string> = {
  id: '编码',
  prefix: '前缀',
  zoneId: '功能区编码',
  openingHours: '办理时间',
  name: '名称',
  categoryId: '业务类别前缀',
  categoryIds: '业务类别前缀',
  number: '窗口号',
  rule: '叫号规则',
  code: '实施清单编码',
  departmentCode: '部门编码',
};
const TRANSLATED_COLUMN: Record<string, string> = {
  i18n: '名称',
  locationI18n: '楼层位置',
  departmentI18n: '实施部门',
  labelI18n: '标签',
};
interface Sections {
  zoneSheet?: Sheet | undefined;
  catSheet?: Sheet | undefined;
  itemSheet?: Sheet | undefined;
  winSheet?: Sheet | undefined;
  calSheet?: Sheet | undefined;
}

/** A definition problem at the workbook row it came from (rows are read in order, one entry per row). */
function locate(p: DefinitionProblem, s: Sections): WorkbookProblem {
  const [a, b, c, d] = p.path;
  let sheet: Sheet | undefined;
  let sheetName = '';
  let index: unknown;
  let field: unknown;
  if (a === 'catalog' && typeof b === 'string' && SECTION_SHEETS[b]) {
    const [key, name] = SECTION_SHEETS[b] as [keyof Sections, string];
    sheet = s[key];
    sheetName = name;
    index = c;
    field = d;
  } else if (a === 'windows') {
    sheet = s.winSheet;
    sheetName = '窗口';
    index = b;
    field = c;
  } else if (a === 'calendar') {
    sheetName = '节假日';
    sheet = undefined;
  } else sheetName = '大厅';
  const row = typeof index === 'number' ? (sheet?.rows[index]?.row ?? 0) : 0;
  // A translation's column is its text's column with the language: 楼层位置(English).
  const lang = p.path[a === 'windows' ? 3 : 4];
  const translated = typeof field === 'string' ? TRANSLATED_COLUMN[field] : undefined;
  return {
    sheet: sheetName,
    row,
    column: translated && (lang === 'zh-TW' || lang === 'en') ? `${translated}(${lang === 'en' ? 'English' : '繁體'})` : typeof field === 'string' ? (COLUMN_OF[field] ?? field) : '',
    ...(p.code ? { code: p.code, params: p.params ?? {} } : {}),
    message: p.message,
    severity: p.severity,
  };
}
