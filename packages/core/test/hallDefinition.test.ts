import { describe, expect, it } from 'vitest';
import {
  checkConfigChange,
  checkHallDefinition,
  Hall,
  hallFingerprint,
  HallConfigSchema,
  hallLocalTime,
  isCategoryOpen,
  type HallConfig,
  type HallEvent,
} from '../src/index.ts';
import { clone, refusalCode, shippedHall, smallHall, t } from './fixtures.ts';

const open = (def: HallConfig, categoryId: string, at: string) => {
  const cat = def.catalog.categories.find((c) => c.id === categoryId);
  if (!cat) throw new Error(categoryId);
  return isCategoryOpen(cat, hallLocalTime(at, def.catalog.hall.timeZone), def.calendar);
};

const issue = (h: Hall, categoryId: string, at = t(0)) =>
  h.issueTicket({ categoryId, source: 'on-site', priority: 'normal', issuerId: 'center', at });

describe('the shipped hall files', () => {
  it('are valid hall definitions shaped like the halls of the sources', () => {
    const yantai = shippedHall('yantai');
    const qingdao = shippedHall('qingdao');
    const zhaoyuan = shippedHall('zhaoyuan');
    for (const d of [yantai, qingdao, zhaoyuan])
      expect(checkHallDefinition(d).filter((p) => p.severity === 'error')).toEqual([]);
    expect(yantai.windows).toHaveLength(289);
    expect(yantai.catalog.zones.map((z) => z.name)).toContain('24小时自助服务区');
    expect(yantai.catalog.hall.address).toBe('烟台市莱山区银海路46号');
    expect(qingdao.windows).toHaveLength(400);
    expect(qingdao.windows.filter((w) => w.label === '无差别受理')).toHaveLength(17);
    expect(qingdao.catalog.zones.map((z) => z.name)).toEqual(
      expect.arrayContaining(['审批服务区', '24小时自助服务区']),
    );
    expect(qingdao.catalog.hall.address).toContain('福州南路');
    expect(zhaoyuan.catalog.zones.filter((z) => z.id !== 'zzfw')).toHaveLength(7);
    const green = zhaoyuan.windows.find((w) => w.label === '绿色通道');
    expect(zhaoyuan.catalog.zones.find((z) => z.id === green?.zoneId)?.name).toBe('建设项目审批服务区');
    // Translations travel with the names.
    expect(yantai.catalog.categories.every((c) => c.i18n?.['zh-TW'] && c.i18n.en)).toBe(true);
  });

  it('keep the real hours: lunch break, lunch staggering, a 24-hour zone, holidays and 调休 weekends', () => {
    const y = shippedHall('yantai');
    const monday1230 = '2026-11-23T04:30:00Z'; // 12:30 in Yantai
    expect(open(y, 'police', monday1230)).toBe(false);
    expect(open(y, 'general', monday1230)).toBe(true); // 午间错时
    expect(open(y, 'police', '2026-11-23T01:00:00Z')).toBe(true); // 09:00
    expect(open(y, 'police', '2026-11-21T01:00:00Z')).toBe(false); // Saturday
    expect(open(y, 'self-service', '2026-11-21T19:00:00Z')).toBe(true); // Sunday 03:00
    expect(open(y, 'police', '2026-10-01T01:00:00Z')).toBe(false); // National Day
    expect(open(y, 'self-service', '2026-10-01T01:00:00Z')).toBe(true);
    expect(open(y, 'police', '2026-10-10T01:00:00Z')).toBe(true); // Saturday 调休 working day
  });

  it('reads a version-1 document (one opening rule per category) as a device may still hold it', () => {
    const v1 = clone(shippedHall('yantai')) as unknown as {
      v: number;
      catalog: { categories: { openingHours: unknown }[] };
    };
    v1.v = 1;
    for (const c of v1.catalog.categories)
      c.openingHours = { weekdays: [1, 2, 3, 4, 5], periods: [{ from: 540, to: 1020 }] };
    const parsed = HallConfigSchema.parse(v1);
    expect(parsed.catalog.categories[0]?.openingHours).toEqual([
      { weekdays: [1, 2, 3, 4, 5], periods: [{ from: 540, to: 1020 }] },
    ]);
  });

  it('names each problem at its field', () => {
    const d = clone(shippedHall('zhaoyuan'));
    const [c0, c1] = d.catalog.categories;
    if (!c0 || !c1) throw new Error('categories');
    c1.prefix = c0.prefix;
    d.windows[3]!.categoryIds = ['nope'];
    d.windows[4]!.number = d.windows[5]!.number;
    d.calendar.workingWeekends.push(d.calendar.holidays[0]!);
    const problems = checkHallDefinition(d).filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.path.join('.'))).toEqual(
      expect.arrayContaining([
        'catalog.categories.1.prefix',
        'windows.3.categoryIds',
        'windows.5.number',
        'calendar.workingWeekends.6',
      ]),
    );
    expect(
      HallConfigSchema.safeParse({
        ...d,
        catalog: {
          ...d.catalog,
          categories: [
            { ...c0, openingHours: [{ weekdays: [1], periods: [{ from: '25:00', to: '12:00' }] }] },
          ],
        },
      }).success,
    ).toBe(false);
  });
});

