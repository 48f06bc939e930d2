// The reasons core and the center give for refusing a hall definition, a change or a workbook row
// (DefinitionCode + parameters), in the console's languages. zh-CN shows core's own Chinese text (the
// same words `hall check` prints); zh-TW and en are written here. Sheet and column names stay Chinese:
// they are what the workbook's headers say.
import { useTranslation } from 'react-i18next';
import type { DefinitionCode, HallDefinition, NameTranslations, TextParams } from '@hallkit/core';

type Lang = 'zh-TW' | 'en';
const KIND: Record<Lang, Record<string, string>> = {
  'zh-TW': { zone: '功能區編碼', category: '業務類別', item: '事項編碼', window: '窗口' },
  en: { zone: 'Zone code', category: 'Category', item: 'Item code', window: 'Window' },
};

const zhTW: Record<DefinitionCode, string> = {
  versionNotNewer: '版本 {{version}} 不比目前版本 {{current}} 新',
  hallIdFixed: '大廳編碼不能改（目前 {{current}}）',
  timeZoneLocked: '已有取號紀錄，不能在營業中更改時區',
  moveFromUnknown: '業務類別 {{categoryId}} 不存在',
  moveToUnknown: '轉入的業務類別 {{categoryId}} 在新版本中不存在',
  moveToSame: '不能轉到同一個業務類別',
  moveTicketGone: '{{number}} 已不在「{{name}}」等候，請重新操作',
  strandedRemoved: '「{{name}}」還有 {{waiting}} 人在等候，不能刪除',
  strandedNoWindow: '「{{name}}」還有 {{waiting}} 人在等候，至少要有一個窗口辦理',
  windowBusy: '{{number}}號窗口正在辦理業務，不能刪除',
  windowHasTransfers: '{{number}}號窗口還有轉來的號在等候，不能刪除',
  windowOpen: '{{number}}號窗口正在營業，請先關閉再刪除',
  prefixUsedToday: '前綴 {{prefix}} 已被其他業務類別用於取號，請換一個',
  noChanges: '沒有任何變更',
  noSuchVersion: '沒有版本 {{version}}',
  refusedNow: '大廳狀態剛有變化，請重新儲存（{{reason}}）',
  idEmpty: '{{kind}}不能為空',
  idDuplicate: '{{kind}} {{id}} 重複',
  prefixDuplicate: '前綴 {{prefix}} 重複（與第 {{first}} 個業務類別相同）',
  zoneUnknown: '功能區編碼 {{zoneId}} 不存在',
  periodsOverlap: '辦理時段相互重疊',
  categoryUnknown: '業務類別 {{categoryId}} 不存在',
  categoryTwice: '業務類別 {{categoryId}} 重複',
  windowNumberDuplicate: '窗口號 {{number}} 重複',
  categoryUnserved: '沒有窗口辦理「{{name}}」，取到的號無人叫',
  dateInvalid: '{{date}} 不是有效日期',
  dateDuplicate: '{{date}} 重複',
  dateHolidayAndWorking: '{{date}} 既是節假日又是調休上班日',
  workingDayNotWeekend: '{{date}} 不是週末，本來就是工作日',
  calendarYearMissing: '節假日日曆還沒有 {{year}} 年：國務院辦公廳公布 {{year}} 年放假安排後，請補上節假日（「日期 休」）和調休上班日（「日期 班」）',
  calendarYearNoArrangement: '{{year}} 年只有法定節日，還沒有調休上班日：國務院辦公廳公布當年放假安排後，請補上調休（「日期 班」）並核對放假日期',
  hallNameEmpty: '大廳名稱不能為空',
  timeZoneUnknown: '時區 {{timeZone}} 不存在（例如 Asia/Shanghai）',
  urlFormat: '網址格式不對，應為 https://… 形式',
  urlScheme: '網址應以 https:// 或 http:// 開頭',
  urlHost: '網址中的主機名稱不對',
  regionCodeForm: '區劃代碼應為 12 位數字（例如 370602000000）',
  zoneNameEmpty: '功能區名稱不能為空',
  categoryNameEmpty: '業務類別名稱不能為空',
  notWholeNumber: '請填寫整數',
  translationEmpty: '譯文不能只有空格（不填即顯示簡體）',
  translationTooLong: '譯文不能超過 {{max}} 個字元',
  translationWithoutText: '簡體內容為空時不能只填譯文',
  departmentTranslationsDiffer: '「{{department}}」在各事項中的繁體或英文名稱不一致：請統一',
  itemNameEmpty: '事項名稱不能為空',
  itemCodeDuplicate: '事項編碼 {{code}} 重複（「{{name}}」已使用）',
  codeTooLong: '編碼不能超過 {{max}} 個字元',
  departmentCodesDiffer: '「{{department}}」在各事項中的部門編碼不一致：請統一',
  outOfRange: '應在 {{min}} 到 {{max}} 之間',
  hoursEmpty: '辦理時間為空',
  hoursPart: '「{{part}}」應為「星期 時段」，如 周一至周五 08:30-12:00',
  weekdayRange: '「{{text}}」不是有效的星期範圍',
  weekdayUnknown: '「{{text}}」不是星期幾（周一…周日）',
  periodFormat: '時段「{{period}}」格式不對，應為 08:30-12:00',
  periodOrder: '時段「{{period}}」的結束時間須晚於開始時間',
  periodMissing: '「{{part}}」缺少時段',
  callingRule: '叫號規則「{{text}}」應為「顺序」或「优先:普通=1:2」',
  windowRangeInvalid: '範圍「{{part}}」無效（起始須不大於結束）',
  windowRangeTooLarge: '範圍「{{part}}」過大',
  windowNumberInvalid: '「{{part}}」不是窗口號或範圍（如 1-17、20）',
  calendarType: '類型應為「休」或「班」，不是「{{text}}」',
  calendarLine: '第 {{n}} 行「{{line}}」應為「2026-10-01 休」或「2026-10-10 班」',
  sheetMissing: '缺少工作表「{{sheet}}」',
  columnMissing: '缺少欄「{{column}}」',
  cellEmpty: '「{{column}}」不能為空',
  duplicateInSheet: '{{column}} {{value}} 重複（第 {{row}} 列已有）',
  prefixForm: '前綴「{{prefix}}」應為一到兩個大寫字母',
  notInSheet: '{{column}} {{value}} 在「{{sheet}}」表中不存在',
  windowServesUnknown: '窗口辦理的業務類別 {{prefix}} 在「业务类别」表中不存在',
  dateTwiceInSheet: '{{date}} 重複（第 {{row}} 列已有）',
  notANumber: '「{{text}}」不是有效的數字',
  yesOrNo: '應填「是」或「否」',
  itemsSheetAbsent: '沒有「事项」表：事項保持不變',
  translationsKept: '沒有{{columns}}欄：{{kept}} 列簡體未改，保留原有譯文；{{dropped}} 列簡體已改，不再有譯文',
  windowNumberForm: '「{{text}}」不是有效的窗口號',
  dateForm: '「{{text}}」不是有效日期（應為 2026-10-01）',
  roleUnknown: '角色「{{label}}」未知（可用：{{known}}）',
  staffNeedsWindow: '窗口人員至少要有一個可登入窗口',
};

