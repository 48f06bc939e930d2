import { describe, expect, it } from 'vitest';
import {
  callAnnouncement,
  formatTicketNumber,
  hallLocalTime,
  maskIdNumber,
  numeralTokens,
  windowNumberZh,
} from '../src/index.ts';

describe('small rules', () => {
  it('says the call the way a hall does', () => {
    expect(callAnnouncement('A012', 5).text).toBe('请A012号到5号窗口办理');
    expect(callAnnouncement('A012', 5).tokens).toEqual([
      '请',
      'A',
      '0',
      '1',
      '2',
      '号',
      '到',
      '5',
      '号窗口',
      '办理',
    ]);
    expect(callAnnouncement('B103', 15).tokens.slice(6)).toEqual(['到', '10', '5', '号窗口', '办理']);
    expect(callAnnouncement('A012', 5, 'en').text).toBe('Number A 0 1 2, please go to window 5.');
  });

  it('reads window numbers as Chinese numerals', () => {
    expect([5, 10, 15, 20, 105, 110, 289, 400, 1001].map(windowNumberZh)).toEqual([
      '五',
      '十',
      '十五',
      '二十',
      '一百零五',
      '一百一十',
      '二百八十九',
      '四百',
      '一千零一',
    ]);
    expect(numeralTokens(0)).toEqual(['0']);
  });

  it('formats numbers, masks ID numbers, finds the hall-day', () => {
    expect(formatTicketNumber('A', 12)).toBe('A012');
    expect(formatTicketNumber('BC', 1234)).toBe('BC1234');
    expect(() => formatTicketNumber('A', 0)).toThrow();
    expect(maskIdNumber('370602199001011234')).toBe('3706**********1234');
    expect(maskIdNumber('1234')).toBe('****');
    expect(hallLocalTime('2026-11-22T16:30:00Z', 'Asia/Shanghai')).toEqual({
      day: '2026-11-23',
      minuteOfDay: 30,
      weekday: 1,
    });
  });
});
