import type { Catalog, OpeningHours, QueueCategory } from '../Catalog.ts';
import type { HallConfig, ServiceWindow } from '../../hall/HallConfig.ts';
import { BAD_REVIEW_REASON_IDS } from '../../evaluation/reasons.ts';

/**
 * Demo data shaped like the Yantai city service center (烟台市政务服务中心, 莱山区银海路46号):
 * 289 windows in 10 window zones, 18 social-security 综合窗口, general 无差别 windows up front.
 * Source: shared/seeds 000, 001, 003.
 */
const WORKDAY: OpeningHours = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { from: 8 * 60 + 30, to: 12 * 60 },
    { from: 13 * 60 + 30, to: 17 * 60 + 30 },
  ],
};
/** The demo runs at any hour: a "24-hour" hall, so ticketing works whenever someone tries it. */
const ALWAYS: OpeningHours = { weekdays: [0, 1, 2, 3, 4, 5, 6], periods: [{ from: 0, to: 1440 }] };

const ZONES = [
  ['zhzw', '综合政务', '一楼东厅'],
  ['zhjw', '综合警务', '一楼西厅'],
  ['gjj', '公积金', '二楼东厅'],
  ['jt', '交通', '二楼西厅'],
  ['sbjy', '社保就业', '三楼东厅'],
  ['yb', '医保', '三楼西厅'],
  ['sw', '税务', '四楼东厅'],
  ['gysy', '公用事业', '一楼北厅'],
  ['bmfw', '便民服务', '一楼南厅'],
  ['jznj', '集中年检', '四楼西厅'],
] as const;

/** [id, zone, name, prefix, average handling minutes, windows] */
const CATEGORIES: readonly [string, string, string, string, number, number][] = [
  ['general', 'zhzw', '综合受理（一窗受理）', 'A', 12, 60],
  ['police', 'zhjw', '户籍与出入境', 'B', 8, 36],
  ['fund', 'gjj', '住房公积金', 'C', 10, 28],
  ['traffic', 'jt', '交通运输', 'D', 9, 24],
  ['social', 'sbjy', '社保就业', 'E', 7, 40],
  ['medical', 'yb', '医疗保障', 'F', 6, 26],
  ['tax', 'sw', '办税服务', 'G', 11, 36],
  ['utility', 'gysy', '水电气暖', 'H', 5, 13],
  ['citizen-card', 'bmfw', '市民卡', 'J', 4, 8],
  ['inspection', 'jznj', '集中年检', 'K', 15, 18],
];

const ITEMS: readonly [string, string, string, string][] = [
  ['business-registration', 'general', '企业开办（设立登记）', '市行政审批服务局'],
  ['construction-permit', 'general', '建设工程规划许可', '市行政审批服务局'],
  ['food-licence', 'general', '食品经营许可', '市行政审批服务局'],
  ['hukou-transfer', 'police', '户口迁移', '市公安局'],
  ['passport', 'police', '普通护照签发', '市公安局出入境管理支队'],
  ['fund-withdrawal', 'fund', '住房公积金提取', '市住房公积金管理中心'],
  ['fund-loan', 'fund', '公积金贷款申请', '市住房公积金管理中心'],
  ['road-transport-permit', 'traffic', '道路运输经营许可', '市交通运输局'],
  ['pension-registration', 'social', '城乡居民养老保险参保登记', '市人力资源和社会保障局'],
  ['unemployment-benefit', 'social', '失业保险金申领', '市人力资源和社会保障局'],
  ['employment-registration', 'social', '就业登记', '市人力资源和社会保障局'],
  ['medical-reimbursement', 'medical', '异地就医备案', '市医疗保障局'],
  ['medical-card', 'medical', '医保参保登记', '市医疗保障局'],
  ['invoice', 'tax', '发票领用', '国家税务总局烟台市税务局'],
  ['tax-registration', 'tax', '税务登记', '国家税务总局烟台市税务局'],
  ['water-account', 'utility', '用水开户', '市供水公司'],
  ['heating', 'utility', '供暖报装', '市热力公司'],
  ['elder-card', 'citizen-card', '敬老卡办理', '烟台市民卡公司'],
  ['card-topup', 'citizen-card', '市民卡充值', '烟台市民卡公司'],
  ['annual-inspection', 'inspection', '企业年检', '市市场监督管理局'],
];

export interface DemoOptions {
  /** Open all day every day (demo, tests); otherwise weekdays 8:30–12:00 and 13:30–17:30. */
  alwaysOpen?: boolean;
  version?: number;
}

export function yantaiCatalog(opts: DemoOptions = {}): Catalog {
  const hours = opts.alwaysOpen ? ALWAYS : WORKDAY;
  return {
    v: 1,
    hall: {
      id: 'yantai',
      name: '烟台市政务服务中心',
      address: '烟台市莱山区银海路46号',
      timeZone: 'Asia/Shanghai',
    },
    zones: ZONES.map(([id, name, location]) => ({ id, name: `${name}区`, location })),
    categories: CATEGORIES.map(([id, zoneId, name, prefix, minutes]): QueueCategory => ({
      id,
      zoneId,
      name,
      prefix,
      averageHandlingSeconds: minutes * 60,
      openingHours: hours,
      remoteDailyQuota: 100,
    })),
    items: ITEMS.map(([id, categoryId, name, department]) => ({ id, categoryId, name, department })),
  };
}

/**
 * 289 windows. Windows 1–17 are 无差别 general windows that serve the busiest everyday categories;
 * the rest are dedicated to their zone's category, numbered zone by zone.
 */
export function yantaiWindows(): ServiceWindow[] {
  const windows: ServiceWindow[] = [];
  const general = ['general', 'social', 'medical', 'utility', 'citizen-card'];
  for (let n = 1; n <= 17; n++) {
    windows.push({
      id: `w${n}`,
      number: n,
      zoneId: 'zhzw',
      categoryIds: general,
      rule: { mode: 'interleave', priority: 1, normal: 2 },
    });
  }
  let n = 18;
  for (const [categoryId, zoneId, , , , count] of CATEGORIES) {
    const dedicated = categoryId === 'general' ? count - 17 : count;
    for (let i = 0; i < dedicated; i++, n++) {
      windows.push({
        id: `w${n}`,
        number: n,
        zoneId,
        categoryIds: [categoryId],
        rule: { mode: 'interleave', priority: 1, normal: 2 },
      });
    }
  }
  return windows;
}

export function yantaiHallConfig(opts: DemoOptions = {}): HallConfig {
  return {
    v: 1,
    version: opts.version ?? 1,
    catalog: yantaiCatalog(opts),
    windows: yantaiWindows(),
    noShow: { recallsBeforeNoShow: 2, lateArrival: { allowed: true, withinMinutes: 30, placement: 'end' } },
    evaluation: {
      ratingSeconds: 30,
      laterRatingDays: 7,
      followUpWorkingDays: 15,
      reasons: BAD_REVIEW_REASON_IDS,
    },
    numbering: { blockSize: 50 },
    // 2026 national holidays that fall on weekdays, and adjusted working weekends (调休).
    calendar: {
      holidays: [
        '2026-01-01',
        '2026-01-02',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-06',
        '2026-05-01',
        '2026-05-04',
        '2026-05-05',
        '2026-06-19',
        '2026-09-25',
        '2026-10-01',
        '2026-10-02',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  };
}