const en: Record<DefinitionCode, string> = {
  versionNotNewer: 'Version {{version}} is not newer than version {{current}} in force',
  hallIdFixed: 'The hall code cannot change (it is {{current}})',
  timeZoneLocked: 'Tickets have been issued: the time zone cannot change while the hall is open',
  moveFromUnknown: 'Category {{categoryId}} does not exist',
  moveToUnknown: 'Category {{categoryId}} to move to does not exist in the new version',
  moveToSame: 'Cannot move to the same category',
  moveTicketGone: '{{number}} is no longer waiting for “{{name}}”; try again',
  strandedRemoved: '{{waiting}} citizen(s) are still waiting for “{{name}}”: it cannot be removed',
  strandedNoWindow: '{{waiting}} citizen(s) are still waiting for “{{name}}”: at least one window must serve it',
  windowBusy: 'Window {{number}} is serving a citizen: it cannot be removed',
  windowHasTransfers: 'Tickets transferred to window {{number}} are waiting: it cannot be removed',
  windowOpen: 'Window {{number}} is open: close it before removing it',
  prefixUsedToday: 'Prefix {{prefix}} was used today by another category; choose another',
  noChanges: 'Nothing has changed',
  noSuchVersion: 'There is no version {{version}}',
  refusedNow: 'The hall changed meanwhile; save again ({{reason}})',
  idEmpty: '{{kind}} cannot be empty',
  idDuplicate: '{{kind}} {{id}} appears twice',
  prefixDuplicate: 'Prefix {{prefix}} appears twice (same as category no. {{first}})',
  zoneUnknown: 'Zone code {{zoneId}} does not exist',
  periodsOverlap: 'The opening periods overlap',
  categoryUnknown: 'Category {{categoryId}} does not exist',
  categoryTwice: 'Category {{categoryId}} appears twice',
  windowNumberDuplicate: 'Window number {{number}} appears twice',
  categoryUnserved: 'No window serves “{{name}}”: its tickets would never be called',
  dateInvalid: '{{date}} is not a valid date',
  dateDuplicate: '{{date}} appears twice',
  dateHolidayAndWorking: '{{date}} is both a holiday and a working weekend',
  workingDayNotWeekend: '{{date}} is not a weekend: it is a working day anyway',
  calendarYearMissing: 'The holiday calendar has no {{year}} yet: once the State Council publishes the {{year}} arrangement, add its holidays (“date 休”) and working weekends (“date 班”)',
  calendarYearNoArrangement: '{{year}} has only the statutory holidays and no working weekend: once the State Council publishes that year’s arrangement, add its “date 班” lines and check the holiday dates',
  hallNameEmpty: 'The hall name cannot be empty',
  timeZoneUnknown: 'Time zone {{timeZone}} does not exist (e.g. Asia/Shanghai)',
  urlFormat: 'Not a web address: it should look like https://…',
  urlScheme: 'The address should start with https:// or http://',
  urlHost: 'The host name in the address is wrong',
  regionCodeForm: 'The region code (区划代码) is 12 digits (e.g. 370602000000)',
  zoneNameEmpty: 'The zone name cannot be empty',
  categoryNameEmpty: 'The category name cannot be empty',
  notWholeNumber: 'Enter a whole number',
  translationEmpty: 'A translation cannot be only spaces (leave it empty to show the Simplified text)',
  translationTooLong: 'A translation can be at most {{max}} characters',
  translationWithoutText: 'A translation needs the Simplified text it translates',
  departmentTranslationsDiffer: '“{{department}}” is translated differently on some of its items: make them the same',
  itemNameEmpty: 'The item name cannot be empty',
  itemCodeDuplicate: 'Item code {{code}} is already used by “{{name}}”',
  codeTooLong: 'A code can be at most {{max}} characters',
  departmentCodesDiffer: '“{{department}}” has different department codes on some of its items: make them the same',
  outOfRange: 'Should be between {{min}} and {{max}}',
  hoursEmpty: 'The opening hours are empty',
  hoursPart: '“{{part}}” should be “weekdays periods”, e.g. 周一至周五 08:30-12:00',
  weekdayRange: '“{{text}}” is not a valid range of weekdays',
  weekdayUnknown: '“{{text}}” is not a weekday (周一 … 周日)',
  periodFormat: 'Period “{{period}}” is not a time range like 08:30-12:00',
  periodOrder: 'Period “{{period}}” must end after it starts',
  periodMissing: '“{{part}}” has no period',
  callingRule: 'Calling rule “{{text}}” should be “顺序” (in order) or “优先:普通=1:2” (priority:normal)',
  windowRangeInvalid: 'Range “{{part}}” is invalid (the start must not be above the end)',
  windowRangeTooLarge: 'Range “{{part}}” is too large',
  windowNumberInvalid: '“{{part}}” is not a window number or range (e.g. 1-17、20)',
  calendarType: 'The type should be “休” (holiday) or “班” (working weekend), not “{{text}}”',
  calendarLine: 'Line {{n}} “{{line}}” should read “2026-10-01 休” (holiday) or “2026-10-10 班” (working weekend)',
  sheetMissing: 'Sheet “{{sheet}}” is missing',
  columnMissing: 'Column “{{column}}” is missing',
  cellEmpty: '“{{column}}” cannot be empty',
  duplicateInSheet: '{{column}} {{value}} appears twice (already in row {{row}})',
  prefixForm: 'Prefix “{{prefix}}” should be one or two capital letters',
  notInSheet: '{{column}} {{value}} is not in sheet “{{sheet}}”',
  windowServesUnknown: 'The window serves category {{prefix}}, which is not in sheet “业务类别”',
  dateTwiceInSheet: '{{date}} appears twice (already in row {{row}})',
  notANumber: '“{{text}}” is not a number',
  yesOrNo: 'Enter “是” (yes) or “否” (no)',
  itemsSheetAbsent: 'No “事项” sheet: the items stay as they are',
  translationsKept: 'No {{columns}} column: {{kept}} row(s) with the Simplified text unchanged keep their translations; {{dropped}} row(s) changed lose them',
  windowNumberForm: '“{{text}}” is not a window number',
  dateForm: '“{{text}}” is not a date (write 2026-10-01)',
  roleUnknown: 'Role “{{label}}” is unknown (known: {{known}})',
  staffNeedsWindow: 'Window staff need at least one window to log in at',
};

