// 2027 in the shipped halls: the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision: 元旦 1,
// 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days). The State Council's 2027 arrangement
// (bridge days and 调休 working weekends) was not in our sources: no 2027 working weekend is invented,
// so the editor flags 2027 as still to be completed (see halls/README.md).
import { describe, expect, it } from 'vitest';
import { hallLocalTime, isCategoryOpen, isWorkingDay } from '../src/index.ts';
import { shippedHall } from './fixtures.ts';

const STATUTORY_2027 = [
  '2027-01-01', // 元旦
  '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', // 除夕, 正月初一至初三
  '2027-04-05', // 清明
  '2027-05-01', '2027-05-02', // 劳动节
  '2027-06-09', // 端午
  '2027-09-15', // 中秋
  '2027-10-01', '2027-10-02', '2027-10-03', // 国庆
];

describe('the 2027 calendar of the shipped halls', () => {
  for (const name of ['yantai', 'qingdao', 'zhaoyuan'] as const)
    it(`${name}: closed on every 2027 statutory holiday, no invented 调休 weekend`, () => {
      const d = shippedHall(name);
      expect(d.calendar.holidays).toEqual(expect.arrayContaining(STATUTORY_2027));
      expect(d.calendar.workingWeekends.filter((x) => x.startsWith('2027'))).toEqual([]);
      expect(isWorkingDay('2027-06-09', d.calendar)).toBe(false); // a Wednesday
      const police = d.catalog.categories.find((c) => !c.openOnHolidays);
      if (!police) throw new Error('a category closed on holidays');
      expect(isCategoryOpen(police, hallLocalTime('2027-09-15T02:00:00Z', d.catalog.hall.timeZone), d.calendar)).toBe(false);
    });
});
