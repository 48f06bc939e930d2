// Every reason a hall definition, a change to it or one of its text forms can be refused for, as a
// stable code with parameters. The Chinese text here is the contract of the CLI (`hall check`), the
// workbook preview and the log; the admin console translates the code into zh-CN, zh-TW or en.
export type TextParams = Record<string, string | number>;

const ZH = {
  // checkConfigChange: a change against the running hall
  versionNotNewer: (p) => `版本 ${p.version} 不比当前版本 ${p.current} 新`,
  hallIdFixed: (p) => `大厅编码不能改（当前 ${p.current}）`,
  timeZoneLocked: () => '已有取号记录，不能在营业中更改时区',
  moveFromUnknown: (p) => `业务类别 ${p.categoryId} 不存在`,
  moveToUnknown: (p) => `转入的业务类别 ${p.categoryId} 在新版本中不存在`,
  moveToSame: () => '不能转到同一个业务类别',
  moveTicketGone: (p) => `${p.number} 已不在「${p.name}」等候，请重新操作`,
  strandedRemoved: (p) => `「${p.name}」还有 ${p.waiting} 人在等候，不能删除`,
  strandedNoWindow: (p) => `「${p.name}」还有 ${p.waiting} 人在等候，至少要有一个窗口办理`,
  windowBusy: (p) => `${p.number}号窗口正在办理业务，不能删除`,
  windowHasTransfers: (p) => `${p.number}号窗口还有转来的号在等候，不能删除`,
  windowOpen: (p) => `${p.number}号窗口正在营业，请先关闭再删除`,
  prefixUsedToday: (p) => `前缀 ${p.prefix} 已被其他业务类别用于取号，请换一个`,
  noChanges: () => '没有任何改动',
  noSuchVersion: (p) => `没有版本 ${p.version}`,
  refusedNow: (p) => `${p.reason}`,
  // checkHallDefinition: the definition on its own
  idEmpty: (p) => `${KIND_ZH[p.kind as Kind] ?? p.kind}不能为空`,
  idDuplicate: (p) => `${KIND_ZH[p.kind as Kind] ?? p.kind} ${p.id} 重复`,
  prefixDuplicate: (p) => `前缀 ${p.prefix} 重复（与第 ${p.first} 个业务类别相同）`,
  zoneUnknown: (p) => `功能区编码 ${p.zoneId} 不存在`,
  periodsOverlap: () => '办理时间段相互重叠',
  categoryUnknown: (p) => `业务类别 ${p.categoryId} 不存在`,
  categoryTwice: (p) => `业务类别 ${p.categoryId} 重复`,
  windowNumberDuplicate: (p) => `窗口号 ${p.number} 重复`,
  categoryUnserved: (p) => `没有窗口办理「${p.name}」，取到的号无人叫`,
  dateInvalid: (p) => `${p.date} 不是有效日期`,
  dateDuplicate: (p) => `${p.date} 重复`,
  dateHolidayAndWorking: (p) => `${p.date} 既是节假日又是调休上班日`,
  workingDayNotWeekend: (p) => `${p.date} 不是周末，本来就是工作日`,
  calendarYearMissing: (p) =>
    `节假日日历还没有 ${p.year} 年：国务院办公厅公布 ${p.year} 年放假安排后，请补上节假日（「日期 休」）和调休上班日（「日期 班」）`,
  calendarYearNoArrangement: (p) =>
    `${p.year} 年只有法定节日，还没有调休上班日：国务院办公厅公布当年放假安排后，请补上调休（「日期 班」）并核对放假日期`,
  // checkHallSettings
  hallNameEmpty: () => '大厅名称不能为空',
  timeZoneUnknown: (p) => `时区 ${p.timeZone} 不存在（例如 Asia/Shanghai）`,
  urlFormat: () => '网址格式不对，应为 https://… 形式',
  urlScheme: () => '网址应以 https:// 或 http:// 开头',
  urlHost: () => '网址中的主机名不对',
  regionCodeForm: () => '区划代码应为 12 位数字（例如 370602000000）',
  zoneNameEmpty: () => '功能区名称不能为空',
  categoryNameEmpty: () => '业务类别名称不能为空',
  notWholeNumber: () => '请填写整数',
  // checkTranslations: 楼层位置, 实施部门 and window labels in 繁體/English
  translationEmpty: () => '译文不能只有空格（不填即显示简体）',
  translationTooLong: (p) => `译文不能超过 ${p.max} 个字符`,
  translationWithoutText: () => '简体内容为空时不能只填译文',
  departmentTranslationsDiffer: (p) => `「${p.department}」在各事项中的繁體或英文名称不一致：请统一`,
  // checkItems: the 事项's name and the province's codes (the 好差评 feed's taskCode, deptCode)
  itemNameEmpty: () => '事项名称不能为空',
  itemCodeDuplicate: (p) => `事项编码 ${p.code} 重复（「${p.name}」已使用）`,
  codeTooLong: (p) => `编码不能超过 ${p.max} 个字符`,
  departmentCodesDiffer: (p) => `「${p.department}」在各事项中的部门编码不一致：请统一`,
  outOfRange: (p) => `应在 ${p.min} 到 ${p.max} 之间`,
  // textFormats: 办理时间, 叫号规则, window numbers, calendar lines
  hoursEmpty: () => '办理时间为空',
  hoursPart: (p) => `「${p.part}」应为「星期 时间段」，如 周一至周五 08:30-12:00`,
  weekdayRange: (p) => `「${p.text}」不是有效的星期范围`,
  weekdayUnknown: (p) => `「${p.text}」不是星期几（周一…周日）`,
  periodFormat: (p) => `时间段「${p.period}」格式不对，应为 08:30-12:00`,
  periodOrder: (p) => `时间段「${p.period}」的结束时间须晚于开始时间`,
  periodMissing: (p) => `「${p.part}」缺少时间段`,
  callingRule: (p) => `叫号规则「${p.text}」应为「顺序」或「优先:普通=1:2」`,
  windowRangeInvalid: (p) => `范围「${p.part}」无效（起始须不大于结束）`,
  windowRangeTooLarge: (p) => `范围「${p.part}」过大`,
  windowNumberInvalid: (p) => `「${p.part}」不是窗口号或范围（如 1-17、20）`,
  calendarType: (p) => `类型应为「休」或「班」，不是「${p.text}」`,
  calendarLine: (p) => `第 ${p.n} 行「${p.line}」应为「2026-10-01 休」或「2026-10-10 班」`,
  // the hall workbook (sheet and column names are Chinese in every language: they are the file's)
  sheetMissing: (p) => `缺少工作表「${p.sheet}」`,
  columnMissing: (p) => `缺少列「${p.column}」`,
  cellEmpty: (p) => `「${p.column}」不能为空`,
  duplicateInSheet: (p) => `${p.column} ${p.value} 重复（第 ${p.row} 行已有）`,
  prefixForm: (p) => `前缀「${p.prefix}」应为一到两个大写字母`,
  notInSheet: (p) => `${p.column} ${p.value} 在「${p.sheet}」表中不存在`,
  windowServesUnknown: (p) => `窗口办理的业务类别 ${p.prefix} 在「业务类别」表中不存在`,
  dateTwiceInSheet: (p) => `${p.date} 重复（第 ${p.row} 行已有）`,
  notANumber: (p) => `「${p.text}」不是有效的数字`,
  yesOrNo: () => '应填「是」或「否」',
  itemsSheetAbsent: () => '没有「事项」表：事项保持不变',
  translationsKept: (p) => `没有${p.columns}列：${p.kept} 行简体未改，保留原有译文；${p.dropped} 行简体已改，不再有译文`,
  windowNumberForm: (p) => `「${p.text}」不是有效的窗口号`,
  dateForm: (p) => `「${p.text}」不是有效日期（应为 2026-10-01）`,
  roleUnknown: (p) => `角色「${p.label}」未知（可用：${p.known}）`,
  staffNeedsWindow: () => '窗口人员至少要有一个可登录窗口',
} satisfies Record<string, (p: TextParams) => string>;

export type DefinitionCode = keyof typeof ZH;
/** What the id-uniqueness problems are about. */
export type Kind = 'zone' | 'category' | 'item' | 'window';
const KIND_ZH: Record<Kind, string> = { zone: '功能区编码', category: '业务类别', item: '事项编码', window: '窗口' };

/** A reason as a code with its parameters, and the same reason in Chinese (CLI, workbook preview, log). */
export interface CodedText {
  code: DefinitionCode;
  params: TextParams;
  /** Chinese: what `hall check` prints and the log records. */
  message: string;
}

export function definitionText(code: DefinitionCode, params: TextParams = {}): CodedText {
  return { code, params, message: ZH[code](params) };
}

export const DEFINITION_CODES = Object.keys(ZH) as DefinitionCode[];
