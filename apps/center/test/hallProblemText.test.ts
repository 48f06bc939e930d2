// The admin console words core's coded reasons in its language: zh-CN as `hall check` says them,
// zh-TW and English from the console's table, with the category's own translated name.
import { describe, expect, it } from 'vitest';
import { checkHallDefinition, definitionText, DEFINITION_CODES, parseOpeningHours, type DefinitionProblem } from '@hallkit/core';
import { shippedHall } from '@hallkit/testkit';
import { problemText } from '../src/renderer/admin/hall/hallProblemText.ts';

describe('hall editor reasons in three languages', () => {
  const def = shippedHall('yantai');
  const tax = def.catalog.categories.find((c) => c.id === 'tax');

  it('a bad time, an unknown time zone and a stranded line read in English and 繁體', () => {
    const bad = parseOpeningHours('每天 08:30-25:00');
    if (bad.ok) throw new Error('a bad time parses');
    expect(problemText('en', bad)).toBe('Period “08:30-25:00” is not a time range like 08:30-12:00');
    expect(problemText('zh-TW', bad)).toBe('時段「08:30-25:00」格式不對，應為 08:30-12:00');
    expect(problemText('zh-CN', bad)).toBe('时间段「08:30-25:00」格式不对，应为 08:30-12:00');

    const d = structuredClone(def);
    d.catalog.hall.timeZone = 'Asia/Shangai';
    const tz = checkHallDefinition(d).find((p) => p.code === 'timeZoneUnknown');
    expect(tz && problemText('en', tz)).toBe('Time zone Asia/Shangai does not exist (e.g. Asia/Shanghai)');

    const stranded: DefinitionProblem = { path: ['catalog', 'categories'], severity: 'error', ...definitionText('strandedRemoved', { name: tax?.name ?? '', waiting: 2, categoryId: 'tax' }) };
    expect(problemText('en', stranded, def)).toBe(`2 citizen(s) are still waiting for “${tax?.i18n?.en}”: it cannot be removed`);
    expect(problemText('zh-TW', stranded, def)).toBe(`「${tax?.i18n?.['zh-TW']}」還有 2 人在等候，不能刪除`);
  });

  it('every code is worded in zh-TW and English without a placeholder left over', () => {
    const params = { version: 3, current: 2, categoryId: 'tax', name: 'n', number: 5, waiting: 1, prefix: 'A', kind: 'zone', id: 'x', first: 1, zoneId: 'z', date: '2027-01-01', year: 2027, timeZone: 'X', min: 1, max: 9, part: 'p', text: 't', period: '1', n: 1, line: 'l', sheet: 's', column: 'c', value: 'v', row: 2, label: 'r', known: 'k', reason: 'why', code: 'c1', department: 'd', columns: '「名称(繁體)」', kept: 3, dropped: 1 };
    for (const code of DEFINITION_CODES)
      for (const lang of ['zh-TW', 'en']) {
        const s = problemText(lang, { code, params, message: '' });
        expect(s, `${lang} ${code}`).not.toBe('');
        expect(s, `${lang} ${code}`).not.toMatch(/\{\{|undefined/);
      }
  });

  it('a 事项编码 used twice names the item that has it, in the language’s own name', () => {
    const d = structuredClone(def);
    const [a, b] = d.catalog.items;
    a!.code = '370600-000201-XK-0001';
    b!.code = '370600-000201-XK-0001';
    const p = checkHallDefinition(d).find((x) => x.code === 'itemCodeDuplicate');
    expect(p && problemText('en', p, d)).toBe(`Item code 370600-000201-XK-0001 is already used by “${a!.i18n?.en}”`);
    expect(p && problemText('zh-TW', p, d)).toBe(`事項編碼 370600-000201-XK-0001 重複（「${a!.i18n?.['zh-TW']}」已使用）`);
    expect(p && problemText('zh-CN', p, d)).toBe(`事项编码 370600-000201-XK-0001 重复（「${a!.name}」已使用）`);
  });
});