describe('a change of the hall definition in a running hall', () => {
  const next = (base: HallConfig, edit: (d: HallConfig) => void): HallConfig => {
    const d = clone(base);
    d.version = base.version + 1;
    edit(d);
    return d;
  };

  it('applies live, keeps every waiting ticket in its place, and replays to the same hall', () => {
    const base = smallHall();
    const h = new Hall(base);
    const log: HallEvent[] = [];
    h.onEvent((e) => log.push(e));
    h.openWindow('w4', { id: 's4', name: '孙' }, t(0));
    const waiting = [issue(h, 'general', t(1)), issue(h, 'social', t(2)), issue(h, 'general', t(3))].map(
      (x) => x.ticketId,
    );
    // Window 4 now serves 综合受理 too; 社保就业 gets new hours; an item is renamed.
    h.changeConfig(
      next(base, (d) => {
        d.windows.find((w) => w.id === 'w4')!.categoryIds = ['tax', 'general'];
        d.catalog.categories.find((c) => c.id === 'social')!.openingHours = [
          { weekdays: [1, 2, 3, 4, 5], periods: [{ from: 480, to: 1080 }] },
        ];
        d.catalog.items[0]!.name = '企业开办（一次办好）';
      }),
      'admin',
      t(4),
    );
    expect(h.state.lines.categoryLine('general', 'normal').map((x) => x.id)).toEqual([
      waiting[0],
      waiting[2],
    ]);
    expect(h.state.lines.categoryCount('social')).toBe(1);
    expect(h.window('w4').status).toBe('open');
    expect(h.callNext('w4', t(5)).called?.id).toBe(waiting[0]);
    expect(h.state.items.get(base.catalog.items[0]!.id)?.name).toBe('企业开办（一次办好）');
    issue(h, 'general', t(6));
    expect(hallFingerprint(Hall.replay(base, log).state)).toBe(hallFingerprint(h.state));
    expect(Hall.replay(base, log).state.config.version).toBe(base.version + 1);
  });

  it('refuses a change that would strand waiting tickets, says why at the field, and changes nothing', () => {
    const base = smallHall();
    const h = new Hall(base);
    issue(h, 'social', t(1));
    h.openWindow('w2', { id: 's2', name: '钱' }, t(1));
    issue(h, 'general', t(2));
    h.callNext('w2', t(3));
    const before = hallFingerprint(h.state);
    const removed = next(base, (d) => {
      d.catalog.categories = d.catalog.categories.filter((c) => c.id !== 'social');
      d.catalog.items = d.catalog.items.filter((i) => i.categoryId !== 'social');
      for (const w of d.windows) w.categoryIds = w.categoryIds.filter((c) => c !== 'social');
      d.windows = d.windows.filter((w) => w.categoryIds.length > 0);
    });
    const msgs = checkConfigChange(h.state, removed)
      .filter((p) => p.severity === 'error')
      .map((p) => p.message);
    expect(msgs.join('\n')).toContain('还有 1 人在等候，不能删除');
    const noWindow = next(base, (d) => {
      for (const w of d.windows)
        if (w.categoryIds.length > 1) w.categoryIds = w.categoryIds.filter((c) => c !== 'social');
      d.windows = d.windows.filter((w) => !(w.categoryIds.length === 1 && w.categoryIds[0] === 'social'));
    });
    const p = checkConfigChange(h.state, noWindow).filter((x) => x.severity === 'error');
    expect(
      p.some(
        (x) =>
          x.path.join('.') ===
            `catalog.categories.${base.catalog.categories.findIndex((c) => c.id === 'social')}` &&
          x.message.includes('至少要有一个窗口'),
      ),
    ).toBe(true);
    const busyWindowGone = next(base, (d) => {
      d.windows = d.windows.filter((w) => w.id !== 'w2');
    });
    expect(checkConfigChange(h.state, busyWindowGone).map((x) => x.message)).toContain(
      '2号窗口正在办理业务，不能删除',
    );
    for (const change of [removed, noWindow, busyWindowGone])
      expect(refusalCode(() => h.changeConfig(change, 'admin', t(4)))).toBe('config-change-refused');
    expect(hallFingerprint(h.state)).toBe(before);
    expect(h.state.config.version).toBe(base.version);
    // An older or equal version never replaces the one in force.
    expect(refusalCode(() => h.changeConfig({ ...base }, 'admin', t(4)))).toBe('config-change-refused');
  });

  it('stops a category at its daily quota', () => {
    const base = smallHall();
    const h = new Hall(base);
    h.changeConfig(
      next(base, (d) => void (d.catalog.categories.find((c) => c.id === 'tax')!.dailyQuota = 2)),
      'admin',
      t(0),
    );
    issue(h, 'tax', t(1));
    issue(h, 'tax', t(2));
    expect(refusalCode(() => issue(h, 'tax', t(3)))).toBe('daily-quota-reached');
  });
});
