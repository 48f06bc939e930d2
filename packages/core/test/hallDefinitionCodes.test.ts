// Every reason a hall definition is refused for is a code with parameters (the console words it in its
// language) plus the Chinese text `hall check` prints; and the calendar says when the year in force or
// the coming one has not been entered (2027's 调休 days are not in our sources: never invented).
import { describe, expect, it } from 'vitest';
import {
  calendarCoverage,
  checkConfigChange,
  checkHallDefinition,
  definitionText,
  DEFINITION_CODES,
  Hall,
  parseCallingRule,
  parseOpeningHours,
  parseWindowNumbers,
  type HallConfig,
} from '../src/index.ts';
import { clone, shippedHall, smallHall, t } from './fixtures.ts';

describe('coded definition problems', () => {
  it('a misspelt time zone, an overlapping period and an unknown zone come with their codes and parameters', () => {
    const d = clone(smallHall());
    d.catalog.hall.timeZone = 'Asia/Shangai';
    d.windows[0]!.zoneId = 'nowhere';
    const ps = checkHallDefinition(d);
    expect(ps.find((p) => p.path.join('.') === 'catalog.hall.timeZone')).toMatchObject({
      code: 'timeZoneUnknown',
      params: { timeZone: 'Asia/Shangai' },
      message: '时区 Asia/Shangai 不存在（例如 Asia/Shanghai）',
    });
    expect(ps.find((p) => p.path.join('.') === 'windows.0.zoneId')).toMatchObject({ code: 'zoneUnknown', params: { zoneId: 'nowhere' } });
  });

  it('the text forms fail with a code, the Chinese reason kept for the workbook preview', () => {
    const h = parseOpeningHours('每天 08:30-25:00');
    expect(h).toMatchObject({ ok: false, code: 'periodFormat', params: { period: '08:30-25:00' }, reason: '时间段「08:30-25:00」格式不对，应为 08:30-12:00' });
    expect(parseCallingRule('随便')).toMatchObject({ ok: false, code: 'callingRule', params: { text: '随便' } });
    expect(parseWindowNumbers('9-3')).toMatchObject({ ok: false, code: 'windowRangeInvalid', params: { part: '9-3' } });
  });

  it('removing a category citizens wait for is refused with strandedRemoved, naming the category and the count', () => {
    const base = smallHall();
    const h = new Hall(base);
    h.issueTicket({ categoryId: 'social', source: 'on-site', priority: 'normal', issuerId: 'center', at: t(1) });
    const next: HallConfig = clone(base);
    next.version = base.version + 1;
    next.catalog.categories = next.catalog.categories.filter((c) => c.id !== 'social');
    next.catalog.items = next.catalog.items.filter((i) => i.categoryId !== 'social');
    for (const w of next.windows) w.categoryIds = w.categoryIds.filter((c) => c !== 'social');
    next.windows = next.windows.filter((w) => w.categoryIds.length > 0);
    const p = checkConfigChange(h.state, next).find((x) => x.code === 'strandedRemoved');
    expect(p).toMatchObject({ params: { categoryId: 'social', waiting: 1 }, stranded: { categoryId: 'social', waiting: 1 }, severity: 'error' });
    expect(p?.message).toBe(`「${base.catalog.categories.find((c) => c.id === 'social')?.name}」还有 1 人在等候，不能删除`);
  });

  it('every code has its Chinese text', () => {
    for (const code of DEFINITION_CODES) expect(definitionText(code, {}).message.length).toBeGreaterThan(0);
  });
});

describe('the calendar covers the year in force and the coming one', () => {
  const cal = (holidays: string[], workingWeekends: string[] = []) => ({ holidays, workingWeekends });

  it('from October on, a calendar without the coming year warns for it', () => {
    const ps = calendarCoverage(cal(['2026-10-01'], ['2026-10-10']), '2026-12-05');
    expect(ps).toEqual([expect.objectContaining({ code: 'calendarYearMissing', params: { year: 2027 }, severity: 'warning' })]);
    expect(ps[0]?.message).toContain('节假日日历还没有 2027 年');
  });

  it('before October only the year in force counts', () => {
    expect(calendarCoverage(cal(['2026-10-01'], ['2026-10-10']), '2026-06-01')).toEqual([]);
    expect(calendarCoverage(cal(['2025-10-01'], ['2025-10-11']), '2026-06-01').map((p) => p.code)).toEqual(['calendarYearMissing']);
  });

  it('the shipped halls have 2027’s statutory holidays but not its 调休 weekends: flagged, not invented', () => {
    for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const) {
      const ps = calendarCoverage(shippedHall(name).calendar, '2026-12-05');
      expect(ps.map((p) => [p.code, p.params])).toEqual([['calendarYearNoArrangement', { year: 2027 }]]);
    }
  });
});
