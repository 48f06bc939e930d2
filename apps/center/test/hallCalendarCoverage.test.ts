// `hall check` (and the console's import preview) warns when the 节假日 sheet lacks the year in force
// or the coming one — a warning, so a hall can still be imported before the State Council publishes.
import { describe, expect, it } from 'vitest';
import { shippedHall } from '@hallkit/testkit';
import { definitionToSheets } from '../src/server/hall/workbook/definitionToSheets.ts';
import { previewImport, previewText } from '../src/server/hall/workbook/previewImport.ts';

describe('hall check and the coming year’s calendar', () => {
  it('names a coming year without 调休 weekends, and one with no days at all, and still passes', () => {
    const def = shippedHall('yantai');
    const p = previewImport(definitionToSheets(def), def, undefined, '2026-12-05');
    expect(p.ok).toBe(true);
    expect(p.problems.filter((x) => x.sheet === '节假日')).toEqual([
      expect.objectContaining({ code: 'calendarYearNoArrangement', params: { year: 2027 }, severity: 'warning' }),
    ]);
    expect(previewText(p)).toContain('提示  「节假日」：2027 年只有法定节日，还没有调休上班日');

    const only2026 = structuredClone(def);
    only2026.calendar.holidays = only2026.calendar.holidays.filter((d) => d.startsWith('2026'));
    only2026.calendar.workingWeekends = only2026.calendar.workingWeekends.filter((d) => d.startsWith('2026'));
    const q = previewImport(definitionToSheets(only2026), def, undefined, '2026-12-05');
    expect(q.ok).toBe(true);
    expect(previewText(q)).toContain('提示  「节假日」：节假日日历还没有 2027 年');
  });
});
