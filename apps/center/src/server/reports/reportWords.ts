// The report's own words (row names the hall file does not give, the workbook's sheets and headings)
// in the console's three languages: the 报表 tab, its Excel export and its print follow the language
// the admin reads the console in. zh-CN is the workbook as the director's office has always had it.
import { LEVEL_LABEL_ZH, type EvaluationChannel, type EvaluationLevel, type ReportDimension, type ScreenLanguage, type TicketSource } from '@hallkit/core';

export const REPORT_LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const satisfies readonly ScreenLanguage[];

export interface ReportWords {
  total: string;
  /** A window by its number, as the console names it (console.windowN). */
  window: (n: number) => string;
  /** A staff member: their name and 工号. */
  staff: (name: string, id: string) => string;
  /** Tickets ended before any window called them (no zone, window or staff). */
  notCalled: string;
  /** Tickets served without an item chosen. */
  noItem: string;
  dims: Record<ReportDimension, string>;
  periods: Record<'day' | 'week' | 'month', string>;
  channels: Record<EvaluationChannel, string>;
  sources: Record<TicketSource, string>;
  levels: Record<EvaluationLevel, string>;
  alarmKinds: Record<string, string>;
  /** The workbook's column headings (the name column first). */
  col: {
    name: string; issued: string; served: string; noShow: string; noShowRate: string; endedAtClose: string;
    avgWait: string; p90Wait: string; avgHandle: string; p90Handle: string; transfers: string; rated: string;
    satisfaction: string; lapsed: string; bad: string; appealUpheld: string; followedUp: string; onTime: string; overdue: string;
  };
  range: (from: string, to: string) => string;
  /** The first sheet: the breakdown, and its title. */
  bySheet: (by: string) => string;
  reportTitle: (hall: string, range: string, by: string) => string;
  hallTitle: (hall: string, range: string, by: string) => string;
  channelSheet: string;
  channelHead: [string, string, string, string];
  alarmSheet: string;
  alarmHead: [string, string, string, string, string];
  alarmTitle: (from: string, to: string) => string;
  alarmsByZone: string;
  alarmsByWindow: string;
  /** The downloaded file's name, before the dates. */
  file: string;
}