const TEXT: Record<Lang, Record<DefinitionCode, string>> = { 'zh-TW': zhTW, en };

/** A coded reason (a DefinitionProblem, a WorkbookProblem, a ParsedText failure) to show the admin. */
export interface CodedReason {
  code?: DefinitionCode | undefined;
  params?: TextParams | undefined;
  message: string;
}

/**
 * The reason in `lang`. Category names in the parameters are shown in the language's own name when the
 * definition has one (`def`), so an English refusal names “Tax” rather than 办税服务.
 */
export function problemText(lang: string, p: CodedReason, def?: HallDefinition): string {
  if (lang !== 'zh-TW' && lang !== 'en') return p.message;
  const template = p.code ? TEXT[lang][p.code] : undefined;
  if (!template) return p.message;
  const params: TextParams = { ...(p.params ?? {}) };
  if (typeof params.kind === 'string') params.kind = KIND[lang][params.kind] ?? params.kind;
  const cat = typeof params.categoryId === 'string' ? def?.catalog.categories.find((c) => c.id === params.categoryId) : undefined;
  const translated = cat && (cat.i18n as NameTranslations | undefined)?.[lang];
  if (translated && 'name' in params) params.name = translated;
  // An item named in a reason (the one already using a 事项编码): its own translated name too.
  const item = typeof params.itemId === 'string' ? def?.catalog.items.find((i) => i.id === params.itemId) : undefined;
  const itemName = item?.i18n?.[lang];
  if (itemName && 'name' in params) params.name = itemName;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** problemText in the console's current language. */
export function useProblemText(def?: HallDefinition): (p: CodedReason) => string {
  const { i18n } = useTranslation();
  return (p) => problemText(i18n.language, p, def);
}