export const REPORT_WORDS: Record<ScreenLanguage, ReportWords> = {
  'zh-CN': {
    total: '合计',
    window: (n) => `${n}号窗口`,
    staff: (name, id) => `${name}（${id}）`,
    notCalled: '（未叫号）',
    noItem: '（未选事项）',
    dims: { hall: '全厅', zone: '区域', category: '业务类别', window: '窗口', staff: '工作人员', item: '事项' },
    periods: { day: '日', week: '周', month: '月' },
    channels: { web: 'PC端', mobile: '移动端', 'hall-pad': '大厅评价器', 'qr-code': '二维码', 'hall-terminal': '大厅其他终端', hotline: '热线', sms: '短信' },
    sources: { 'on-site': '现场取号', 'id-card': '刷证取号', appointment: '预约', remote: '线上取号' },
    levels: LEVEL_LABEL_ZH,
    alarmKinds: { 'stranded-category': '无窗口办理', 'long-wait': '等候超时', 'unstaffed-window': '窗口无人' },
    col: {
      name: '名称', issued: '取号', served: '办结', noShow: '过号', noShowRate: '过号率', endedAtClose: '日终作废',
      avgWait: '平均等候(分)', p90Wait: '90%等候(分)', avgHandle: '平均办理(分)', p90Handle: '90%办理(分)', transfers: '转办', rated: '评价数',
      satisfaction: '满意率', lapsed: '未评价', bad: '差评', appealUpheld: '申诉成立', followedUp: '回访完成', onTime: '按期整改', overdue: '逾期',
    },
    range: (from, to) => (from === to ? from : `${from} 至 ${to}`),
    bySheet: (by) => `按${by}`,
    reportTitle: (hall, range, by) => `${hall} 运行报表（${range}，按${by}）`,
    hallTitle: (hall, range, by) => `${hall} 全厅（${range}，按${by}）`,
    channelSheet: '评价渠道',
    channelHead: ['评价渠道', '评价数', '满意数', '满意率'],
    alarmSheet: '告警',
    alarmHead: ['告警', '次数', '累计时长（分钟）', '最长（分钟）', '未解除'],
    alarmTitle: (from, to) => `${from} 至 ${to} 告警`,
    alarmsByZone: '按区域',
    alarmsByWindow: '按窗口',
    file: '报表',
  },
  'zh-TW': {
    total: '合計',
    window: (n) => `${n}號窗口`,
    staff: (name, id) => `${name}（${id}）`,
    notCalled: '（未叫號）',
    noItem: '（未選事項）',
    dims: { hall: '全廳', zone: '區域', category: '業務類別', window: '窗口', staff: '工作人員', item: '事項' },
    periods: { day: '日', week: '週', month: '月' },
    channels: { web: 'PC端', mobile: '行動端', 'hall-pad': '大廳評價器', 'qr-code': 'QR碼', 'hall-terminal': '大廳其他終端', hotline: '熱線', sms: '簡訊' },
    sources: { 'on-site': '現場取號', 'id-card': '刷證取號', appointment: '預約', remote: '線上取號' },
    levels: { 'very-satisfied': '非常滿意', satisfied: '滿意', 'basically-satisfied': '基本滿意', dissatisfied: '不滿意', 'very-dissatisfied': '非常不滿意' },
    alarmKinds: { 'stranded-category': '無窗口辦理', 'long-wait': '等候逾時', 'unstaffed-window': '窗口無人' },
    col: {
      name: '名稱', issued: '取號', served: '辦結', noShow: '過號', noShowRate: '過號率', endedAtClose: '日終作廢',
      avgWait: '平均等候(分)', p90Wait: '90%等候(分)', avgHandle: '平均辦理(分)', p90Handle: '90%辦理(分)', transfers: '轉辦', rated: '評價數',
      satisfaction: '滿意率', lapsed: '未評價', bad: '差評', appealUpheld: '申訴成立', followedUp: '回訪完成', onTime: '按期整改', overdue: '逾期',
    },
    range: (from, to) => (from === to ? from : `${from} 至 ${to}`),
    bySheet: (by) => `按${by}`,
    reportTitle: (hall, range, by) => `${hall} 運行報表（${range}，按${by}）`,
    hallTitle: (hall, range, by) => `${hall} 全廳（${range}，按${by}）`,
    channelSheet: '評價管道',
    channelHead: ['評價管道', '評價數', '滿意數', '滿意率'],
    alarmSheet: '告警',
    alarmHead: ['告警', '次數', '累計時長（分鐘）', '最長（分鐘）', '未解除'],
    alarmTitle: (from, to) => `${from} 至 ${to} 告警`,
    alarmsByZone: '按區域',
    alarmsByWindow: '按窗口',
    file: '報表',
  },
  en: {
    total: 'Total',
    window: (n) => `Window ${n}`,
    staff: (name, id) => `${name} (${id})`,
    notCalled: '(not called)',
    noItem: '(no item chosen)',
    dims: { hall: 'Whole hall', zone: 'Zone', category: 'Category', window: 'Window', staff: 'Staff', item: 'Service item' },
    periods: { day: 'Day', week: 'Week', month: 'Month' },
    channels: { web: 'Web', mobile: 'Mobile', 'hall-pad': 'Window pad', 'qr-code': 'QR code', 'hall-terminal': 'Other hall terminal', hotline: 'Hotline', sms: 'SMS' },
    sources: { 'on-site': 'On site', 'id-card': 'ID card', appointment: 'Appointment', remote: 'Online' },
    levels: { 'very-satisfied': 'Very satisfied', satisfied: 'Satisfied', 'basically-satisfied': 'Basically satisfied', dissatisfied: 'Dissatisfied', 'very-dissatisfied': 'Very dissatisfied' },
    alarmKinds: { 'stranded-category': 'No window serving', 'long-wait': 'Long wait', 'unstaffed-window': 'Window unstaffed' },
    col: {
      name: 'Name', issued: 'Tickets', served: 'Served', noShow: 'No-show', noShowRate: 'No-show rate', endedAtClose: 'Ended at close',
      avgWait: 'Avg wait (min)', p90Wait: 'P90 wait (min)', avgHandle: 'Avg handling (min)', p90Handle: 'P90 handling (min)', transfers: 'Transfers', rated: 'Rated',
      satisfaction: 'Satisfied', lapsed: 'Not rated', bad: 'Bad', appealUpheld: 'Appeal upheld', followedUp: 'Followed up', onTime: 'Fixed on time', overdue: 'Overdue',
    },
    range: (from, to) => (from === to ? from : `${from} to ${to}`),
    bySheet: (by) => `By ${by.toLowerCase()}`,
    reportTitle: (hall, range, by) => `${hall} hall report (${range}, by ${by.toLowerCase()})`,
    hallTitle: (hall, range, by) => `${hall} whole hall (${range}, by ${by.toLowerCase()})`,
    channelSheet: 'Rating channels',
    channelHead: ['Channel', 'Rated', 'Satisfied', 'Satisfied %'],
    alarmSheet: 'Alarms',
    alarmHead: ['Alarm', 'Raised', 'Time up (min)', 'Longest (min)', 'Still up'],
    alarmTitle: (from, to) => `Alarms ${from} to ${to}`,
    alarmsByZone: 'By zone',
    alarmsByWindow: 'By window',
    file: 'report',
  },
};

export function reportWords(lang: ScreenLanguage): ReportWords {
  return REPORT_WORDS[lang];
}
